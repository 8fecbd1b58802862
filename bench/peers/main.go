// Command peers measures Voile's classifier against plain matchers on the
// same lists and posts, in one interleaved run on one core, and prints
// each peer's rate and Voile's ratio to it (above 1: Voile is faster).
//
//	go run . [-rounds 6] [-time 300ms] [-cpuprofile file -only voile]
//	go run . -export dir   # lists, bundles and posts for bench.mjs
//
// Each round runs every contestant once, in turn, for -time; a ratio is
// taken within each round, so that a slower moment of a shared machine
// weighs on both sides, and the median of the rounds is printed. Rates
// are measured on the thread's CPU time, which other processes on the
// machine do not inflate, and on the wall clock.
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	ac "github.com/petar-dambovaliev/aho-corasick"

	"voile/shared/match"
	"voile/shared/normalize"
	"voile/shared/verdict"
)

// A contestant handles one post.
type contestant struct {
	name string
	run  func(post string) int // returns something, so the work is not optimised away
}

func contestants(bl benchList) ([]contestant, error) {
	e, err := match.Compile(bl.lists...)
	if err != nil {
		return nil, err
	}
	cl := verdict.New(e)
	opts := &verdict.Options{Sensitivity: 0.5}
	norm := normalize.New()

	b := ac.NewAhoCorasickBuilder(ac.Opts{MatchOnlyWholeWords: true, MatchKind: ac.LeftMostLongestMatch, DFA: true})
	auto := b.Build(bl.terms)

	quoted := make([]string, len(bl.terms))
	for i, t := range bl.terms {
		quoted[i] = regexp.QuoteMeta(t)
	}
	re := regexp.MustCompile(`\b(?:` + strings.Join(quoted, "|") + `)\b`)

	return []contestant{
		{"voile", func(p string) int {
			v := cl.Classify(p, opts)
			return len(v.Reasons)
		}},
		{"voile-normalize", func(p string) int { return len(norm.Normalize(p).Words) }},
		{"aho-corasick", func(p string) int { return len(auto.FindAll(strings.ToLower(p))) }},
		{"regexp", func(p string) int { return len(re.FindAllStringIndex(strings.ToLower(p), -1)) }},
	}, nil
}

// A sample is one contestant's rate in one round.
type sample struct {
	cpuRate, wallRate float64 // posts per second
	allocs            float64 // per post
}

func measure(c contestant, posts []string, d time.Duration) sample {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	mallocs := ms.Mallocs
	n, sink := 0, 0
	cpu0, wall0 := threadCPU(), time.Now()
	for off := 0; time.Since(wall0) < d; off = (off + 10) % len(posts) {
		for _, p := range posts[off : off+10] {
			sink += c.run(p)
		}
		n += 10
	}
	cpu, wall := threadCPU()-cpu0, time.Since(wall0)
	runtime.ReadMemStats(&ms)
	if sink < 0 {
		fmt.Println(sink)
	}
	s := sample{wallRate: float64(n) / wall.Seconds(), allocs: float64(ms.Mallocs-mallocs) / float64(n)}
	s.cpuRate = s.wallRate
	if cpu > 0 {
		s.cpuRate = float64(n) / cpu.Seconds()
	}
	return s
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func main() {
	rounds := flag.Int("rounds", 6, "rounds of every contestant")
	d := flag.Duration("time", 300*time.Millisecond, "time of one contestant in one round")
	examples := flag.String("examples", "../../shared/demo/testdata/examples.jsonl", "labelled posts of the starter lists")
	only := flag.String("only", "", "run this contestant alone (with -cpuprofile)")
	list := flag.String("list", "", "run this list alone")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile")
	export := flag.String("export", "", "write lists, bundles and posts for bench.mjs into this folder and exit")
	flag.Parse()
	if err := run(*rounds, *d, *examples, *only, *list, *cpuprofile, *export); err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(1)
	}
}

func run(rounds int, d time.Duration, examples, only, list, cpuprofile, export string) error {
	bls, err := lists()
	if err != nil {
		return err
	}
	ps, err := posts(examples, 1000)
	if err != nil {
		return err
	}
	if export != "" {
		return exportAll(export, bls, ps)
	}
	runtime.GOMAXPROCS(1)
	runtime.LockOSThread()
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Printf("%d posts of 280 characters, one core, %d rounds of %v each, medians; ratio = Voile's rate / the peer's\n", len(ps), rounds, d)
	for _, bl := range bls {
		if list != "" && bl.name != list {
			continue
		}
		cs, err := contestants(bl)
		if err != nil {
			return err
		}
		if only != "" {
			cs = slices.DeleteFunc(cs, func(c contestant) bool { return c.name != only })
		}
		for _, c := range cs { // warm up
			measure(c, ps, d/10)
		}
		samples := make([][]sample, len(cs))
		for r := range rounds {
			for k := range cs {
				i := (k + r) % len(cs) // each contestant takes every place in turn
				samples[i] = append(samples[i], measure(cs[i], ps, d))
			}
		}
		fmt.Printf("\n%s (%d rules, %d literal terms for the peers)\n", bl.name, ruleCount(bl), len(bl.terms))
		fmt.Printf("  %-16s %14s %14s %12s %14s %14s\n", "", "posts/s (cpu)", "posts/s (wall)", "allocs/post", "voile × (cpu)", "voile × (wall)")
		for i, c := range cs {
			var cpu, wall, allocs, rc, rw []float64
			for r, s := range samples[i] {
				cpu, wall, allocs = append(cpu, s.cpuRate), append(wall, s.wallRate), append(allocs, s.allocs)
				if cs[0].name == "voile" {
					v := samples[0][r]
					rc, rw = append(rc, v.cpuRate/s.cpuRate), append(rw, v.wallRate/s.wallRate)
				}
			}
			ratio := func(xs []float64) string {
				if len(xs) == 0 || c.name == "voile" {
					return ""
				}
				return fmt.Sprintf("%.2f×", median(xs))
			}
			fmt.Printf("  %-16s %14.0f %14.0f %12.1f %14s %14s\n", c.name, median(cpu), median(wall), median(allocs), ratio(rc), ratio(rw))
		}
	}
	return nil
}

func ruleCount(bl benchList) int {
	n := 0
	for _, l := range bl.lists {
		n += len(l.Rules)
	}
	return n
}
