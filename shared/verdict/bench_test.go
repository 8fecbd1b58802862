package verdict_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"voile/shared/demo"
	"voile/shared/match"
	"voile/shared/rules/rulestest"
	"voile/shared/verdict"
)

// BenchmarkClassifyStarter classifies the posts of the functional suites,
// hateful and not, English and French, with the starter lists and their
// model: what the extension ships.
func BenchmarkClassifyStarter(b *testing.B) {
	lists, err := demo.Lists()
	if err != nil {
		b.Fatal(err)
	}
	e, err := match.Compile(lists...)
	if err != nil {
		b.Fatal(err)
	}
	c := verdict.New(e)
	var posts []string
	for _, name := range []string{"suite-en.jsonl", "suite-fr.jsonl"} {
		f, err := os.Open(filepath.Join("..", "eval", "testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		dec := json.NewDecoder(f)
		for dec.More() {
			var k struct{ Text string }
			if err := dec.Decode(&k); err != nil {
				b.Fatal(err)
			}
			posts = append(posts, k.Text)
		}
		f.Close()
	}
	o := &verdict.Options{Sensitivity: 0.5}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Classify(posts[i%len(posts)], o)
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkClassifyStarterClean classifies an ordinary 280-character post
// with the starter lists and their model.
func BenchmarkClassifyStarterClean(b *testing.B) {
	lists, err := demo.Lists()
	if err != nil {
		b.Fatal(err)
	}
	e, err := match.Compile(lists...)
	if err != nil {
		b.Fatal(err)
	}
	c := verdict.New(e)
	o := &verdict.Options{Sensitivity: 0.5}
	post := rulestest.Post280()
	b.SetBytes(int64(len(post)))
	b.ReportAllocs()
	for b.Loop() {
		c.Classify(post, o)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}
