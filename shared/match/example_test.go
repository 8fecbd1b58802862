package match_test

import (
	"fmt"

	"voile/shared/match"
	"voile/shared/rules"
)

// A rule written plainly finds its word however a post disguises it:
// diacritics, leetspeak, a spelt-out word, a plural. The hit's span is in
// the post as written.
func Example() {
	l := &rules.List{ID: "fr", Publisher: "ngo", Version: 1, Langs: []string{"fr"}, Rules: []rules.Rule{
		{ID: "sale-arabe", Kind: rules.Phrase, Text: "sale arabe", Category: rules.Racism, Weight: 0.9},
	}}
	if err := l.Validate(); err != nil {
		panic(err)
	}
	e, err := match.Compile(l)
	if err != nil {
		panic(err)
	}
	post := "Encore un S4LE    4.R.4.B.3 dans le métro"
	for _, h := range e.NewMatcher().Match(post) {
		fmt.Printf("%s: %q\n", l.Rules[h.Rule].ID, post[h.Start:h.End])
	}
	// Output:
	// sale-arabe: "S4LE    4.R.4.B.3"
}
