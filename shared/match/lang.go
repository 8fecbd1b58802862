package match

import (
	"slices"

	"voile/shared/normalize"
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

// guessLang returns the language of t from its stopwords, or "" when it
// cannot tell: too few of them, or no clear majority.
func guessLang(t *normalize.Text) string {
	var en, fr int
	for i := range t.Words {
		switch stopwords[string(t.WordText(i))] {
		case "en":
			en++
		case "fr":
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
			lang, guessed = guessLang(m.Text), true
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
