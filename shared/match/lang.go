package match

import (
	"maps"
	"slices"

	"voile/shared/rules"
)

// stopwords are frequent words that tell one language from another. They
// are written normalised (no diacritics), and only words that are not
// frequent in the other languages are listed.
var stopwords = map[string]string{}

func init() {
	for lang, words := range map[string][]string{
		"en": {"the", "and", "you", "that", "this", "with", "are", "have", "they", "was", "for", "not", "but", "what",
			"all", "your", "from", "will", "would", "there", "their", "about", "should", "them", "is", "of", "to", "it",
			"we", "be", "my", "he", "she", "his", "her", "i", "me", "so", "just", "like", "get", "go", "back", "who", "why"},
		"fr": {"le", "la", "les", "des", "et", "est", "une", "du", "que", "qui", "pas", "pour", "dans", "sur", "avec",
			"sont", "ce", "cette", "ces", "il", "ils", "elle", "nous", "vous", "tu", "je", "mais", "au", "aux", "ne",
			"plus", "tout", "tous", "leur", "leurs", "quel", "quelle", "c", "l", "d", "j", "qu", "n", "t", "s", "ou", "trop"},
	} {
		for _, w := range words {
			stopwords[w] = lang
		}
	}
}

// Stopwords are words of the dictionary: Compile adds them, and langOf
// gives each word id's language, so that guessing a post's language reads
// the ids of its first walk instead of hashing every word again.
const (
	langNone uint8 = iota
	langEN
	langFR
)

// addStopwords adds the stopwords to the dictionary being built.
func (b *builder) addStopwords() {
	// In order, so that two compilations number the words alike.
	for _, w := range slices.Sorted(maps.Keys(stopwords)) {
		b.word([]byte(w))
	}
}

// buildLangOf fills e.langOf from the dictionary.
func (e *Engine) buildLangOf() {
	e.langOf = make([]uint8, e.dict.len()+1)
	var key []byte
	for w, lang := range stopwords {
		key = appendKey(key[:0], []byte(w))
		if id := e.dict.find(key); id != 0 {
			e.langOf[id] = langFR
			if lang == "en" {
				e.langOf[id] = langEN
			}
		}
	}
}

// guessLang returns the language of the text whose word ids are ids,
// from its stopwords, or "" when it cannot tell: too few of them, or no
// clear majority.
func (e *Engine) guessLang(ids []uint32) string {
	var en, fr int
	for _, id := range ids {
		switch e.langOf[id] {
		case langEN:
			en++
		case langFR:
			fr++
		}
	}
	switch {
	case en >= 2 && en > 2*fr:
		return "en"
	case fr >= 2 && fr > 2*en:
		return "fr"
	}
	return ""
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
	lang, guessed := "", false
	kept := m.hits[:0]
	for _, h := range m.hits {
		l := m.e.Lists[h.List]
		langs := ruleLangs(l, &l.Rules[h.Rule])
		if !guessed && !m.e.allLangs(langs) {
			lang, guessed = m.e.guessLang(m.ids), true
		}
		if lang == "" || slices.Contains(langs, lang) {
			kept = append(kept, h)
		}
	}
	m.hits = kept
}

// allLangs reports whether langs holds every language guessLang can return.
func (e *Engine) allLangs(langs []string) bool {
	return slices.Contains(langs, "en") && slices.Contains(langs, "fr")
}
