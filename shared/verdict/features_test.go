package verdict

import (
	"testing"

	"voile/shared/normalize"
	"voile/shared/rules"
)

// TestMask checks the text the model reads: each group named is one
// MaskWord, and the masked text normalises to itself, as training, which
// keeps it as a string, needs.
func TestMask(t *testing.T) {
	l := &rules.List{
		ID: "l", Publisher: "p", Version: 1, Langs: []string{"en"},
		Rules: []rules.Rule{
			{ID: "t-trans", Kind: rules.Phrase, Role: rules.Target, Category: rules.LGBTphobia, Text: "trans people"},
			{ID: "t-muslims", Kind: rules.Term, Role: rules.Target, Category: rules.Islamophobia, Text: "muslims"},
			{ID: "p-hate", Kind: rules.Term, Role: rules.Predicate, Class: rules.Contempt, Order: rules.Before, Text: "hate", Weight: 0.8},
		},
	}
	c := classifier(t, l)
	norm := normalize.New()
	for text, want := range map[string]string{
		"I love spending time with Trans People!": "i love spending time with " + MaskWord,
		"Muslims and trans people, both":          MaskWord + " and " + MaskWord + " both",
		"a fine day":                              "a fine day",
		"ihatemuslims":                            "ihatemuslims", // a part of a word stays
	} {
		m, _ := c.Features(text)
		if got := string(m.Norm); got != want {
			t.Errorf("%q: the model reads %q, want %q", text, got, want)
		}
		if again := string(norm.Normalize(string(m.Norm)).Norm); again != string(m.Norm) {
			t.Errorf("%q: masked text %q normalises to %q", text, m.Norm, again)
		}
		for i, w := range m.Words {
			if int(w.End) > len(m.Norm) || w.Start >= w.End || (i > 0 && m.Norm[w.Start-1] != ' ') {
				t.Errorf("%q: word %d spans %d-%d of %q", text, i, w.Start, w.End, m.Norm)
			}
		}
	}
}
