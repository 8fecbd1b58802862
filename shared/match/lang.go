package match

import (
	"slices"

	"voile/shared/lang"
	"voile/shared/rules"
)

// Stopwords are words of the dictionary: Compile adds them, and langOf
// gives each word id's language (package lang), so that guessing a post's
// language reads the ids of its first walk instead of hashing every word
// again.

// addStopwords adds the stopwords to the dictionary being built.
func (b *builder) addStopwords() {
	for _, w := range lang.Stopwords() { // in order, so that two compilations number the words alike
		b.word(w)
	}
}

// addKnown adds the lists' known words to the dictionary, with no pattern
// of their own: a word the dictionary holds is never read as a spelling
// variant of another ("wore" is no "whore").
func (b *builder) addKnown(lists []*rules.List) {
	for _, l := range lists {
		for _, k := range l.Known {
			b.words = b.n.AppendListWords(b.words[:0], k)
			for _, w := range b.words {
				b.word(w)
			}
		}
	}
}

// buildLangOf fills e.langOf from the dictionary, and e.covers from the
// lists.
func (e *Engine) buildLangOf() {
	e.covers = make([][]bool, len(e.Lists))
	for i, l := range e.Lists {
		e.covers[i] = make([]bool, len(l.Rules))
		for j := range l.Rules {
			e.covers[i][j] = lang.Covers(ruleLangs(l, &l.Rules[j]))
		}
	}
	e.langOf = make([]lang.Lang, e.dict.len()+1)
	var key []byte
	for _, w := range lang.Stopwords() {
		key = appendKey(key[:0], []byte(w))
		if id := e.dict.find(key); id != 0 {
			e.langOf[id] = lang.Of(w)
		}
	}
}

// guessLang returns the language of the text whose word ids are ids, or
// lang.None when it cannot tell.
func (e *Engine) guessLang(ids []uint32) lang.Lang {
	var t lang.Tally
	for _, id := range ids {
		t.Add(e.langOf[id])
	}
	return t.Guess()
}

// ruleLangs returns the languages a rule applies to: its own, or else its
// list's.
func ruleLangs(l *rules.List, r *rules.Rule) []string {
	if len(r.Langs) > 0 {
		return r.Langs
	}
	return l.Langs
}

// dropOtherLanguages removes the hits of rules written for languages other
// than the text's. It guesses the language only when a hit depends on it,
// so clean posts cost nothing.
func (m *Matcher) dropOtherLanguages() {
	language, guessed := "", false
	kept := m.hits[:0]
	for _, h := range m.hits {
		if m.e.covers[h.List][h.Rule] {
			kept = append(kept, h)
			continue
		}
		if !guessed {
			language, guessed = m.e.guessLang(m.ids).String(), true
		}
		l := m.e.Lists[h.List]
		if language == "" || slices.Contains(ruleLangs(l, &l.Rules[h.Rule]), language) {
			kept = append(kept, h)
		}
	}
	m.hits = kept
}
