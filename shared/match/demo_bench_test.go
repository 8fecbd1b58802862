package match_test

import (
	"testing"

	"voile/shared/demo"
	"voile/shared/match"
)

// BenchmarkCompileDemo measures compiling the demo lists, whose patterns
// spell some 150,000 phrases: what a client pays at its first start.
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
