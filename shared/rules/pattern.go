//go:build !verifyonly

package rules

import (
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
)

// The publisher's side of patterns: their text is parsed here, with
// regexp/syntax, into the tree that bundles carry (expr.go). Programs
// built with the tag verifyonly, which only verify and use signed lists
// (voile.wasm), leave this file out, and the regular-expression packages
// with it (pattern_verifyonly.go).

// probePatterns: where lists are written, signed and published, a
// pattern one of whose phrases is ordinary text is refused as over-broad.
const probePatterns = true

// probeText is benign text that no pattern may match: a pattern that does
// is over-broad and would flag ordinary posts.
var probeText = []string{
	"the", "a", "and", "is", "of", "to", "in", "it", "you", "we", "they", "people", "this is a normal sentence about the weather",
	"le", "la", "les", "de", "et", "est", "un", "une", "vous", "nous", "ils", "gens", "ceci est une phrase normale sur la meteo",
	"1", "2024", "http", "www",
}

// probeRuns maps each run of whole words of the probe text to the probe
// text it is in: a pattern matches the probe text where one of its
// phrases is such a run.
var probeRuns = func() map[string]string {
	m := map[string]string{}
	for _, s := range probeText {
		words := strings.Fields(s)
		for i := range words {
			for j := i + 1; j <= len(words); j++ {
				m[strings.Join(words[i:j], " ")] = s
			}
		}
	}
	return m
}()

// ParsePatterns writes the tree of each pattern rule of l from its text
// (ParsePattern). A text that is not a valid finite pattern leaves the
// rule without a tree, and Validate says what is wrong with it. A rule
// without text, as a bundle carries it, keeps its tree.
func (l *List) ParsePatterns() {
	for i := range l.Rules {
		if r := &l.Rules[i]; r.Kind == Pattern && r.Text != "" {
			r.Expr, _ = ParsePattern(r.Text)
		}
	}
}

// ForBundle returns l as a bundle carries it: each pattern rule with its
// tree and without its text, which the tree spells the same phrases as
// and which no client reads (with both, the starter lists' bundles were
// 1,122 KB; with the trees alone, 871). The list's source keeps the text
// as its author wrote it; PatternText writes one back from the tree.
func (l *List) ForBundle() *List {
	c := *l
	c.Rules = slices.Clone(l.Rules)
	for i := range c.Rules {
		if r := &c.Rules[i]; r.Kind == Pattern && len(r.Expr) > 0 {
			r.Text = ""
		}
	}
	return &c
}

// PatternText returns the text of pattern rule r: its own, or one its
// tree spells the same phrases as, in RE2 syntax, for a rule a bundle
// carried.
func PatternText(r *Rule) string {
	if r.Text != "" || r.Kind != Pattern || len(r.Expr) == 0 {
		return r.Text
	}
	var b strings.Builder
	b.WriteString(`\b`)
	writeExpr(&b, r.Expr, 0, true) // alternatives grouped between the boundaries
	b.WriteString(`\b`)
	return b.String()
}

// writeExpr writes the well-formed subtree at i as RE2 and returns its
// end; in a sequence, alternatives are grouped.
func writeExpr(b *strings.Builder, expr []Node, i int, inCat bool) int {
	n := expr[i]
	switch n.Op {
	case ExprLit:
		group := inCat && strings.Contains(n.Text, "|")
		if group {
			b.WriteByte('(')
		}
		b.WriteString(n.Text)
		if group {
			b.WriteByte(')')
		}
		return i + 1
	case ExprCat:
		j := i + 1
		for range n.N {
			j = writeExpr(b, expr, j, true)
		}
		return j
	}
	if inCat {
		b.WriteByte('(')
	}
	j := i + 1
	for k := range n.N {
		if k > 0 {
			b.WriteByte('|')
		}
		j = writeExpr(b, expr, j, false)
	}
	if inCat {
		b.WriteByte(')')
	}
	return j
}

// ParsePattern returns the tree of an RE2 pattern, or what keeps it from
// being a pattern rule: a finite set of phrases between word boundaries,
// `\b` … `\b`, made of literals, alternatives, optional parts and classes
// of a few characters.
func ParsePattern(p string) ([]Node, string) {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		for _, look := range []string{"(?=", "(?!", "(?<=", "(?<!"} {
			if strings.Contains(p, look) {
				return nil, "invalid pattern: " + strconv.Quote(look) + " is a lookaround, and RE2 has no lookaround: match the words themselves, or use the rule's exceptions for what must not match"
			}
		}
		return nil, "invalid pattern: " + err.Error()
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) < 3 ||
		re.Sub[0].Op != syntax.OpWordBoundary || re.Sub[len(re.Sub)-1].Op != syntax.OpWordBoundary {
		return nil, "a pattern is a set of phrases between word boundaries: \\b…\\b around the whole of it"
	}
	mid := &syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1 : len(re.Sub)-1]}
	if len(mid.Sub) == 1 {
		mid = mid.Sub[0]
	}
	expr, msg := appendExpr(nil, mid)
	if msg != "" {
		return nil, msg
	}
	if _, msg := checkExpr(expr, false); msg != "" {
		return nil, msg
	}
	expr = collapse(expr)
	return expr, ""
}

// maxClass bounds the characters of a class a pattern may hold: each is
// an alternative.
const maxClass = 8

// appendExpr appends the tree of re to expr in prefix order.
func appendExpr(expr []Node, re *syntax.Regexp) ([]Node, string) {
	var msg string
	switch re.Op {
	case syntax.OpEmptyMatch:
		return append(expr, Node{Op: ExprLit}), ""
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, "a pattern is matched against lower-case text: write it without (?i)"
		}
		if slices.Contains(re.Rune, '|') {
			return nil, "pattern holds the character '|', which no normalised text holds"
		}
		return append(expr, Node{Op: ExprLit, Text: string(re.Rune)}), ""
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if n > maxClass || slices.Contains(re.Rune, '|') {
			return nil, "class " + strconv.Quote(re.String()) + " of more than " + strconv.Itoa(maxClass) + " characters: a pattern is a finite set of phrases; write the alternatives out"
		}
		return append(expr, Node{Op: ExprLit, Text: literalAlternatives(re, nil)}), ""
	case syntax.OpCapture:
		return appendExpr(expr, re.Sub[0])
	case syntax.OpQuest:
		if alts := literalAlternatives(re.Sub[0], nil); alts != "" {
			return append(expr, Node{Op: ExprLit, Text: "|" + alts}), ""
		}
		expr = append(expr, Node{Op: ExprAlt, N: 2}, Node{Op: ExprLit})
		return appendExpr(expr, re.Sub[0])
	case syntax.OpAlternate:
		if alts := literalAlternatives(re, nil); alts != "" {
			return append(expr, Node{Op: ExprLit, Text: alts}), ""
		}
		fallthrough
	case syntax.OpConcat:
		op := ExprAlt
		if re.Op == syntax.OpConcat {
			op = ExprCat
		}
		expr = append(expr, Node{Op: op, N: len(re.Sub)})
		for _, sub := range re.Sub {
			if expr, msg = appendExpr(expr, sub); msg != "" {
				return nil, msg
			}
		}
		return expr, ""
	}
	return nil, "pattern holds " + strconv.Quote(re.String()) + ": a pattern is a finite set of phrases (literals, alternatives, optional parts, classes of a few characters); write its alternatives out"
}

// literalAlternatives returns the literals re is one of, separated by
// '|' as a literal node holds them, or "" if it is not only literals
// (and an empty literal, which leaves "" too, is written as its own
// node). appendExpr refuses a literal '|' first.
func literalAlternatives(re *syntax.Regexp, alts []string) string {
	var walk func(re *syntax.Regexp) bool
	walk = func(re *syntax.Regexp) bool {
		switch re.Op {
		case syntax.OpLiteral:
			if re.Flags&syntax.FoldCase != 0 {
				return false
			}
			alts = append(alts, string(re.Rune))
			return true
		case syntax.OpCharClass:
			for i := 0; i+1 < len(re.Rune); i += 2 {
				for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
					alts = append(alts, string(r))
				}
			}
			return true
		case syntax.OpCapture:
			return walk(re.Sub[0])
		case syntax.OpAlternate:
			for _, sub := range re.Sub {
				if !walk(sub) {
					return false
				}
			}
			return true
		}
		return false
	}
	if !walk(re) {
		return ""
	}
	return strings.Join(alts, "|")
}

// RE2's parser factors alternatives ("hate|hatred|harassment" is
// "ha(?:te(?:red)?|rassment)"), and a tree of the fragments takes twice
// the bytes of the words in a bundle and a node each to decode. collapse
// writes each subtree that spells few strings as one literal of them all
// where that is shorter, counting a node as nodeCost bytes more than it
// takes: decoding a node (an array, its fields, a string) costs a client
// more at every start than hashing a few bytes. The phrases, and their
// order, stay the same. With nodeCost 16, the English starter list's
// trees have 3,567 nodes and 159 KB where they had 6,806 and 146 KB, and
// the list decodes in 0.9 ms natively instead of 1.3.
const (
	maxCollapsed = 64
	nodeCost     = 16
)

// collapse returns expr with its subtrees collapsed where shorter.
func collapse(expr []Node) []Node {
	out, _ := collapseAt(expr, 0, nil)
	return out
}

// collapseAt appends the collapsed subtree at i to out and returns the
// end of the subtree.
func collapseAt(expr []Node, i int, out []Node) ([]Node, int) {
	n := expr[i]
	start := len(out)
	out = append(out, n)
	end := i + 1
	if n.Op == ExprLit {
		return out, end
	}
	lastLit := -1 // in an alternative: where the previous child, if a literal, is in out
	for range n.N {
		k := len(out)
		out, end = collapseAt(expr, end, out)
		switch {
		case n.Op != ExprAlt || len(out) != k+1 || out[k].Op != ExprLit:
			lastLit = -1
		case lastLit >= 0:
			// An alternative's literal children merge into one.
			out[lastLit].Text += "|" + out[k].Text
			out = out[:k]
			out[start].N--
		default:
			lastLit = k
		}
	}
	if out[start].N == 1 {
		// An alternative of one child is that child.
		out = append(out[:start], out[start+1:]...)
		return out, end
	}
	sub := out[start:]
	if _, phrases, _ := exprSize(sub, 0, 0); phrases > maxCollapsed {
		return out, end
	}
	var alts []string
	EachPhrase(sub, func(p []byte) bool {
		alts = append(alts, string(p))
		return true
	})
	lit := Node{Op: ExprLit, Text: strings.Join(alts, "|")}
	if nodeBytes(lit) < treeBytes(sub)+nodeCost*(len(sub)-1) {
		out = append(out[:start], lit)
	}
	return out, end
}

// nodeBytes is the size of n's encoding (a MessagePack array of three),
// treeBytes a tree's.
func nodeBytes(n Node) int {
	b := 4 + len(n.Text)
	if len(n.Text) >= 32 {
		b++
	}
	if len(n.Text) >= 256 {
		b++
	}
	return b
}

func treeBytes(expr []Node) int {
	b := 0
	for _, n := range expr {
		b += nodeBytes(n)
	}
	return b
}

// checkPatternText returns what is wrong with the text of pattern rule r
// or with its tree's being that text's, or "".
func checkPatternText(r *Rule) string {
	switch {
	case r.Text == "" && len(r.Expr) > 0:
		return "" // as a bundle carries it: its tree is the pattern
	case strings.TrimSpace(r.Text) == "":
		return "empty pattern"
	case len(r.Text) > MaxPatternLen:
		return "pattern longer than " + strconv.Itoa(MaxPatternLen) + " bytes"
	}
	expr, msg := ParsePattern(r.Text)
	if msg != "" {
		return msg
	}
	if len(r.Expr) > 0 && !slices.Equal(expr, r.Expr) {
		return "the rule's tree is not its pattern's: parse the list's patterns again (ParsePatterns)"
	}
	return ""
}
