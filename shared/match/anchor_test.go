package match

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestAnchorSets(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    string // the sets, "|" between words, ";" between sets
	}{
		{`\bthe (hate|hatred|abuse) (that )?(\w+ )?(get|gets|face)\b`, "abuse|hate|hatred"},
		{`\bkill (all|every) \w+\b`, "all|every"},
		{`\b(go|get) back to (\w+)\b`, "back;to"},
		// A word beside \b may stand inside a word of other letters.
		{`\bjews? (control|run)\b`, ""},
		{`\bk+i+l+ all\b`, ""},
		// Every branch of an alternation must have its own.
		{`\b(send (them|all) \w+ home|wipe \w+ out)\b`, ""},
		{`\b(send (them|all) \w+ home|wipe (them|those) \w+ out)\b`, "all|them|those"},
		// A string that starts with a space would make two; an empty one
		// leaves the place without a word.
		{`\bsay (no|) \w+\b`, ""},
		{`\bx (the (big|small) cats?|a dog) \w+\b`, "a|the"},
		{`\bx (the (big|small) cats?|a (big|small) dog) \w+\b`, "a|the;big|small"},
		{`(`, ""},
	} {
		var got []string
		for _, set := range anchorSets(c.pattern) {
			got = append(got, strings.Join(set, "|"))
		}
		if g := strings.Join(got, ";"); g != c.want {
			t.Errorf("%s: anchors %q, want %q", c.pattern, g, c.want)
		}
	}
}

// withoutAnchors returns a copy of e whose patterns have no anchor words,
// as before they had: the prefilter's pass decides alone.
func withoutAnchors(e *Engine) *Engine {
	c := *e
	c.anchorAt = make([]int32, len(e.regexps)+1)
	c.anchorID = nil
	c.markAnchors()
	return &c
}

// TestAnchorsKeepHits: the patterns that run only where an anchor word is
// find what they found when the prefilter alone decided, on the suites'
// posts and on posts made to hold the anchors in many places.
func TestAnchorsKeepHits(t *testing.T) {
	e := anchorEngine(t)
	if e.scan || len(e.anchorID) == 0 {
		t.Fatalf("every pattern of the test list should have anchors: anchorAt %v", e.anchorAt)
	}
	texts := slices.Clone(anchorSeeds)
	cases, err := readSuites()
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, cases...)
	m, plain := e.NewMatcher(), withoutAnchors(e).NewMatcher()
	found := 0
	for _, s := range texts {
		a := slices.Clone(m.Match(s))
		b := plain.Match(s)
		if !slices.Equal(a, b) {
			t.Errorf("%q: hits %v with anchors, %v without", s, a, b)
		}
		if m.NormHash() != plain.NormHash() {
			t.Errorf("%q: hash %x with anchors, %x without", s, m.NormHash(), plain.NormHash())
		}
		found += len(a)
	}
	if found < len(anchorSeeds)/2 {
		t.Errorf("%d hits on %d posts: the test's posts miss its patterns", found, len(texts))
	}
}

// FuzzAnchors checks TestAnchorsKeepHits's property on any post.
func FuzzAnchors(f *testing.F) {
	for _, s := range anchorSeeds {
		f.Add(s)
	}
	e := anchorEngine(f)
	m, plain := e.NewMatcher(), withoutAnchors(e).NewMatcher()
	f.Fuzz(func(t *testing.T, s string) {
		a := slices.Clone(m.Match(s))
		if b := plain.Match(s); !slices.Equal(a, b) {
			t.Fatalf("%q: hits %v with anchors, %v without", s, a, b)
		}
	})
}

var anchorSeeds = []string{
	"the hate they get is awful", "The HATRED that trans women face", "the abuse we got", "thé hâte jews get",
	"kill every one", "kill all of them", "KILL    ALL   now", "k1ll a11 rats", "skill all day",
	"go back to france", "get back to work", "go back to", "back to back",
	"send them all home", "wipe them all out", "wipe those rats out", "sendthem all home",
	"the hates they get", "the hate'd get", "the hate-they get", "the hate\u00a0they get", "the hateжж they get",
}

func anchorEngine(t testing.TB) *Engine {
	l := list("anchors",
		regex(`\bthe (hate|hatred|abuse) (that )?(\w+ )?(get|gets|got|face)\b`),
		regex(`\bkill (all|every) \w+\b`),
		regex(`\b(go|get) back to (\w+)\b`),
		regex(`\b(send (them|all) \w+ home|wipe (them|those) \w+ out)\b`),
		term("rats"), phrase("back to back"),
		// Anchors are words of the dictionary: the lists' phrases.
		phrase("hate hatred abuse all every them those"),
	)
	e, err := Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// readSuites returns the posts of the functional suites (package eval's
// reader imports this package).
func readSuites() ([]string, error) {
	var texts []string
	for _, name := range []string{"../eval/testdata/suite-en.jsonl", "../eval/testdata/suite-fr.jsonl"} {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var c struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				f.Close()
				return nil, err
			}
			texts = append(texts, c.Text)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return texts, nil
}
