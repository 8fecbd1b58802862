package rules

import (
	"regexp/syntax"
	"slices"
	"strings"
)

// Validation runs each pattern on the empty string and on the probe text,
// and compiling a regular expression for that was most of the time a
// client took to open a list it had not seen (regexp.Compile of the 355
// patterns of the English starter list: 18 ms natively, several hundred in
// wasm). Most patterns are alternatives of words, and their syntax tree
// alone proves that they match neither: a match is at least some bytes
// long, and holds one literal of each of some sets. What the tree cannot
// prove, a compiled expression decides, as before.

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

// requiredSets returns sets of literals such that every match of re holds
// one literal of each set: the literals re cannot match without.
func requiredSets(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil // a literal of any case: no text to look for
		}
		return [][]string{{string(re.Rune)}}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredSets(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min == 0 {
			return nil
		}
		return requiredSets(re.Sub[0])
	case syntax.OpConcat:
		var sets [][]string
		for _, sub := range re.Sub {
			sets = append(sets, requiredSets(sub)...)
		}
		return sets
	case syntax.OpAlternate:
		// One set of each branch: together, one set of the whole, since
		// a match is a match of some branch. Of a branch's sets, the one
		// whose shortest literal is longest, the rarest in text: the
		// parser factors alternatives ("g(ays?|ay people)"), and their
		// common first letter is in every text.
		var union []string
		for _, sub := range re.Sub {
			sets := requiredSets(sub)
			if len(sets) == 0 {
				return nil
			}
			union = append(union, slices.MaxFunc(sets, func(a, b []string) int { return shortest(a) - shortest(b) })...)
		}
		return [][]string{union}
	}
	return nil
}

// shortest returns the length of the shortest literal of set.
func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// cannotMatch reports whether a match of a pattern whose required sets are
// sets cannot lie in s: some set has no literal in s.
func cannotMatch(sets [][]string, s string) bool {
	for _, set := range sets {
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
