package frames

import (
	"strings"
	"testing"
)

// FuzzPlainGap checks that a gap segment skips (plainGap) is one where
// the checks it skips find nothing: no end of sentence or phrase, no
// question, no quotation opened or closed.
func FuzzPlainGap(f *testing.F) {
	for _, s := range []string{" ", ", ", " - ", " . ", "? ", "\" ", " '", "…", " « ", "\n", "; ", ":) ", " ’", "¿", "> ", "\n> "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, gap string) {
		if !plainGap(gap) {
			return
		}
		if breaksSentence(gap) || breaksPhrase(gap) || strings.ContainsRune(gap, '?') {
			t.Fatalf("%q: plain, but ends a sentence or a phrase, or asks", gap)
		}
		for _, quoted := range []bool{false, true} {
			for _, atStart := range []bool{false, true} {
				if toggleQuotes(gap, quoted, atStart) != quoted || quotesLine(gap, quoted, atStart) != quoted {
					t.Fatalf("%q: plain, but opens or closes a quotation", gap)
				}
			}
		}
	})
}
