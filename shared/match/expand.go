package match

import (
	"regexp/syntax"
	"strings"

	"voile/shared/internal/literals"
)

// Many pattern rules are finite: alternatives of words between word
// boundaries, with optional parts (`\bsales? (arabe|noir)s?\b`). Such a
// pattern is the same as the set of phrases it can match, and those are
// compiled into the word automaton, where they cost nothing per rule,
// instead of running a regular expression over every post. Patterns with
// repetition, wildcards or classes of many characters stay regexps.

// maxExpansions bounds the phrases one pattern may become, and
// maxTotalExpansions those of all patterns of an Engine, so that a list of
// many large patterns cannot blow up the automaton: past the budget,
// patterns stay regexps.
const (
	maxExpansions      = 16384
	maxTotalExpansions = 200_000
)

// expand returns the phrases that pattern matches, if it is a finite
// pattern between word boundaries, of words of lower-case letters and
// digits separated by single spaces, with at most maxExpansions phrases.
func expand(pattern string) ([]string, bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, false
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) < 3 ||
		re.Sub[0].Op != syntax.OpWordBoundary || re.Sub[len(re.Sub)-1].Op != syntax.OpWordBoundary {
		return nil, false
	}
	set, ok := strs(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1 : len(re.Sub)-1]})
	if !ok {
		return nil, false
	}
	for _, s := range set {
		if !phraseLike(s) {
			return nil, false
		}
	}
	return set, true
}

// strs returns every string re matches, or false if there are too many or
// re is not finite.
func strs(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == 8 {
					return nil, false
				}
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpCapture:
		return strs(re.Sub[0])
	case syntax.OpQuest:
		sub, ok := strs(re.Sub[0])
		if !ok {
			return nil, false
		}
		return append([]string{""}, sub...), len(sub) < maxExpansions
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			sub, ok := strs(s)
			if !ok || len(out)+len(sub) > maxExpansions {
				return nil, false
			}
			out = append(out, sub...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range re.Sub {
			sub, ok := strs(s)
			if !ok || len(out)*len(sub) > maxExpansions {
				return nil, false
			}
			out = literals.Product(out, sub)
		}
		return out, true
	}
	return nil, false
}

// phraseLike reports whether s is words of lower-case ASCII letters and
// digits separated by single spaces: text the normaliser leaves as it is.
func phraseLike(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
			return false
		}
	}
	return true
}
