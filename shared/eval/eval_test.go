package eval_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"voile/shared/eval"
	"voile/shared/match"
	"voile/shared/rules"
	"voile/shared/verdict"
)

func TestReadBothShapes(t *testing.T) {
	src := `{"id":"en-1","text":"a post","lang":"en","hateful":true,"function":"slur","category":"racism","split":"build"}
{"id": 7, "text": "another", "lang": "en", "label": "offensive", "split": "dev"}

{"text": "third", "label": "hate"}
`
	cases, err := eval.Read("test", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []eval.Case{
		{ID: "en-1", Text: "a post", Lang: "en", Hateful: true, Function: "slur", Category: rules.Racism, Split: "build"},
		{ID: "7", Text: "another", Lang: "en", Split: "dev"},
		{Text: "third", Hateful: true},
	}
	if fmt.Sprint(cases) != fmt.Sprint(want) {
		t.Errorf("got %+v\nwant %+v", cases, want)
	}
	if got := eval.Select(cases, "dev"); len(got) != 1 || got[0].ID != "7" {
		t.Errorf("Select dev: %+v", got)
	}
	for _, bad := range []string{`{"text": "no label"}`, `{"hateful": true}`, `not json`} {
		if _, err := eval.Read("bad", strings.NewReader(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestCounts(t *testing.T) {
	c := eval.Counts{TP: 6, FP: 2, FN: 4, TN: 8}
	for _, k := range []struct {
		name      string
		got, want float64
	}{
		{"accuracy", c.Accuracy(), 0.7},
		{"recall", c.Recall(), 0.6},
		{"specificity", c.Specificity(), 0.8},
		{"precision", c.Precision(), 0.75},
		{"F1", c.F1(), 2 * 0.75 * 0.6 / 1.35},
	} {
		if d := k.got - k.want; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s %v, want %v", k.name, k.got, k.want)
		}
	}
	if (eval.Counts{}).F1() != 0 || (eval.Counts{}).Recall() != 0 {
		t.Error("empty counts should score 0")
	}
}

// A list's new version is measured on labelled posts, and the posts whose
// verdict it changes are listed.
func Example() {
	old := &rules.List{ID: "l", Publisher: "ngo", Version: 1, Langs: []string{"en"}, Rules: []rules.Rule{
		{ID: "slur", Kind: rules.Term, Text: "slurword", Category: rules.Racism, Weight: 0.9},
	}}
	next := *old
	next.Version = 2
	next.Rules = append(next.Rules, rules.Rule{ID: "slur2", Kind: rules.Term, Text: "otherslur", Category: rules.Racism, Weight: 0.9})
	cases := []eval.Case{
		{ID: "1", Text: "you slurword", Lang: "en", Hateful: true},
		{ID: "2", Text: "you otherslur", Lang: "en", Hateful: true},
		{ID: "3", Text: "a lovely day", Lang: "en"},
	}
	opts := &verdict.Options{Sensitivity: verdict.DefaultSensitivity}
	run := func(l *rules.List) []eval.Outcome {
		e, err := match.Compile(l)
		if err != nil {
			panic(err)
		}
		return eval.Classify(verdict.New(e), cases, opts)
	}
	before, after := run(old), run(&next)
	a := eval.Summarise(after).All
	fmt.Printf("recall %.2f, specificity %.2f\n", a.Recall(), a.Specificity())
	for _, i := range eval.Changed(before, after) {
		fmt.Printf("post %s now flagged: %v\n", after[i].ID, after[i].Flagged)
	}
	eval.PrintErrors(os.Stdout, before, -1)
	// Output:
	// recall 1.00, specificity 1.00
	// post 2 now flagged: true
	// misses:
	//   2 [en ] "you otherslur"
}
