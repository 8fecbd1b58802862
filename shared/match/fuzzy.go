package match

// Spelling variants. Hateful posts misspell on purpose or by haste:
// "muslms", "mulsims", "ihate", "mus lims". Words of targets and
// predicates (the lexicons) are also found with one letter dropped, one
// letter added or two neighbouring letters swapped, when long enough that
// such a change rarely makes another word, and a word may be split in two
// or two words joined where that yields lexicon words. A letter replaced
// by another is not a variant: too many ordinary words are one letter away
// from another ("block", "black").
//
// The variants are looked up in a second walk only, made when the first
// found a lexicon word, so that a post that names no group and says
// nothing hateful pays nothing for them.

const (
	minFuzzyKey  = 5 // lexicon words at least this long have variants
	minSplitPart = 3 // a lexicon word split from another is at least this long
)

// fuzzyIndex maps each one-letter deletion of the lexicon's words to the
// ids of the words it comes from.
type fuzzyIndex map[string][]uint32

func (f fuzzyIndex) add(key []byte, id uint32) {
	if len(key) < minFuzzyKey {
		return
	}
	buf := make([]byte, len(key)-1)
	for i := range key {
		copy(buf, key[:i])
		copy(buf[i:], key[i+1:])
		ids := f[string(buf)]
		if len(ids) == 0 || ids[len(ids)-1] != id {
			f[string(buf)] = append(ids, id)
		}
	}
}

// fuzzyLookup returns the id of the lexicon word that key is a variant of,
// or 0.
func (m *Matcher) fuzzyLookup(key []byte) uint32 {
	e := m.e
	if len(key) < minFuzzyKey-1 {
		return 0
	}
	// A letter dropped: key is a deletion of a lexicon word.
	for _, id := range e.fuzzy[string(key)] {
		return id
	}
	if len(key) < minFuzzyKey {
		return 0
	}
	buf := m.del[:0]
	for i := range key {
		buf = append(append(buf[:0], key[:i]...), key[i+1:]...)
		// A letter added: a deletion of key is a lexicon word.
		if id := m.find(buf); id != 0 && e.lexWord[id] && len(buf) >= minFuzzyKey {
			m.del = buf
			return id
		}
		// Two letters swapped: key and a lexicon word share a deletion
		// and have the same length, differing in two neighbours.
		for _, id := range e.fuzzy[string(buf)] {
			if swapped(key, e.words[id]) {
				m.del = buf
				return id
			}
		}
	}
	m.del = buf
	return 0
}

// swapped reports whether a and b differ only by two neighbouring letters
// swapped.
func swapped(a []byte, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && string(a[i+2:]) == b[i+2:]
}

// split returns the ids of two words that key is made of, one of them a
// lexicon word of at least minSplitPart letters ("musliminvaders"), or 0,
// 0. A lexicon word may also follow one or two letters that are no word
// of the lists ("ihate", "jhais"): the first id is then 0.
func (m *Matcher) split(key []byte) (uint32, uint32) {
	if len(key) < minFuzzyKey {
		return 0, 0
	}
	for i := 1; i < len(key); i++ {
		a, b := m.find(key[:i]), m.find(key[i:])
		if b == 0 {
			continue
		}
		lexA := a != 0 && m.e.lexWord[a] && i >= minSplitPart
		lexB := m.e.lexWord[b] && len(key)-i >= minSplitPart
		if a != 0 && (lexA || lexB) || a == 0 && i <= 2 && lexB {
			return a, b
		}
	}
	return 0, 0
}
