// Native only: shared/demo parses YAML, which js/wasm builds leave out.

//go:build !(js && wasm)

package engine

import (
	"encoding/json"
	"os"
	"testing"

	"voile/shared/demo"
	"voile/wasm/internal/testlists"
)

// BenchmarkClassifyDemo classifies batches of 100 benchmark posts (make
// wasm-fixtures writes them) with the demo lists, natively: the figure to
// compare the wasm's with.
func BenchmarkClassifyDemo(b *testing.B) {
	data, err := os.ReadFile("../../../build/wasm-test/posts.json")
	if err != nil {
		b.Skip("no benchmark posts: run make wasm-fixtures")
	}
	var posts []string
	if err := json.Unmarshal(data, &posts); err != nil {
		b.Fatal(err)
	}
	e := New()
	p := testlists.NewPublisher("voile-demo")
	if err := e.Trust(p.ID, p.Public); err != nil {
		b.Fatal(err)
	}
	lists, err := demo.Lists()
	if err != nil {
		b.Fatal(err)
	}
	for _, l := range lists {
		if _, err := e.Load(p.Sign(l)); err != nil {
			b.Fatal(err)
		}
	}
	var reqs [][]byte
	for i := 0; i+100 <= len(posts); i += 100 {
		reqs = append(reqs, AppendRequest(nil, &Request{Sensitivity: 0.5, Texts: posts[i : i+100]}))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Classify(reqs[i%len(reqs)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*100)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkLoadDemo loads the two demo lists into a fresh engine, as an
// extension does at start-up: decode, verify, validate, compile.
func BenchmarkLoadDemo(b *testing.B) {
	p, bundles := signedDemo(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := New()
		if err := e.Trust(p.ID, p.Public); err != nil {
			b.Fatal(err)
		}
		for _, data := range bundles {
			if _, err := e.Load(data); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkWarmStartDemo is a start with the start-up cache, natively:
// a fresh engine restores the cache of the demo lists, loads their
// bundles (signatures checked, not validated again) and classifies one
// post. In WebAssembly the same work costs many times more (make
// bench-wasm), mostly in the engine's first runs of each function; this
// is the part that is the program's own.
func BenchmarkWarmStartDemo(b *testing.B) {
	p, bundles := signedDemo(b)
	start := func() *Engine {
		e := New()
		e.SetBuild("bench")
		if err := e.Trust(p.ID, p.Public); err != nil {
			b.Fatal(err)
		}
		return e
	}
	e := start()
	for _, data := range bundles {
		if _, err := e.Load(data); err != nil {
			b.Fatal(err)
		}
	}
	cache, err := e.ExportCache()
	if err != nil {
		b.Fatal(err)
	}
	req := AppendRequest(nil, &Request{Sensitivity: 0.5, Texts: []string{"one post to classify at start-up"}})
	b.SetBytes(int64(len(cache)))
	b.ReportAllocs()
	for b.Loop() {
		e := start()
		if err := e.RestoreCache(cache); err != nil {
			b.Fatal(err)
		}
		for _, data := range bundles {
			if _, err := e.Load(data); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := e.Classify(req); err != nil {
			b.Fatal(err)
		}
		if !e.CacheUsed() {
			b.Fatal("the cache was not used")
		}
	}
}

// signedDemo returns a demo publisher and the demo lists signed by it.
func signedDemo(b *testing.B) (*testlists.Publisher, [][]byte) {
	p := testlists.NewPublisher("voile-demo")
	lists, err := demo.Lists()
	if err != nil {
		b.Fatal(err)
	}
	var bundles [][]byte
	for _, l := range lists {
		bundles = append(bundles, p.Sign(l))
	}
	return p, bundles
}
