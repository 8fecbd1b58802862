package lang

import "testing"

func TestGuess(t *testing.T) {
	for _, c := range []struct {
		words []string
		want  Lang
	}{
		{[]string{"the", "cat", "is", "here"}, EN},
		{[]string{"les", "chats", "sont", "la"}, FR},
		{[]string{"the"}, None},                              // one stopword is too few
		{[]string{"the", "and", "les"}, None},                // two to one is no majority
		{[]string{"the", "and", "you", "les"}, EN},           // three to one is
		{[]string{"bonjour", "hello", "merci", "cat"}, None}, // no stopword at all
		// "Gays don't deserve anyone's trust": the letters English
		// contractions leave are no French.
		{[]string{"gays", "don", "t", "deserve", "anyone", "s", "trust"}, None},
		{[]string{"they", "re", "not", "welcome", "here", "l", "d"}, EN},
	} {
		var tally Tally
		for _, w := range c.words {
			tally.Add(Of(w))
		}
		if got := tally.Guess(); got != c.want {
			t.Errorf("%q: got %q, want %q", c.words, got, c.want)
		}
	}
}

func TestCovers(t *testing.T) {
	if !Covers([]string{"fr", "en"}) || Covers([]string{"en"}) || Covers(nil) {
		t.Error("Covers should hold for en and fr together only")
	}
}

func TestStopwordsOneLanguage(t *testing.T) {
	for _, w := range Stopwords() {
		if Of(w) == None {
			t.Errorf("stopword %q has no language", w)
		}
	}
}

func TestParse(t *testing.T) {
	for code, want := range map[string]Lang{"en": EN, "fr": FR, "": None, "de": None, "EN": None} {
		if got := Parse(code); got != want {
			t.Errorf("Parse(%q) = %v, want %v", code, got, want)
		}
	}
}
