package match

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string // nil: stays a regexp
	}{
		{`\bsales? (arabe|noir)\b`, []string{"sale arabe", "sale noir", "sales arabe", "sales noir"}},
		{`\b(1488|14 88)\b`, []string{"1488", "14 88"}},
		{`\b(the )?jews? run\b`, []string{"jew run", "jews run", "the jew run", "the jews run"}},
		{`\bgo back\b`, []string{"go back"}},
		{`\bnigg+a\b`, nil},                 // repetition
		{`\bfoo.bar\b`, nil},                // wildcard
		{`\b[a-z]+ing\b`, nil},              // large class, repetition
		{`\b(les )?juifs (tout|tous)`, nil}, // no final boundary: "toutes" would match
		{`juifs\b`, nil},                    // no first boundary
		{`\b(?i)Jews\b`, nil},               // case folding
		{`\bx(a|b|c|d|e|f|g|h|i|j)(a|b|c|d|e|f|g|h|i|j)(a|b|c|d|e|f|g|h|i|j)(a|b|c|d|e|f|g|h|i|j)\b`, nil}, // 10,000 phrases
		{`\b(mort aux|a mort les) (juifs|arabes)\b`, []string{"a mort les arabes", "a mort les juifs", "mort aux arabes", "mort aux juifs"}},
		{`\b(a|b)  c\b`, nil}, // two spaces
	}
	for _, tc := range tests {
		got, ok := expand(tc.pattern)
		slices.Sort(got)
		slices.Sort(tc.want)
		if ok != (tc.want != nil) || !slices.Equal(got, tc.want) {
			t.Errorf("expand(%q) = %q, %v; want %q", tc.pattern, got, ok, tc.want)
		}
	}
}

// TestExpandSameMatches checks that an expanded pattern matches where its
// regexp matches, on normalised texts.
func TestExpandSameMatches(t *testing.T) {
	pat := `\b(i ll|i will|gonna) (kill|shoot) (you|them)( all)?\b`
	e, err := Compile(list("l", regex(pat)))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.regexps) != 0 {
		t.Fatal("the pattern was not expanded")
	}
	re := regexp.MustCompile(pat)
	m := e.NewMatcher()
	for _, text := range []string{
		"i ll kill you", "I'll KILL you all", "i will shoot them now", "gonna kill", "i will kill youtube",
		"we will kill you", "ill kill you", "gonna shoot you all day", "i will shoot them all",
	} {
		hits := m.Match(text)
		want := re.Match(m.Text.Norm)
		if (len(hits) > 0) != want {
			t.Errorf("%q (normalised %q): %d hits, regexp matches %v", text, m.Text.Norm, len(hits), want)
		}
		if len(hits) > 0 {
			loc := re.FindIndex(m.Text.Norm)
			if s, e := m.Text.Orig(loc[0], loc[1]); !strings.EqualFold(text[s:e], text[hits[0].Start:hits[0].End]) {
				t.Errorf("%q: hit %q, regexp %q", text, text[hits[0].Start:hits[0].End], text[s:e])
			}
		}
	}
}

// TestStarterPatternsExpand: a pattern of the starter lists that does not
// expand to phrases runs as a regular expression on every post its
// prefilter passes, several times the cost of the automaton. Most are
// written so that they expand (an optional word with its own space, "( that)?"
// rather than "(that )?"; a list of words rather than \w+); the one that
// needs a word left open has anchor words, so that no pass over the bytes
// of every post is made for it (anchor.go).
func TestStarterPatternsExpand(t *testing.T) {
	e := demoEngine()
	open := map[string]bool{"cue-report-hate-they-get": true}
	for i, cp := range e.regexps {
		id := e.Lists[cp.list].Rules[cp.rule].ID
		if !open[id] {
			t.Errorf("rule %s runs as a regular expression: %.80s…", id, cp.src)
		}
		if e.anchorAt[i] == e.anchorAt[i+1] {
			t.Errorf("rule %s has no anchor word of the dictionary: %.80s…", id, cp.src)
		}
	}
	if e.scan {
		t.Error("the starter lists need the prefilter's pass over every post")
	}
}

// TestStarterImageBudget: the starter lists' compiled automaton is what
// the extension keeps as its start-up cache and restores at every start.
// Its transition table doubles when the trie passes four fifths of a
// power of two of edges (2^18 slots hold 209,715: the starter lists have
// 195,800 edges below 201,000 states, those from the root in a table of
// their own), and the image grows by 3 MB for a few thousand phrases
// more: a pattern whose alternatives multiply into thousands of phrases
// should be cut down before this budget is raised. Phrases cost four
// bytes each (their patterns are shared, kinds), a state eight (its
// failure link and where its outputs start): 8.7 MB in all for the lists
// at the end of 2026-12-01.
func TestStarterImageBudget(t *testing.T) {
	e := demoEngine()
	const budget = 9<<20 + 512<<10
	if n := e.ImageSize(); n > budget {
		t.Errorf("starter lists' image of %d bytes (%d phrases, %d states), over the budget of %d", n, len(e.pats), e.states(), budget)
	}
}
