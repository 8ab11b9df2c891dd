package nprand

import (
	"crypto/rand"
	"encoding/binary"
)

// entropyWords returns 128 bits of OS entropy as SeedSequence words, as
// numpy's SeedSequence() draws randbits(128) from the secrets module.
func entropyWords() []uint32 {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand.Read does not fail on supported systems (it
		// panics inside the standard library if the OS source breaks).
		panic("nprand: no OS entropy: " + err.Error())
	}
	w := make([]uint32, 4)
	for i := range w {
		w[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return w
}
