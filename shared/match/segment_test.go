package match_test

import (
	"slices"
	"strings"
	"testing"

	"voile/shared/demo"
	"voile/shared/match"
	"voile/shared/rules"
)

// TestSegmentWholeWords: a long unknown word is read as lexicon words run
// together only when it is made of whole words, not when short words of
// the starter lists happen to spell it (« conférence » is con-fer-en-ce,
// and « à la con » is a predicate); and the last word read out of it
// ends where the word does, plural ending included.
func TestSegmentWholeWords(t *testing.T) {
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	m := e.NewMatcher()
	spans := func(text string) []string {
		var got []string
		for _, h := range m.Match(text) {
			got = append(got, text[h.Start:h.End])
		}
		slices.Sort(got)
		return got
	}
	if got := spans("les femmes à la conférence"); slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "con") }) {
		t.Errorf("« les femmes à la conférence »: hits %q, want none in « conférence »", got)
	}
	if got := spans("lesarabesdehors"); !slices.Contains(got, "dehors") {
		t.Errorf("« lesarabesdehors »: hits %q, want one of « dehors », to the end of the word", got)
	}
}

// TestVariantFirstLetter: a word one first letter away from a lexicon
// word is another word, not a variant of it ("skills" is not "kills",
// "laughter" not "slaughter"); a letter added or dropped inside still is.
func TestVariantFirstLetter(t *testing.T) {
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	m := e.NewMatcher()
	spans := func(text string) []string {
		var got []string
		for _, h := range m.Match(text) {
			got = append(got, text[h.Start:h.End])
		}
		return got
	}
	for _, c := range []struct{ text, not string }{
		{"women share their skills", "skills"},
		{"muslims love laughter", "laughter"},
	} {
		if got := spans(c.text); slices.Contains(got, c.not) {
			t.Errorf("%q: hits %q, want none on %q", c.text, got, c.not)
		}
	}
	for _, c := range []struct{ text, want string }{
		{"muslims are vermmin", "vermmin"},
		{"muslms are vermin", "muslms"},
		{"slaughtr the jews", "slaughtr"},
	} {
		if got := spans(c.text); !slices.Contains(got, c.want) {
			t.Errorf("%q: hits %q, want one on %q", c.text, got, c.want)
		}
	}
}

// TestListTextSingleLetters: the single letters of a list's text, set
// apart by its author, are words, as the elisions of a post are: the
// exception « n y a rien de pire » covers « Il n'y a rien de pire », where
// reading the author's « n y a » as one spelt-out word would miss it.
func TestListTextSingleLetters(t *testing.T) {
	l := &rules.List{ID: "l", Publisher: "p", Version: 1, Langs: []string{"fr"}, Rules: []rules.Rule{
		{ID: "neg", Role: rules.Cue, Class: rules.Negation, Kind: rules.Term, Text: "n", Exceptions: []string{"n y a rien de pire"}},
	}}
	e, err := match.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	m := e.NewMatcher()
	if hits := m.Match("Il n'y a rien de pire que ça"); len(hits) != 0 {
		t.Errorf("« Il n'y a rien de pire que ça »: %d hits, want the negation excepted", len(hits))
	}
	if hits := m.Match("Il n'y a personne"); len(hits) != 1 {
		t.Errorf("« Il n'y a personne »: %d hits, want the negation", len(hits))
	}
}

// TestSplitPlural: a word glued to the next may be a plural ("arabes",
// "gays"), whose dictionary key drops the s.
func TestSplitPlural(t *testing.T) {
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	m := e.NewMatcher()
	for _, c := range []struct{ text, want string }{
		{"les arabesdehors", "arabes"},
		{"gaysdisgusting", "gays"},
	} {
		var got []string
		for _, h := range m.Match(c.text) {
			got = append(got, c.text[h.Start:h.End])
		}
		if !slices.Contains(got, c.want) {
			t.Errorf("%q: hits %q, want one on %q", c.text, got, c.want)
		}
	}
}
