package normalize

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestDecompose checks decompose against golang.org/x/text/unicode/norm
// for every rune: a newer x/text with another Unicode version makes it
// fail until `go generate ./shared/normalize` is run.
func TestDecompose(t *testing.T) {
	var buf []byte
	bad := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		buf = decompose(buf[:0], r)
		if want := norm.NFKD.String(string(r)); string(buf) != want && bad < 10 {
			bad++
			t.Errorf("U+%04X: decompose gives %+q, NFKD %+q", r, buf, want)
		}
	}
}
