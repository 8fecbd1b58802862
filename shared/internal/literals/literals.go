package literals

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// MaxRequired bounds the literals of a clause: an alternation's clause
// stops growing past it, and the prefilter drops a larger one.
const MaxRequired = 64

// Required returns clauses of literals such that every match of re
// contains at least one literal of each clause; none if it knows none.
// With products, the parts of a concatenation that match a few strings
// each, side by side, give their concatenations as one more clause:
// (les|vous) (choper|attraper) gives "les choper" and three others,
// which a text holds far more rarely than "attraper" in "rattrapera".
func Required(re *syntax.Regexp, products bool) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		b := make([]byte, 0, len(re.Rune))
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				// The texts are lower-case (see the package's doc).
				// Outside ASCII, case folding has cases this does not
				// follow: give up.
				if r >= utf8.RuneSelf {
					return nil
				}
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
			}
			b = utf8.AppendRune(b, r)
		}
		return [][]string{{string(b)}}
	case syntax.OpCapture, syntax.OpPlus:
		return Required(re.Sub[0], products)
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return Required(re.Sub[0], products)
		}
	case syntax.OpConcat:
		// Each part's clauses hold for the whole, and literals side by
		// side make one longer literal: nig and g+ make nigg.
		var all [][]string
		var run []byte
		flush := func() {
			if len(run) > 0 {
				all = append(all, []string{string(run)})
				run = run[:0]
			}
		}
		for _, sub := range re.Sub {
			lit := sub
			if sub.Op == syntax.OpPlus {
				lit = sub.Sub[0]
			}
			if lit.Op == syntax.OpLiteral && lit.Flags&syntax.FoldCase == 0 {
				run = append(run, string(lit.Rune)...)
				if sub.Op == syntax.OpPlus {
					flush() // more of it may follow
				}
				continue
			}
			flush()
			all = append(all, Required(sub, products)...)
		}
		flush()
		if products {
			all = append(all, concatProducts(re.Sub)...)
		}
		return all
	case syntax.OpAlternate:
		// A match comes from one branch and holds a literal of each of
		// its clauses, so the best clause of every branch, joined, is a
		// clause of the whole; so is the second best of every branch
		// (or its best, for a branch with no other long enough to
		// help: minAltRequired), and so on. The best
		// alone was often a common word ("make " of "make (them|you)
		// wish"); with the next, a text must hold two literals of the
		// same branch, or of two, before the pattern runs.
		var branches [][][]string
		most := 0
		for _, sub := range re.Sub {
			cls := Required(sub, products)
			if len(cls) == 0 {
				return nil
			}
			slices.SortStableFunc(cls, BySelectivity)
			branches = append(branches, cls)
			most = max(most, len(cls))
		}
		var out [][]string
		for r := range min(most, maxAltClauses) {
			var one []string
			for _, cls := range branches {
				cl := cls[0]
				if r < len(cls) && Shortest(cls[r]) >= minAltRequired {
					cl = cls[r]
				}
				one = append(one, cl...)
			}
			if len(one) > MaxRequired {
				break
			}
			out = append(out, one)
		}
		return out
	}
	return nil
}

// maxProduct bounds the strings of a clause made by concatProducts: a
// larger one would crowd the others out of an alternation's clauses
// (MaxRequired literals in all).
const maxProduct = 8

// concatProducts returns the clauses of the parts of a concatenation
// that match finitely many strings, side by side: each run of such parts
// gives the concatenations of their strings (at most maxProduct), which
// every match holds. A run whose product would grow too large ends, and
// the next one starts from the part that made it so.
func concatProducts(subs []*syntax.Regexp) [][]string {
	var out [][]string
	var run []string // nil: no run
	parts := 0
	flush := func() {
		if parts >= 2 && len(run) > 0 {
			out = append(out, run)
		}
		run, parts = nil, 0
	}
	for _, sub := range subs {
		set, ok := exactly(sub, maxProduct)
		if !ok {
			flush()
			continue
		}
		if run != nil && len(run)*len(set) > maxProduct {
			flush()
		}
		if run == nil {
			run = []string{""}
		}
		var next []string
		for _, a := range run {
			for _, b := range set {
				next = append(next, a+b)
			}
		}
		run = next
		if !(len(set) == 1 && set[0] == "") {
			parts++
		}
	}
	flush()
	return out
}

// exactly returns the strings that re matches, if there are at most
// limit of them and it knows them all (an assertion matches ""). The
// texts are lower-case, so a literal that folds case gives its lower
// case, and one outside ASCII gives up.
func exactly(re *syntax.Regexp, limit int) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []string{""}, true
	case syntax.OpLiteral:
		b := make([]byte, 0, len(re.Rune))
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				if r >= utf8.RuneSelf {
					return nil, false
				}
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
			}
			b = utf8.AppendRune(b, r)
		}
		return []string{string(b)}, true
	case syntax.OpCapture:
		return exactly(re.Sub[0], limit)
	case syntax.OpQuest:
		set, ok := exactly(re.Sub[0], limit-1)
		if !ok {
			return nil, false
		}
		return append(set, ""), true
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set, ok := exactly(sub, limit-len(all))
			if !ok {
				return nil, false
			}
			all = append(all, set...)
		}
		return all, len(all) <= limit
	case syntax.OpConcat:
		all := []string{""}
		for _, sub := range re.Sub {
			set, ok := exactly(sub, limit)
			if !ok || len(all)*len(set) > limit {
				return nil, false
			}
			all = Product(all, set)
		}
		return all, true
	}
	return nil, false
}

// maxAltClauses bounds the clauses an alternation gives, and
// minAltRequired is the shortest literal of a branch's clause after its
// best: two-letter literals ("is", "er") are in most texts, and each
// occurrence costs the scan a look at its clauses.
const (
	maxAltClauses  = 3
	minAltRequired = 3
)

// BySelectivity orders clauses from the most selective (better).
func BySelectivity(a, b []string) int {
	switch {
	case better(a, b):
		return -1
	case better(b, a):
		return 1
	}
	return 0
}

// better reports whether literal set a is more selective than b: a longer
// shortest literal, or as long and fewer literals.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	ma, mb := Shortest(a), Shortest(b)
	return ma > mb || ma == mb && len(a) < len(b)
}

// Shortest returns the length of the shortest literal of s, -1 for none.
func Shortest(s []string) int {
	n := -1
	for _, x := range s {
		if n < 0 || len(x) < n {
			n = len(x)
		}
	}
	return n
}

// Product returns every string of a followed by one of b, in order.
func Product(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}
