package lang

import (
	"maps"
	"slices"
)

// A Lang is a language the guess can name, or None.
type Lang uint8

const (
	None Lang = iota
	EN
	FR
)

// codes holds the ISO 639-1 code of each Lang.
var codes = [...]string{None: "", EN: "en", FR: "fr"}

// String returns the language's ISO 639-1 code, or "" for None.
func (l Lang) String() string { return codes[l] }

// Parse returns the Lang of an ISO 639-1 code, or None for a language the
// guess cannot name.
func Parse(code string) Lang {
	for l, c := range codes {
		if c == code && c != "" {
			return Lang(l)
		}
	}
	return None
}

// stopwords maps each stopword, written normalised (lower case, no
// diacritics), to its language. Only words that are not frequent in the
// other language are listed.
var stopwords = func() map[string]Lang {
	m := map[string]Lang{}
	for lang, words := range map[Lang][]string{
		EN: {"the", "and", "you", "that", "this", "with", "are", "have", "they", "was", "for", "not", "but", "what",
			"all", "your", "from", "will", "would", "there", "their", "about", "should", "them", "is", "of", "to", "it",
			"we", "be", "my", "he", "she", "his", "her", "i", "me", "so", "just", "like", "get", "go", "back", "who", "why",
			"in", "at", "an", "our", "us", "do", "did", "does", "can", "has", "had", "been", "were", "these", "those",
			"than", "then", "when", "where", "how", "if", "or", "because", "ever", "never", "really", "don", "doesn",
			"didn", "isn", "aren", "im", "am", "by", "him", "which", "any", "some", "over",
			"ll", "re", "ve"}, // of "they'll", "you're", "I've"
		FR: {"le", "la", "les", "des", "et", "est", "une", "du", "que", "qui", "pas", "pour", "dans", "sur", "avec",
			"sont", "ce", "cette", "ces", "il", "ils", "elle", "nous", "vous", "tu", "je", "mais", "au", "aux", "ne",
			"plus", "tout", "tous", "leur", "leurs", "quel", "quelle", "c", "l", "j", "qu", "n", "ou", "trop",
			"un", "de", "en", "mon", "ma", "mes", "ses", "notre", "nos", "votre", "vos", "moi", "toi", "lui", "eux",
			"faut", "fait", "comme", "quand", "parce", "chez", "aussi", "encore", "jamais", "rien", "bien", "tres",
			"etre", "avoir", "ont", "suis", "sommes", "etes", "ai", "avez", "avons", "ca", "se", "sa"},
		// Not "d", "s" or "t", which English contractions leave as often
		// (« d'un », « s'il », « t'es »; "I'd", "it's", "don't").
	} {
		for _, w := range words {
			m[w] = lang
		}
	}
	return m
}()

// Stopwords returns every stopword, normalised, in a stable order.
func Stopwords() []string { return slices.Sorted(maps.Keys(stopwords)) }

// Of returns the language whose stopword w (normalised) is, or None.
func Of(w string) Lang { return stopwords[w] }

// A Tally counts the stopwords of a post by language.
type Tally struct{ n [len(codes)]int }

// Add counts one word of language l (None counts for nothing).
func (t *Tally) Add(l Lang) { t.n[l]++ }

// Guess returns the post's language: the one with at least two stopwords
// and more than twice as many as the other; else None.
func (t *Tally) Guess() Lang {
	en, fr := t.n[EN], t.n[FR]
	switch {
	case en >= 2 && en > 2*fr:
		return EN
	case fr >= 2 && fr > 2*en:
		return FR
	}
	return None
}

// Covers reports whether langs holds every language Guess can return, so
// that no guess can rule out a rule written for them.
func Covers(langs []string) bool {
	return slices.Contains(langs, EN.String()) && slices.Contains(langs, FR.String())
}
