// Package ccorpus holds the C backend's differential corpus test: every
// kernel of testdata/py at -O0 and -O2, translated to C11 by emit/c, built
// with -std=c11 -O2 -Wall -Wextra -Werror through the cgo bridge and
// compared with CPython + numpy exactly as verify.TestCorpus compares the
// Go backend; TestCorpusC builds with $CC (else gcc), TestCorpusClang
// again with clang at -O2. It is a package of its own so that its builds
// (one cgo build per file, level and compiler) get their own test timeout.
package ccorpus
