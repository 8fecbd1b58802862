//go:build !verifyonly

package rules

import (
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// overBroad returns checkExpr's problem with expr if it is that it
// matches the probe text, else "".
func overBroad(expr []Node) string {
	if _, msg := checkExpr(expr, true); strings.Contains(msg, "ordinary text") {
		return msg
	}
	return ""
}

// starterPatterns returns the pattern rules of the starter lists.
func starterPatterns(t *testing.T) []Rule {
	var out []Rule
	for _, name := range []string{"../demo/en.yaml", "../demo/fr.yaml"} {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		l, err := Parse(name, raw)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range l.Rules {
			if r.Kind == Pattern {
				out = append(out, r)
			}
		}
	}
	return out
}

// phrasesOf returns the phrases EachPhrase spells for expr.
func phrasesOf(expr []Node) []string {
	var out []string
	EachPhrase(expr, func(p []byte) bool {
		out = append(out, string(p))
		return true
	})
	return out
}

func TestParsePattern(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    string // the phrases, "|" between them, or the start of the problem
	}{
		{`\bsales? (arabe|noir)s?\b`, "sale arabe|sale arabes|sale noir|sale noirs|sales arabe|sales arabes|sales noir|sales noirs"},
		{`\b14 ?88\b`, "14 88|1488"},
		{`\bk[iy]ll (them )?all\b`, "kill all|kill them all|kyll all|kyll them all"},
		{`\b(?:go|get) back\b`, "get back|go back"},
		{`\bvermin\b`, "vermin"},
		{`\bk+ill\b`, "pattern holds"},
		{`\bki.l\b`, "pattern holds"},
		{`\b[a-z]ill\b`, "class "},
		{`(?i)\bkill\b`, "a pattern is matched against lower-case text"},
		{`kill`, "a pattern is a set of phrases between word boundaries"},
		{`\bkill\b|\bmaim\b`, "a pattern is a set of phrases between word boundaries"},
		{`\b(kill|)\b`, "over-broad pattern: it matches the empty string"},
		{`\bKill\b`, `literal "Kill" holds 'K'`},
		{`\bkill  all\b`, `pattern spells "kill  all"`},
		{`\b(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)\b`, "pattern spells more than 16384 phrases"},
		{`\b(kill\b`, "invalid pattern"},
		{`\bkill\|all\b`, "pattern holds the character '|'"},
		{`\bkill[|]all\b`, "pattern holds the character '|'"},
		{`\b(a|b)(c|)\b`, "a|ac|b|bc"},
	} {
		expr, msg := ParsePattern(c.pattern)
		got := msg
		if msg == "" {
			ph := phrasesOf(expr)
			slices.Sort(ph)
			got = strings.Join(ph, "|")
		}
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.pattern, got, c.want)
		}
	}
}

// The phrases a pattern's tree spells are the strings the pattern matches
// whole: each phrase is matched, and a string one edit away from a phrase
// is matched only if it is a phrase too. The patterns are random finite
// ones of the starter lists' kind.
func TestEachPhraseIsThePattern(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	words := []string{"a", "b", "kill", "all", "them", "s", "go back", "1", "88", " "}
	var gen func(depth int) string
	gen = func(depth int) string {
		if depth == 0 {
			return words[rng.IntN(len(words))]
		}
		switch rng.IntN(5) {
		case 0, 1:
			var b strings.Builder
			for range 1 + rng.IntN(3) {
				b.WriteString(gen(depth - 1))
			}
			return b.String()
		case 2:
			return "(" + gen(depth-1) + ")?"
		case 3:
			return "(" + gen(depth-1) + "|" + gen(depth-1) + ")"
		}
		return "[ab]"
	}
	tried := 0
	for range 3000 {
		p := `\b` + gen(1+rng.IntN(4)) + `\b`
		if checkAgainstRegexp(t, p) {
			tried++
		}
	}
	if tried < 500 {
		t.Fatalf("only %d of the random patterns were finite", tried)
	}
}

// checkAgainstRegexp checks the tree of pattern p, if it has one, against
// the compiled expression: the tree spells what p matches whole, and it
// is over-broad when p matches the probe text. It reports whether p has a
// tree.
func checkAgainstRegexp(t *testing.T, p string) bool {
	expr, msg := ParsePattern(p)
	if msg != "" {
		return false
	}
	re := regexp.MustCompile(p)
	whole := regexp.MustCompile(`^(?:` + p + `)$`)
	phrases := phrasesOf(expr)
	set := map[string]bool{}
	for _, ph := range phrases {
		set[ph] = true
		if !whole.MatchString(ph) {
			t.Fatalf("%s spells %q, which it does not match", p, ph)
		}
	}
	// One edit away from a phrase: of a pattern of many phrases, some.
	step := max(1, len(phrases)/64)
	for k := 0; k < len(phrases); k += step {
		ph := phrases[k]
		for i := 0; i <= len(ph); i++ {
			for _, edit := range []string{ph[:i] + "a" + ph[i:], ph[:i] + " " + ph[i:], ph[:i] + ph[min(i+1, len(ph)):]} {
				if whole.MatchString(edit) && !set[edit] && phraseLike([]byte(edit)) {
					t.Fatalf("%s matches %q, which its tree does not spell (%q)", p, edit, phrases)
				}
			}
		}
	}
	matchesProbe := ""
	for _, s := range probeText {
		if re.MatchString(s) {
			matchesProbe = s
			break
		}
	}
	if got := overBroad(expr); (got == "") != (matchesProbe == "") {
		t.Fatalf("%s: overBroad says %q, and the expression matches the probe text %q", p, got, matchesProbe)
	}
	return true
}

// The starter lists' patterns, and patterns made to match the probe text
// or not: their trees are over-broad where the expressions match it.
func TestOverBroadIsTheExpressions(t *testing.T) {
	patterns := []string{`\bthe\b`, `\b(the|a) (black|jew)s?\b`, `\bles?\b`, `\b(weather|meteo)\b`, `\bpeople\b`,
		`\b(happily watch|break every bone)\b`, `\b(ils|gens) (sont|doivent)\b`, `\best une\b`, `\bsentence about\b`,
		`\b(20|2024)\b`, `\bhttps?\b`, `\bnormal sentences?\b`, `\b(une|un) phrase\b`}
	for _, r := range starterPatterns(t) {
		patterns = append(patterns, r.Text)
	}
	broad := 0
	for _, p := range patterns {
		if !checkAgainstRegexp(t, p) {
			t.Errorf("%s has no tree", p)
		}
		if expr, _ := ParsePattern(p); overBroad(expr) != "" {
			broad++
		}
	}
	if broad < 8 {
		t.Errorf("only %d patterns are over-broad: the test's patterns do not reach the check", broad)
	}
}

// FuzzParsePattern checks checkAgainstRegexp's properties on any pattern.
func FuzzParsePattern(f *testing.F) {
	for _, p := range []string{`\bsales? (arabe|noir)s?\b`, `\b14 ?88\b`, `\bk[iy]ll (them )?all\b`, `\bthe\b`, `\b(a|)b\b`, `\bx*\b`} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if len(p) <= MaxPatternLen {
			checkAgainstRegexp(t, p)
		}
	})
}

// A tree is refused, with what is wrong, whatever the bytes of a bundle
// make of it: clients cannot compare it with the pattern's text.
func TestCheckExprRefusesMalformedTrees(t *testing.T) {
	lit := func(s string) Node { return Node{Op: ExprLit, Text: s} }
	deep := []Node{}
	for range MaxExprDepth + 1 {
		deep = append(deep, Node{Op: ExprCat, N: 1})
	}
	deep = append(deep, lit("x"))
	wide := []Node{{Op: ExprCat, N: 15}}
	for range 15 {
		wide = append(wide, Node{Op: ExprAlt, N: 2}, lit("a"), lit("b"))
	}
	for _, c := range []struct {
		name string
		expr []Node
		want string
	}{
		{"empty", nil, "pattern has no tree"},
		{"too many children", []Node{{Op: ExprCat, N: 3}, lit("a"), lit("b")}, "node with 3 children, where 2 nodes follow"},
		{"no children", []Node{{Op: ExprAlt, N: 0}}, "node with 0 children"},
		{"negative children", []Node{{Op: ExprAlt, N: -1}, lit("a")}, "node with -1 children"},
		{"trailing nodes", []Node{lit("a"), lit("b")}, "tree has 1 nodes after its root's subtree"},
		{"literal with children", []Node{{Op: ExprLit, Text: "a", N: 1}, lit("b")}, "literal node with children"},
		{"unknown op", []Node{{Op: 9}}, "unknown node op 9"},
		{"upper case", []Node{lit("Kill")}, `literal "Kill" holds 'K'`},
		{"punctuation", []Node{lit("k.ll")}, `literal "k.ll" holds '.'`},
		{"empty alternative", []Node{lit("zq||zb")}, "over-broad pattern: it matches the empty string"},
		{"deep", deep, "tree nested deeper than"},
		{"many phrases", wide, "pattern spells more than"},
		{"too many nodes", make([]Node, MaxExprNodes+1), "tree of "},
		{"empty phrase", []Node{{Op: ExprAlt, N: 2}, lit(""), lit("a")}, "over-broad pattern: it matches the empty string"},
		{"leading space", []Node{{Op: ExprCat, N: 2}, lit(" "), lit("a")}, `pattern spells " a"`},
	} {
		_, msg := checkExpr(c.expr, true)
		if !strings.HasPrefix(msg, c.want) {
			t.Errorf("%s: %q, want %q", c.name, msg, c.want)
		}
	}
	if n, msg := checkExpr([]Node{{Op: ExprCat, N: 2}, lit("go "), {Op: ExprAlt, N: 2}, lit("back"), lit("home|away")}, true); msg != "" || n != 3 {
		t.Errorf("a good tree: %d phrases, %q", n, msg)
	}
}

// Validate refuses a rule whose tree is not its pattern's, and one with
// no tree; ParsePatterns writes it, and a list decoded from a bundle
// carries it.
func TestValidatePatternTree(t *testing.T) {
	list := func() *List {
		return &List{ID: "l", Publisher: "p", Version: 1, Langs: []string{"en"}, Rules: []Rule{
			{ID: "go", Kind: Pattern, Text: `\bgo (back|home)\b`, Category: Xenophobia, Weight: 0.5},
		}}
	}
	l := list()
	if err := l.Validate(); err == nil || !strings.Contains(err.Error(), "pattern has no tree") {
		t.Errorf("no tree: %v", err)
	}
	l.ParsePatterns()
	if err := l.Validate(); err != nil {
		t.Fatal(err)
	}
	dec, err := Decode(l.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(dec.Rules[0].Expr, l.Rules[0].Expr) {
		t.Errorf("decoded tree %v, want %v", dec.Rules[0].Expr, l.Rules[0].Expr)
	}
	l.Rules[0].Expr[len(l.Rules[0].Expr)-1].Text = "back|away"
	if err := l.Validate(); err == nil || !strings.Contains(err.Error(), "the rule's tree is not its pattern's") {
		t.Errorf("a tree of other phrases: %v", err)
	}
}

// exprForm tells that every phrase of a tree is words separated by single
// spaces exactly when spelling them all does, and exprSize counts what
// EachPhrase spells, on random trees of literals with and without spaces
// at either end, empty ones, and double spaces.
func TestFormIsTheSpelling(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	lits := []string{"a", "b c", " ", "", "a ", " b", "a  b", "ab|", " a|b", "a|b ", "c"}
	var gen func(depth int) []Node
	gen = func(depth int) []Node {
		if depth == 0 || rng.IntN(3) == 0 {
			return []Node{{Op: ExprLit, Text: lits[rng.IntN(len(lits))]}}
		}
		n := 1 + rng.IntN(3)
		out := []Node{{Op: []ExprOp{ExprCat, ExprAlt}[rng.IntN(2)], N: n}}
		for range n {
			out = append(out, gen(depth-1)...)
		}
		return out
	}
	seen := [2]int{}
	for range 20000 {
		expr := gen(4)
		all := true
		EachPhrase(expr, func(p []byte) bool {
			all = all && phraseLike(p)
			return all
		})
		n := 0
		EachPhrase(expr, func([]byte) bool { n++; return true })
		if _, count, _ := exprSize(expr, 0, 0); min(n, MaxPhrases+1) != count {
			t.Fatalf("%v: %d phrases spelt, exprSize says %d", expr, n, count)
		}
		_, f := exprForm(expr, 0)
		if f.phraseLike() != all {
			t.Fatalf("%v: form says phrases %v, spelling %v", expr, f.phraseLike(), all)
		}
		if all {
			seen[1]++
		} else {
			seen[0]++
		}
	}
	if seen[0] < 1000 || seen[1] < 1000 {
		t.Fatalf("the random trees are too often of one kind: %v", seen)
	}
}

// A pattern published without its text gets one back from its tree
// (PatternText) that parses to a tree of the same phrases (RE2's parser
// drops an alternative written twice): the starter lists' patterns and
// random ones.
func TestPatternTextRoundTrip(t *testing.T) {
	var patterns []string
	for _, r := range (&List{Rules: starterPatterns(t)}).ForBundle().Rules {
		if r.Text != "" {
			t.Fatalf("rule %s keeps its text in a bundle", r.ID)
		}
		patterns = append(patterns, PatternText(&r))
	}
	rng := rand.New(rand.NewPCG(5, 6))
	words := []string{"a", "b", "kill", "all", "them", "s", "go back", "1", "88"}
	for range 2000 {
		p := `\b` + words[rng.IntN(len(words))]
		for range rng.IntN(4) {
			switch rng.IntN(3) {
			case 0:
				p += " " + words[rng.IntN(len(words))]
			case 1:
				p += "( " + words[rng.IntN(len(words))] + ")?"
			default:
				p += " (" + words[rng.IntN(len(words))] + "|" + words[rng.IntN(len(words))] + " " + words[rng.IntN(len(words))] + ")"
			}
		}
		patterns = append(patterns, p+`\b`)
	}
	for _, p := range patterns {
		expr, msg := ParsePattern(p)
		if msg != "" {
			continue
		}
		r := Rule{Kind: Pattern, Expr: expr}
		text := PatternText(&r)
		again, msg := ParsePattern(text)
		if msg != "" {
			t.Fatalf("%s: its tree's text %s does not parse: %s", p, text, msg)
		}
		set := func(ph []string) []string { slices.Sort(ph); return slices.Compact(ph) }
		if a, b := set(phrasesOf(expr)), set(phrasesOf(again)); !slices.Equal(a, b) {
			t.Fatalf("%s: its tree's text %s spells other phrases", p, text)
		}
	}
}
