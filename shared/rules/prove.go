//go:build !verifyonly

package rules

import (
	"regexp/syntax"
	"strings"
)

// Validation runs each pattern on the empty string and on the probe text,
// and compiling a regular expression for that was most of the time a
// client took to open a list it had not seen (regexp.Compile of the 355
// patterns of the English starter list: 18 ms natively, several hundred in
// wasm). Most patterns are alternatives of words, and their syntax tree
// alone proves that they match neither: a match is at least some bytes
// long, and holds one literal of each of its clauses (literals.Required,
// the prefilter's analysis). What the tree cannot prove, a compiled
// expression decides, as before.

// minLen returns the fewest bytes a match of re holds.
func minLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += len(string(r))
		}
		return n
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpPlus:
		return minLen(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minLen(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, sub := range re.Sub {
			n += minLen(sub)
		}
		return n
	case syntax.OpAlternate:
		n := -1
		for _, sub := range re.Sub {
			if m := minLen(sub); n < 0 || m < n {
				n = m
			}
		}
		return max(n, 0)
	}
	// Empty matches, assertions, and what may repeat no times.
	return 0
}

// cannotMatch reports whether a match of a pattern whose required clauses
// (literals.Required) are clauses cannot lie in s: some clause has no
// literal in s.
func cannotMatch(clauses [][]string, s string) bool {
	for _, set := range clauses {
		found := false
		for _, lit := range set {
			if strings.Contains(s, lit) {
				found = true
				break
			}
		}
		if !found {
			return true
		}
	}
	return false
}
