package match_test

import (
	"reflect"
	"sync"
	"testing"

	"voile/shared/demo"
	"voile/shared/eval"
	"voile/shared/match"
	"voile/shared/rules"
)

// suiteTexts returns the posts of the functional suites, and a few with
// misspellings, split and joined words for the spelling variants.
func suiteTexts(t testing.TB) []string {
	texts := []string{"muslms are invaders", "mulsims go home", "ihate jews", "musliminvaders everywhere", "the mus lims"}
	for _, name := range []string{"../eval/testdata/suite-en.jsonl", "../eval/testdata/suite-fr.jsonl"} {
		cases, err := eval.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			texts = append(texts, c.Text)
		}
	}
	return texts
}

// testLists are the demo lists and one of patterns and exceptions.
func testLists(t testing.TB) []*rules.List {
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	l := &rules.List{ID: "re", Publisher: "test", Version: 1, Langs: []string{"en", "fr"}, Rules: []rules.Rule{
		{ID: "a", Kind: rules.Pattern, Text: `\b(14|1488|88) ?words\b`, Category: rules.Racism, Weight: 0.9},
		{ID: "b", Kind: rules.Pattern, Text: `\b(kill|kil|kll) (them )?all\b`, Category: rules.Threat, Weight: 0.9},
		{ID: "c", Kind: rules.Term, Text: "queer", Category: rules.LGBTphobia, Weight: 0.5, Exceptions: []string{"queer studies"}},
	}}
	l.ParsePatterns()
	if err := l.Validate(); err != nil {
		t.Fatal(err)
	}
	return append(lists, l)
}

func hits(e *match.Engine, texts []string) [][]match.Hit {
	m := e.NewMatcher()
	out := make([][]match.Hit, len(texts))
	for i, s := range texts {
		out[i] = append([]match.Hit{}, m.Match(s)...)
	}
	return out
}

// TestLoadedConcurrent: an engine loaded from its image uses the image's
// tables in place, and goroutines match with it at once as with a
// compiled one (go test -race).
func TestLoadedConcurrent(t *testing.T) {
	lists := testLists(t)
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := match.LoadImage(e.AppendImage(nil), lists...)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"1488 words", "kiiill all of them", "88words and 14 words"}
	want := hits(e, texts)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := hits(loaded, texts); !reflect.DeepEqual(got, want) {
				t.Errorf("loaded %v, compiled %v", got, want)
			}
		})
	}
	wg.Wait()
}
