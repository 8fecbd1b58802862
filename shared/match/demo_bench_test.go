package match_test

import (
	"testing"

	"voile/shared/demo"
	"voile/shared/match"
)

// BenchmarkCompileDemo measures compiling the demo lists, whose patterns
// expand into some 10,000 phrases: what a client pays at start-up.
func BenchmarkCompileDemo(b *testing.B) {
	lists, err := demo.Lists()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := match.Compile(lists...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportDemo measures rebuilding the compiled demo lists from
// their Export: what a client pays at start-up with a cache.
func BenchmarkImportDemo(b *testing.B) {
	lists, err := demo.Lists()
	if err != nil {
		b.Fatal(err)
	}
	e, err := match.Compile(lists...)
	if err != nil {
		b.Fatal(err)
	}
	data := e.Export(nil)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := match.Import(data, lists...); err != nil {
			b.Fatal(err)
		}
	}
}
