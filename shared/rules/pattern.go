//go:build !verifyonly

package rules

import (
	"cmp"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"

	"voile/shared/internal/literals"
)

// The publisher's side of patterns: their text is parsed here, with
// regexp/syntax, into the tree that bundles carry (expr.go). Programs
// built with the tag verifyonly, which only verify and use signed lists
// (voile.wasm), leave this file out, and the regular-expression packages
// with it (pattern_verifyonly.go).

// ParsePatterns writes the tree of each pattern rule of l from its text
// (ParsePattern). A text that is not a valid finite pattern leaves the
// rule without a tree, and Validate says what is wrong with it.
func (l *List) ParsePatterns() {
	for i := range l.Rules {
		if r := &l.Rules[i]; r.Kind == Pattern {
			r.Expr, _ = ParsePattern(r.Text)
		}
	}
}

// ParsePattern returns the tree of an RE2 pattern, or what keeps it from
// being a pattern rule: a finite set of phrases between word boundaries,
// `\b` … `\b`, made of literals, alternatives, optional parts and classes
// of a few characters.
func ParsePattern(p string) ([]Node, string) {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
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
	if _, msg := checkExpr(expr); msg != "" {
		return nil, msg
	}
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
		return append(expr, Node{Op: ExprLit, Text: string(re.Rune)}), ""
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if n > maxClass {
			return nil, "class " + strconv.Quote(re.String()) + " of more than " + strconv.Itoa(maxClass) + " characters: a pattern is a finite set of phrases; write the alternatives out"
		}
		expr = append(expr, Node{Op: ExprAlt, N: n})
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				expr = append(expr, Node{Op: ExprLit, Text: string(r)})
			}
		}
		return expr, ""
	case syntax.OpCapture:
		return appendExpr(expr, re.Sub[0])
	case syntax.OpQuest:
		expr = append(expr, Node{Op: ExprAlt, N: 2}, Node{Op: ExprLit})
		return appendExpr(expr, re.Sub[0])
	case syntax.OpAlternate, syntax.OpConcat:
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

// checkPatternText returns what is wrong with the text of pattern rule r
// or with its tree's being that text's, or "".
func checkPatternText(r *Rule) string {
	// A cue is a common word by nature; other patterns must not match
	// ordinary text.
	if msg := checkPattern(r.Text, r.Role != Cue); msg != "" {
		return msg
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

// probe is benign text that no pattern may match: a pattern that does is
// over-broad and would flag ordinary posts. It is lower-case, as the
// literals that prove a pattern cannot match it are (prove.go).
var probeText = []string{
	"the", "a", "and", "is", "of", "to", "in", "it", "you", "we", "they", "people", "this is a normal sentence about the weather",
	"le", "la", "les", "de", "et", "est", "un", "une", "vous", "nous", "ils", "gens", "ceci est une phrase normale sur la meteo",
	"1", "2024", "http", "www",
}

// maxPatternInsts bounds the instructions of a pattern's compiled
// program; maxInstsPerByte bounds them by its length when it has no
// counted repetition.
const (
	maxPatternInsts = 2000
	maxInstsPerByte = 3
)

// checkPattern returns what is wrong with an RE2 pattern, or "". With
// probe set, a pattern that matches ordinary text is over-broad.
func checkPattern(p string, probe bool) string {
	if strings.TrimSpace(p) == "" {
		return "empty pattern"
	}
	if len(p) > MaxPatternLen {
		return "pattern longer than " + strconv.Itoa(MaxPatternLen) + " bytes"
	}
	parsed, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		for _, look := range []string{"(?=", "(?!", "(?<=", "(?<!"} {
			if strings.Contains(p, look) {
				return "invalid pattern: " + strconv.Quote(look) + " is a lookaround, and RE2 has no lookaround: match the words themselves, or use the rule's exceptions for what must not match"
			}
		}
		return "invalid pattern: " + err.Error()
	}
	simple := parsed.Simplify()
	// Only counted repetition (x{2,9}) makes a program much longer than
	// its pattern: without a '{', a pattern compiles to at most
	// maxInstsPerByte instructions a byte (TestProgramBound), so one of
	// MaxPatternLen bytes is within the limit without being compiled to
	// count them.
	if strings.Contains(p, "{") {
		if prog, err := syntax.Compile(simple); err == nil && len(prog.Inst) > maxPatternInsts {
			return "pattern too complex (" + strconv.Itoa(len(prog.Inst)) + " instructions, limit " + strconv.Itoa(maxPatternInsts) + ")"
		}
	}
	// The empty string and the probe text, each run on a compiled
	// expression only when the syntax tree does not prove that the
	// pattern cannot match it (prove.go).
	var re *regexp.Regexp
	matches := func(s string) (bool, string) {
		if re == nil {
			if re, err = regexp.Compile(p); err != nil {
				return false, "invalid pattern: " + err.Error()
			}
		}
		return re.MatchString(s), ""
	}
	if minLen(simple) == 0 {
		if m, msg := matches(""); msg != "" || m {
			return cmp.Or(msg, "over-broad pattern "+strconv.Quote(p)+": it matches the empty string")
		}
	}
	if !probe {
		return ""
	}
	clauses := literals.Required(simple, false)
	for _, s := range probeText {
		if cannotMatch(clauses, s) {
			continue
		}
		if m, msg := matches(s); msg != "" || m {
			return cmp.Or(msg, "over-broad pattern "+strconv.Quote(p)+": it matches ordinary text "+strconv.Quote(s))
		}
	}
	return ""
}
