// Command progen runs random kernels through CPython and both pyc2go
// backends and reports (and reduces) the ones that fail:
//
//	go run ./internal/progen/cmd -n 1000 -j 2            # seeds 1..1000
//	go run ./internal/progen/cmd -seed 77 -n 1 -print    # show one program
//	go run ./internal/progen/cmd -n 200 -reduce -out dir # write minimal repros
//
// It prints one line per failing program and a summary (programs,
// functions, statements, findings by kind) at the end.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/pyc2go/pyc2go/internal/progen"
)

func main() {
	n := flag.Int("n", 10, "number of programs")
	start := flag.Int64("seed", 1, "first seed")
	jobs := flag.Int("j", 1, "programs checked at once")
	cases := flag.Int("cases", 12, "generated inputs per function")
	print := flag.Bool("print", false, "print the programs instead of checking them")
	reduce := flag.Bool("reduce", false, "reduce each failing program to a minimal repro")
	out := flag.String("out", "", "directory for failing programs and their reductions")
	flag.Parse()

	cfg := progen.Config{}
	if *print {
		for s := *start; s < *start+int64(*n); s++ {
			fmt.Print(progen.Generate(s, cfg).Source())
		}
		return
	}
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	began := time.Now()
	var mu sync.Mutex
	var funcs, stmts, failed int
	kinds := map[string]int{}
	seeds := make(chan int64)
	var wg sync.WaitGroup
	for w := 0; w < *jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range seeds {
				p := progen.Generate(s, cfg)
				nf, ns := p.Counts()
				fs, err := progen.Check(p, progen.CheckConfig{Cases: *cases})
				mu.Lock()
				funcs += nf
				stmts += ns
				if err != nil {
					fmt.Printf("seed %d: %v\n", s, err)
				}
				if len(fs) > 0 {
					failed++
				}
				for _, f := range fs {
					kinds[f.Kind]++
					fmt.Printf("seed %d: %s\n", s, f)
				}
				mu.Unlock()
				if len(fs) > 0 && *out != "" {
					os.WriteFile(filepath.Join(*out, fmt.Sprintf("seed%d.py", s)), []byte(p.Source()), 0o644)
					if *reduce {
						r, f := progen.Reduce(p, fs[0], progen.CheckConfig{Cases: *cases})
						src := fmt.Sprintf("# reduced from seed %d: %s\n%s", s, f, r.Source())
						os.WriteFile(filepath.Join(*out, fmt.Sprintf("seed%d_min.py", s)), []byte(src), 0o644)
					}
				}
			}
		}()
	}
	for s := *start; s < *start+int64(*n); s++ {
		seeds <- s
	}
	close(seeds)
	wg.Wait()
	var ks []string
	for k := range kinds {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	fmt.Printf("%d programs (%d functions, %d statements), %d failing, in %s:", *n, funcs, stmts, failed, time.Since(began).Round(time.Second))
	for _, k := range ks {
		fmt.Printf(" %s %d", k, kinds[k])
	}
	fmt.Println()
}
