package main

import (
	"os"
	"path/filepath"
	"testing"
)

// voile known prints the words of a dictionary that the lists would read
// as a lexicon word, and none once the list knows them.
func TestKnown(t *testing.T) {
	dir := t.TempDir()
	words := filepath.Join(dir, "words")
	if err := os.WriteFile(words, []byte("wore\nweather\nwhore\ntwo words\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const src = `id: test-en
publisher: ngo
version: 1
langs: [en]
rules:
  - {id: t1, role: target, kind: term, text: whore, category: sexism}
`
	for _, c := range []struct{ known, want string }{
		{"", "wore\ttest-en/t1\n"},
		{"known: [wore]\n", ""},
	} {
		list := filepath.Join(dir, "list.yaml")
		if err := os.WriteFile(list, []byte(src+c.known), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := capture(t, func() error { return known([]string{"-words", words, list}) })
		if err != nil {
			t.Fatal(err)
		}
		if out != c.want {
			t.Errorf("with %q: printed %q, want %q", c.known, out, c.want)
		}
	}
}
