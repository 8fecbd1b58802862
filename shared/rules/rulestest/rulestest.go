// Package rulestest makes rule lists and posts for tests and benchmarks of
// the packages that use rules: generated lists of any size whose words no
// English or French text contains, so ordinary posts match nothing and a
// benchmark measures the cost of size alone.
package rulestest

import (
	"fmt"

	"voile/shared/rules"
)

// Generated returns a valid list of n rules, spread over every category:
// invented words as terms and, one rule in ten, two-word phrases.
func Generated(id, publisher string, version uint64, n int) *rules.List {
	l := &rules.List{ID: id, Publisher: publisher, Version: version, Name: "Generated list " + id, Langs: []string{"en"}}
	l.Rules = make([]rules.Rule, n)
	for i := range n {
		r := rules.Rule{ID: fmt.Sprintf("r%d", i), Kind: rules.Term, Text: Word(i), Category: rules.Categories[i%len(rules.Categories)], Weight: 0.6}
		if i%10 == 9 {
			r.Kind, r.Text = rules.Phrase, Word(i)+" "+Word(i+n)
		}
		l.Rules[i] = r
	}
	return l
}

// Word returns the i-th invented word: "zq" and the digits of i in base
// 23, each a letter followed by v. The letters leave out s and x, which the
// matcher reads as plural endings, and v keeps a letter from repeating:
// the normaliser shortens runs.
func Word(i int) string {
	const letters = "abcdefghijklmnopqrtuwyz"
	w := []byte("zq")
	for {
		w = append(w, letters[i%23], 'v')
		if i /= 23; i == 0 {
			return string(w)
		}
	}
}

// Post280 is a clean post of 280 characters in English and French.
func Post280() string {
	s := "Just saw the news about the game tonight, honestly the referee was terrible but the crowd was amazing. " +
		"Vraiment, l'équipe a joué avec cœur et les supporters étaient géniaux ! On se retrouve demain au café pour en parler ? " +
		"Anyway see you all there, bring snacks and good vibes only."
	return s[:280]
}
