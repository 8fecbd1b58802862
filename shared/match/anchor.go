package match

import (
	"errors"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
)

// Anchor words. Most pattern rules that stay regular expressions are
// still made of words: `\bthe (hate|abuse|racism) (that )?(\w+ )?(get|face)\b`
// holds one of "hate", "abuse" or "racism" as a whole word of the
// normalised text, between two spaces. Such words are anchors: when each
// is a word of the dictionary, the first walk, which looks up every word
// of the text, already tells whether one is there, and the pattern runs
// only on the texts that hold one. The prefilter's pass over every byte
// (prefilter.go) is then left for the patterns without anchors: with none,
// it is not made at all. It was 14 % of the time of a feed's post natively
// and 9 % in wasm (CPU profiles of make bench-peers, starter lists).
//
// A word between two literal spaces of a match is a whole word of the
// text, since the normalised text separates its words by single spaces
// and no word holds one. Word boundaries (\b) are not enough: they fall
// between an ASCII letter and any other character, inside a word of other
// letters too.

// anchorSets returns the sets of words, for each place of pattern where
// one is found, one of which any match of pattern holds as a whole word;
// nil if there are none.
func anchorSets(pattern string) [][]string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	return anchorsOf(re.Simplify())
}

func anchorsOf(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpCapture:
		return anchorsOf(re.Sub[0])
	case syntax.OpAlternate:
		// Every branch must give a set: their union, one of each branch's
		// (the smallest, so that the union stays small).
		var union []string
		for _, sub := range re.Sub {
			sets := anchorsOf(sub)
			if len(sets) == 0 {
				return nil
			}
			union = append(union, slices.MinFunc(sets, func(a, b []string) int { return len(a) - len(b) })...)
		}
		slices.Sort(union)
		return [][]string{slices.Compact(union)}
	case syntax.OpConcat:
		subs := flatConcat(nil, re)
		var sets [][]string
		for j, sub := range subs {
			if sub.Op != syntax.OpLiteral && j > 0 && j+1 < len(subs) && endsWithSpace(subs[j-1]) && startsWithSpace(subs[j+1]) {
				if words, ok := firstWords(sub); ok {
					sets = append(sets, words)
				}
			}
			sets = append(sets, anchorsOf(sub)...)
		}
		return sets
	case syntax.OpLiteral:
		var sets [][]string
		for _, w := range innerWords(re) {
			sets = append(sets, []string{w})
		}
		return sets
	}
	return nil
}

// flatConcat appends the parts of the concatenation re to dst, with the
// parts of the concatenations it holds in their place. A group stays one
// part, a place for a word: the parser factors its alternatives
// ("th(em|ose)"), and its parts alone are no words.
func flatConcat(dst []*syntax.Regexp, re *syntax.Regexp) []*syntax.Regexp {
	for _, sub := range re.Sub {
		if sub.Op == syntax.OpConcat {
			dst = flatConcat(dst, sub)
		} else {
			dst = append(dst, sub)
		}
	}
	return dst
}

// literalText returns the text of a literal that matches itself only.
func literalText(re *syntax.Regexp) (string, bool) {
	if re.Op != syntax.OpLiteral || re.Flags&syntax.FoldCase != 0 {
		return "", false
	}
	return string(re.Rune), true
}

func endsWithSpace(re *syntax.Regexp) bool {
	s, ok := literalText(re)
	return ok && strings.HasSuffix(s, " ")
}

func startsWithSpace(re *syntax.Regexp) bool {
	s, ok := literalText(re)
	return ok && strings.HasPrefix(s, " ")
}

// innerWords returns the words of a literal that have a space on either
// side within it: "x the y" holds "the".
func innerWords(re *syntax.Regexp) []string {
	s, ok := literalText(re)
	if !ok {
		return nil
	}
	parts := strings.Split(s, " ")
	if len(parts) < 3 {
		return nil
	}
	var words []string
	for _, w := range parts[1 : len(parts)-1] {
		if w != "" {
			words = append(words, w)
		}
	}
	return words
}

// firstWords returns the first word of each string re matches, which
// stands after a space in the match: whole words, when a space follows
// re too. A string that starts with a space would make two in a row,
// which no normalised text holds, and gives none; an empty one makes the
// set fail.
func firstWords(re *syntax.Regexp) ([]string, bool) {
	set, ok := strs(re)
	if !ok {
		return nil, false
	}
	var words []string
	for _, s := range set {
		if s == "" {
			return nil, false
		}
		if s[0] == ' ' {
			continue
		}
		w, _, _ := strings.Cut(s, " ")
		words = append(words, w)
	}
	slices.Sort(words)
	return slices.Compact(words), len(words) > 0
}

// anchorIDs returns the dictionary ids of the first of sets whose words
// are all in e's dictionary, fewest words first; nil if none is. A word
// and its plural share a key, and so an id: the pattern then runs on a
// text that holds either, and on no fewer texts than it matches.
func (e *Engine) anchorIDs(sets [][]string) []uint32 {
	slices.SortStableFunc(sets, func(a, b []string) int { return len(a) - len(b) })
	var key []byte
	for _, set := range sets {
		ids := make([]uint32, 0, len(set))
		for _, w := range set {
			id := e.dict.findKeyOf([]byte(w), &key)
			if id == 0 {
				break
			}
			ids = append(ids, id)
		}
		if len(ids) == len(set) {
			slices.Sort(ids)
			return slices.Compact(ids)
		}
	}
	return nil
}

// buildAnchors fills e.anchorAt and e.anchorID from the patterns of
// e.regexps.
func (e *Engine) buildAnchors() {
	e.anchorAt = make([]int32, 1, len(e.regexps)+1)
	e.anchorID = nil
	for _, cp := range e.regexps {
		e.anchorID = append(e.anchorID, e.anchorIDs(anchorSets(cp.src))...)
		e.anchorAt = append(e.anchorAt, int32(len(e.anchorID)))
	}
	e.markAnchors()
}

// checkAnchors checks the shape of e.anchorAt and e.anchorID, read from
// an image, for a dictionary of nwords words.
func (e *Engine) checkAnchors(nwords int) error {
	if len(e.anchorAt) != len(e.regexps)+1 || e.anchorAt[0] != 0 || int(e.anchorAt[len(e.regexps)]) != len(e.anchorID) {
		return errors.New("anchor words of another shape than the " + strconv.Itoa(len(e.regexps)) + " regular expressions'")
	}
	for i := range e.regexps {
		if e.anchorAt[i] > e.anchorAt[i+1] {
			return errors.New("anchor words out of order")
		}
	}
	for _, id := range e.anchorID {
		if id == 0 || int(id) > nwords {
			return errors.New("an anchor word out of the dictionary")
		}
	}
	return nil
}

// markAnchors fills e.isAnchor and e.scan from e.anchorAt and e.anchorID.
func (e *Engine) markAnchors() {
	e.isAnchor = make([]uint64, (len(e.words)+63)/64)
	for _, id := range e.anchorID {
		e.isAnchor[id/64] |= 1 << (id % 64)
	}
	e.scan = false
	for i := range e.regexps {
		e.scan = e.scan || e.anchorAt[i] == e.anchorAt[i+1]
	}
}

// anchoredIn sets m.anchored[i] for each pattern i of e.regexps that has
// anchors and one of them among the words of the last walk.
func (m *Matcher) anchoredIn() {
	e := m.e
	m.anchored = resize(m.anchored, len(e.regexps))
	clear(m.anchored)
	for _, id := range m.ids {
		if e.isAnchor[id/64]>>(id%64)&1 == 0 {
			continue
		}
		for i := range e.regexps {
			if _, ok := slices.BinarySearch(e.anchorID[e.anchorAt[i]:e.anchorAt[i+1]], id); ok {
				m.anchored[i] = true
			}
		}
	}
}
