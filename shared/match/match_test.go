package match

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"voile/shared/rules"
	"voile/shared/rules/rulestest"
)

func list(id string, rs ...rules.Rule) *rules.List {
	for i := range rs {
		if rs[i].ID == "" {
			rs[i].ID = fmt.Sprintf("r%d", i)
		}
		if rs[i].Category == "" {
			rs[i].Category = rules.Racism
		}
		if rs[i].Weight == 0 {
			rs[i].Weight = 0.9
		}
	}
	l := &rules.List{ID: id, Publisher: "test", Version: 1, Langs: []string{"en", "fr"}, Rules: rs}
	l.ParsePatterns()
	if err := l.Validate(); err != nil {
		panic(err)
	}
	return l
}

func term(text string, exceptions ...string) rules.Rule {
	return rules.Rule{Kind: rules.Term, Text: text, Exceptions: exceptions}
}
func phrase(text string, exceptions ...string) rules.Rule {
	return rules.Rule{Kind: rules.Phrase, Text: text, Exceptions: exceptions}
}
func regex(text string) rules.Rule { return rules.Rule{Kind: rules.Pattern, Text: text} }

// found returns "rule=original text" for each hit.
func found(t *testing.T, e *Engine, text string) []string {
	t.Helper()
	var out []string
	for _, h := range e.NewMatcher().Match(text) {
		out = append(out, e.Lists[h.List].Rules[h.Rule].ID+"="+text[h.Start:h.End])
	}
	return out
}

func TestMatch(t *testing.T) {
	e, err := Compile(list("l",
		term("arab"),                     // r0
		phrase("sale arabe"),             // r1
		term("nigger"),                   // r2
		term("hate"),                     // r3
		term("queer", "queer studies"),   // r4
		phrase("go back to africa"),      // r5
		regex(`\b(14|1488|88) ?words\b`), // r6
		term("kill"),                     // r7
		term("youpin"),                   // r8
		term("nazis"),                    // r9: written plural, matches singular
		term("pansy"),                    // r10
	))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"whole word", "an arab man", []string{"r0=arab"}},
		{"word that merely contains a term", "arabesque arabic Scunthorpe", nil},
		{"plural", "those arabs", []string{"r0=arabs"}},
		{"french phrase with plural and leet", "Quels SALES 4R4B3S !", []string{"r1=SALES 4R4B3S"}},
		{"phrase across separators", "sale, arabe", []string{"r1=sale, arabe"}},
		{"phrase needs its words in order", "arabe sale", nil},
		{"country Niger", "Niger and Nigeria", nil},
		{"stretched country", "Niiiiger", nil},
		{"plural in ies", "those pansies", []string{"r10=pansies"}},
		{"article before a spelt word", "such a n a z i", []string{"r9=n a z i"}},
		{"long run", "niggggger", []string{"r2=niggggger"}},
		{"long run on a short word", "I haaaaate", []string{"r3=haaaaate"}},
		{"spelt out", "I h.a.t.e them", []string{"r3=h.a.t.e"}},
		{"spaced", "I h a t e them", []string{"r3=h a t e"}},
		{"leet 1 as l", "k1ll them", []string{"r7=k1ll"}},
		{"leet 1 as l and run", "ki11111", []string{"r7=ki11111"}},
		{"homoglyphs", "кіll", []string{"r7=кіll"}},
		{"zero-width", "yo\u200bupin", []string{"r8=yo\u200bupin"}},
		{"fullwidth", "ｎａｚｉ", []string{"r9=ｎａｚｉ"}},
		{"exception", "she teaches queer studies", nil},
		{"exception only where it applies", "queer studies, you queer", []string{"r4=queer"}},
		{"long phrase", "Go back to Africa!", []string{"r5=Go back to Africa"}},
		{"pattern", "the 14 words are", []string{"r6=14 words"}},
		{"pattern on normalised text", "the 14-words", []string{"r6=14-words"}},
		{"several", "arab, go back to africa, hate", []string{"r0=arab", "r5=go back to africa", "r3=hate"}},
		{"nothing", "What a lovely day at the beach", nil},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := found(t, e, tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("Match(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestSeveralLists(t *testing.T) {
	a := list("a", term("foo"), phrase("bar baz"))
	b := list("b", term("baz"), term("foo"))
	e, err := Compile(a, b)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range e.NewMatcher().Match("foo bar baz") {
		got = append(got, fmt.Sprintf("%s/%s", e.Lists[h.List].ID, e.Lists[h.List].Rules[h.Rule].ID))
	}
	slices.Sort(got)
	want := []string{"a/r0", "a/r1", "b/r0", "b/r1"}
	if !slices.Equal(got, want) {
		t.Errorf("hits %q, want %q", got, want)
	}
}

// TestAgainstNaive compares the automaton with a plain search of every
// rule at every word, on random texts over a small vocabulary that makes
// overlapping and nested phrases common.
func TestAgainstNaive(t *testing.T) {
	vocab := []string{"alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta"}
	rng := rand.New(rand.NewPCG(1, 2))
	words := func(n int) []string {
		w := make([]string, n)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return w
	}
	var rs []rules.Rule
	seen := map[string]bool{}
	for len(rs) < 60 {
		n := 1 + rng.IntN(4)
		text := strings.Join(words(n), " ")
		if seen[text] {
			continue
		}
		seen[text] = true
		if n == 1 {
			rs = append(rs, term(text))
		} else {
			rs = append(rs, phrase(text))
		}
	}
	l := list("l", rs...)
	e, err := Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	m := e.NewMatcher()
	for range 500 {
		text := words(1 + rng.IntN(30))
		var want []string
		for end := 1; end <= len(text); end++ {
			for _, r := range l.Rules {
				rw := strings.Fields(r.Text)
				if end >= len(rw) && slices.Equal(text[end-len(rw):end], rw) {
					want = append(want, fmt.Sprintf("%s@%d", r.ID, end))
				}
			}
		}
		joined := strings.Join(text, " ")
		var got []string
		for _, h := range m.Match(joined) {
			end := len(strings.Fields(joined[:h.End]))
			got = append(got, fmt.Sprintf("%s@%d", l.Rules[h.Rule].ID, end))
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("Match(%q)\n got %v\nwant %v", joined, got, want)
		}
	}
}

// TestTreesAgainstNaive compares the automaton built from pattern trees
// (tree.go) with a plain search of every phrase the trees spell
// (rules.EachPhrase) at every word. The patterns share words, so that the
// rules' automata meet in states of several rules, and mix alternatives
// of several words, optional words and alternatives inside a word, which
// the parser cuts into literals anywhere.
func TestTreesAgainstNaive(t *testing.T) {
	vocab := []string{"alpha", "beta", "gamma", "delta", "eta", "zeta"}
	rng := rand.New(rand.NewPCG(3, 4))
	word := func() string { return vocab[rng.IntN(len(vocab))] }
	part := func() string {
		switch rng.IntN(5) {
		case 0: // alternatives of one or two words
			alts := []string{word(), word() + " " + word()}
			if rng.IntN(2) == 0 {
				alts = append(alts, word())
			}
			return "(" + strings.Join(alts, "|") + ")"
		case 1: // an optional word before the next
			return "(" + word() + " )?" + word()
		case 2: // alternatives inside a word: "(al|be)ta"
			return "(al|be|ze)ta"
		default:
			return word()
		}
	}
	for trial := range 40 {
		var rs []rules.Rule
		for range 2 + rng.IntN(8) {
			parts := make([]string, 1+rng.IntN(3))
			for i := range parts {
				parts[i] = part()
			}
			rs = append(rs, regex(`\b`+strings.Join(parts, " ")+`\b`))
		}
		l := list("l", rs...)
		e, err := Compile(l)
		if err != nil {
			t.Fatal(err)
		}
		phrases := make([][][]string, len(l.Rules))
		for i, r := range l.Rules {
			rules.EachPhrase(r.Expr, func(ph []byte) bool {
				phrases[i] = append(phrases[i], strings.Fields(string(ph)))
				return true
			})
		}
		m := e.NewMatcher()
		for range 100 {
			text := make([]string, 1+rng.IntN(12))
			for i := range text {
				text[i] = word()
			}
			var want []string
			for end := 1; end <= len(text); end++ {
				for i, r := range l.Rules {
					for _, pw := range phrases[i] {
						if end >= len(pw) && slices.Equal(text[end-len(pw):end], pw) {
							want = append(want, fmt.Sprintf("%s@%d-%d", r.ID, end-len(pw), end))
						}
					}
				}
			}
			want = slices.Compact(slices.Sorted(slices.Values(want)))
			joined := strings.Join(text, " ")
			// The walk's hits, before Match merges the nested hits of a
			// rule ("alpha beta" holds "beta").
			m.Match(joined)
			var got []string
			for _, h := range m.raw {
				got = append(got, fmt.Sprintf("%s@%d-%d", l.Rules[e.patOf(h.pat).rule].ID, h.first, h.end))
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				var pats []string
				for _, r := range l.Rules {
					pats = append(pats, r.Text)
				}
				t.Fatalf("trial %d, patterns %q: Match(%q)\n got %v\nwant %v", trial, pats, joined, got, want)
			}
		}
	}
}

func TestNoAllocs(t *testing.T) {
	e, err := Compile(rulestest.Generated("big", "bench", 1, 1000))
	if err != nil {
		t.Fatal(err)
	}
	m := e.NewMatcher()
	post := rulestest.Post280()
	m.Match(post)
	if a := testing.AllocsPerRun(100, func() { m.Match(post) }); a != 0 {
		t.Errorf("Match allocates %v times per post after warm-up, want 0", a)
	}
}

func BenchmarkCompile10k(b *testing.B) {
	l := rulestest.Generated("big", "bench", 1, 10000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(l); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatch10k(b *testing.B) {
	e, err := Compile(rulestest.Generated("big", "bench", 1, 10000))
	if err != nil {
		b.Fatal(err)
	}
	m := e.NewMatcher()
	post := rulestest.Post280()
	b.SetBytes(int64(len(post)))
	b.ReportAllocs()
	for b.Loop() {
		m.Match(post)
	}
}

func TestLanguages(t *testing.T) {
	en := list("en", term("retard"))
	en.Langs = []string{"en"}
	fr := list("fr", term("bougnoule"))
	fr.Langs = []string{"fr"}
	both := list("both", rules.Rule{Kind: rules.Term, Text: "nazi", Langs: []string{"en", "fr"}})
	e, err := Compile(en, fr, both)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"you are such a retard", []string{"r0=retard"}},
		{"quel retard pour ce train, c'est trop", nil},                   // French: the English rule stays quiet
		{"retard", []string{"r0=retard"}},                                // no clue: every rule applies
		{"c'est un bougnoule", []string{"r0=bougnoule"}},                 // French rule on French text
		{"the bougnoule is what they said", nil},                         // English text
		{"les nazi sont là et the nazi", []string{"r0=nazi", "r0=nazi"}}, // rule for both
	}
	for _, tc := range tests {
		if got := found(t, e, tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Match(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// An exception of a rule that names a group covers the same words in
// every rule that does: the slur listed as a target is innocent in
// "maine coon" too. A predicate or cue keeps only its own exceptions.
func TestExceptionsCoverNamingRules(t *testing.T) {
	slur := term("coon", "maine coon")
	target := term("coon")
	target.Role = rules.Target
	pred := term("coon")
	pred.Role, pred.Class, pred.Category = rules.Predicate, rules.Derogate, ""
	e, err := Compile(list("l", slur, target, pred))
	if err != nil {
		t.Fatal(err)
	}
	got := found(t, e, "my maine coon sleeps")
	if len(got) != 1 || !strings.HasPrefix(got[0], "r2=") {
		t.Errorf("maine coon: %q, want only the predicate r2", got)
	}
	if got := found(t, e, "you coon"); len(got) != 3 {
		t.Errorf("a plain match: %q, want all three rules", got)
	}
}

// A list's contractions match posts that drop the apostrophe, and a rule
// that holds a phrase twice (written with and without the apostrophe, or
// twice by its pattern's alternatives) still matches it once.
func TestContractions(t *testing.T) {
	e, err := Compile(list("l",
		phrase("shouldn't be allowed"),                       // r0
		phrase("they're vile", "they're vile people online"), // r1
		regex(`\b(can t|cant|cannot) be trusted\b`),          // r2
		regex(`\b(dirty|dirty) rats\b`),                      // r3
		phrase("we're here"),                                 // r4: "were here" is no contraction
	))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"they shouldn't be allowed", []string{"r0=shouldn't be allowed"}},
		{"they shouldnt be allowed", []string{"r0=shouldnt be allowed"}},
		{"theyre vile", []string{"r1=theyre vile"}},
		{"theyre vile people online", nil},
		{"they cant be trusted", []string{"r2=cant be trusted"}},
		{"they can't be trusted", []string{"r2=can't be trusted"}},
		{"dirty rats", []string{"r3=dirty rats"}},
		{"we're here", []string{"r4=we're here"}},
		{"they were here", nil},
		{"the cant of the deck", nil},
	}
	for _, tc := range tests {
		if got := found(t, e, tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Match(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	one, err := Compile(list("l", regex(`\b(can t|cant|cannot) be trusted\b`)))
	if err != nil {
		t.Fatal(err)
	}
	// "can t" read as "cant" is the phrase "cant" too: one hit, not two.
	m := one.NewMatcher()
	for _, text := range []string{"they cant be trusted", "they can't be trusted", "they cannot be trusted"} {
		if hits := m.Match(text); len(hits) != 1 {
			t.Errorf("(can t|cant|cannot) be trusted: Match(%q) = %d hits, want 1", text, len(hits))
		}
	}
}

// A list's known words are read as themselves, never as a spelling
// variant of a lexicon word: "wore" is "whore" with a letter dropped,
// « flemme » « femme » with one added.
func TestKnownWords(t *testing.T) {
	whore, femme := term("whore"), term("femme")
	whore.Role, femme.Role = rules.Target, rules.Target
	for _, known := range []bool{false, true} {
		l := list("l", whore, femme)
		if known {
			l.Known = []string{"wore", "Flemme"}
		}
		e, err := Compile(l)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range []string{"wore", "flemme"} {
			if got := found(t, e, text); (len(got) == 0) != known {
				t.Errorf("known %v: %q reads as %q", known, text, got)
			}
			if e.Knows(text) != known {
				t.Errorf("known %v: the engine knows %q: %v", known, text, e.Knows(text))
			}
		}
		if got := found(t, e, "whore"); len(got) != 1 {
			t.Errorf("known %v: whore: %q, want the target", known, got)
		}
	}
}

// A tree whose words do not each normalise to one word, which validation
// refuses, is refused by Compile with an error that names the word, not
// compiled into something else.
func TestCompileRefusesAWordOfNoWords(t *testing.T) {
	l := &rules.List{ID: "l", Publisher: "test", Version: 1, Rules: []rules.Rule{{
		ID: "r0", Kind: rules.Pattern, Category: rules.Racism, Weight: 0.9,
		Expr: []rules.Node{{Op: rules.ExprLit, Text: "foo - bar"}},
	}}}
	_, err := Compile(l)
	if err == nil || !strings.Contains(err.Error(), `rule "r0": word "-" normalises to 0 words`) {
		t.Errorf("Compile = %v, want the word named", err)
	}
}
