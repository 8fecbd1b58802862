package match

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"testing"

	"voile/shared/demo"
	"voile/shared/normalize"
	"voile/shared/rules"
)

func TestRequiredClauses(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    [][]string // nil: the pattern runs on every text
	}{
		// Parts that match a few strings each, side by side, give their
		// products, which imply the clauses of each part alone.
		{`\b(the )?jews? (control|run)s?\b`, [][]string{{"jews control", "jews run", "jew control", "jew run"}}},
		{`\b(1488|14 88)\b`, [][]string{{"1488", "14 88"}}},
		{`\banchor bab(y|ies)\b`, [][]string{{"anchor baby", "anchor babies"}}},
		// "attraper" alone is in "rattrapera".
		{`\b(les|vous) (choper|attraper) (un|une) par (un|une)\b`, [][]string{{"les choper un par ", "les choper une par ", "les attraper un par ", "les attraper une par ", "vous choper un par ", "vous choper une par ", "vous attraper un par ", "vous attraper une par "}}},
		{`\bnigg+(uh|ah)s?\b`, [][]string{{"nigg"}, {"uh", "ah"}}}, // a literal and a repeated one join
		// The parser factors out the f: f(emoid|oid)|roastie.
		{`\b(femoid|foid|roastie)s?\b`, [][]string{{"femoid", "foid", "roastie"}}},
		{`(?i)\bKike\b`, [][]string{{"kike"}}},
		{`(?i)éthnie`, nil}, // case folding outside ASCII
		{`\b\w+ist\b`, [][]string{{"ist"}}},
		{`[a-z]+`, nil},
		{`a|bc`, nil}, // one byte is too short to help
		{`(ab)*cd`, [][]string{{"cd"}}},
		{`(ab){2,}x`, [][]string{{"ab"}}},
		{`x(ab)?`, nil},
		{`aa b cc d ee f gg h ii`, [][]string{{"aa b cc d ee f gg h ii"}}},
		{`aa.bb.cc.dd.ee.ff`, [][]string{{"aa"}, {"bb"}, {"cc"}, {"dd"}}}, // at most four
		// An alternation gives the best clause of each branch, then the
		// next best, so that a common word ("make ") is not enough.
		{`\b(make (them|you) wish|happily watch)\b`, [][]string{{"make them wish", "make you wish", "happily watch"}}},
		{`\b(make (them|you) wish|happily (watch|see) (them|it))\b`, [][]string{{"make them wish", "make you wish", "happily watch them", "happily watch it", "happily see them", "happily see it"}}},
		// A branch whose next clause is too short gives its best again.
		{`\b(b(ones will break|lood will flow)|make \w+ wish)\b`, [][]string{{"ones will break", "lood will flow", " wish"}, {"bones will break", "blood will flow", "make "}}},
	} {
		got := patternClauses(c.pattern)
		if fmt.Sprint(got) != fmt.Sprint(c.want) && !(len(got) == 0 && c.want == nil) {
			t.Errorf("patternClauses(%q) = %q, want %q", c.pattern, got, c.want)
		}
	}
}

// Every demo pattern expands into phrases of the automaton or gets
// literals, so that no pattern runs on every post.
func TestDemoPatternsArePrefiltered(t *testing.T) {
	e := demoEngine()
	patterns := 0
	for _, l := range e.Lists {
		for _, r := range l.Rules {
			if r.Kind == rules.Pattern {
				patterns++
			}
		}
	}
	if patterns == 0 {
		t.Fatal("the demo lists have no patterns")
	}
	t.Logf("%d patterns, %d left as regular expressions", patterns, len(e.regexps))
	for i, cp := range e.regexps {
		if e.pre.clauseAt[i] == e.pre.clauseAt[i+1] {
			t.Errorf("pattern %q of list %q runs on every text", cp.src, e.Lists[cp.list].ID)
		}
	}
}

// The prefilter never skips a pattern that matches.
func FuzzPrefilter(f *testing.F) {
	f.Add(`\b(the )?jews? (control|run)s?\b`, "the jews control")
	f.Add(`\b(1488|14 88)\b`, "born in 14 88")
	f.Add(`(?i)\bK(ike|yke)s?\b`, "kykes")
	f.Add(`(ab){2,}x|q+r`, "zababx qqr")
	f.Add(`\bsales? (noir|arabe)s?\b`, "sale arabe")
	f.Add(`\b(les|vous) (choper|attraper) (un|une)\b`, "on se rattrapera les attraper une")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return
		}
		p := buildPrefilter([]*compiledPattern{{src: pattern}})
		found := make([]bool, p.clauses())
		norm := normalize.New().Normalize(text).Norm
		p.scan(norm, found)
		if re.Match(norm) && !p.may(0, found) {
			t.Fatalf("%q matches %q but the prefilter skipped it (clauses %q)", pattern, norm, patternClauses(pattern))
		}
	})
}

// With the prefilter, matching gives what running every regexp gives.
func TestPrefilterKeepsHits(t *testing.T) {
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	e, err := Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"The Jews control the media", "les juifs controlent les banques", "1488 forever", "14 88",
		"go back where you came from", "women belong in the kitchen", "sale arabe", "a calm day",
		"islam is a cancer", "they deserve to die", "death to all the immigrants",
	}
	const benign = "a calm day"
	with, without := e.NewMatcher(), e.NewMatcher()
	for _, text := range texts {
		got := slices.Clone(with.Match(text))
		// Every regexp runs when the prefilter has no clauses at all.
		all := &prefilter{nclass: 1, delta: []int32{0}, outAt: []int32{0, 0}, clauseAt: make([]int32, len(e.regexps)+1)}
		all.ready()
		saved := e.pre
		e.pre = all
		want := without.Match(text)
		e.pre = saved
		if !slices.Equal(got, want) {
			t.Errorf("%q: hits %v with the prefilter, %v without", text, got, want)
		}
		if len(want) == 0 && text != benign {
			t.Errorf("%q: no hit; the test needs texts that match", text)
		}
	}
}

// NormHash is FNV-1a of the normalised text, whether the prefilter's scan
// computed it (lists with regular expressions) or not.
func TestNormHash(t *testing.T) {
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	withRe, err := Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	if len(withRe.regexps) == 0 {
		t.Fatal("the starter lists have no regular expression left: the test needs one")
	}
	plain, err := Compile(&rules.List{ID: "l", Publisher: "p", Version: 1, Rules: []rules.Rule{{ID: "r", Kind: rules.Term, Text: "word", Category: rules.Racism, Weight: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []*Engine{withRe, plain} {
		m := e.NewMatcher()
		for _, text := range []string{"", "The Jews control the media", "Ça va, les élèves?", "1488 forever", "z.q.d.v ZZW0RD"} {
			m.Match(text)
			h := fnv.New64a()
			h.Write(m.Text.Norm)
			if got, want := m.NormHash(), h.Sum64(); got != want {
				t.Errorf("%d regexps, %q: NormHash = %x, want %x", len(e.regexps), text, got, want)
			}
		}
	}
}

// The scan finds a row's state by multiplying by recip: exact for every
// number of classes and every row the table can hold.
func TestPrefilterRecip(t *testing.T) {
	for nclass := 1; nclass <= 256; nclass++ {
		p := &prefilter{nclass: nclass, delta: make([]int32, nclass), outAt: []int32{0, 0}}
		p.ready()
		last := int32((maxPrefilter - 1) / nclass)
		for _, s := range []int32{0, 1, 2, 3, last / 2, last - 1, last, (1<<31-1)/int32(nclass) - 1} {
			row := s * int32(nclass)
			if got := int32(uint64(row) * p.recip >> 32); got != s {
				t.Fatalf("%d classes, row %d: state %d, want %d", nclass, row, got, s)
			}
		}
	}
}
