package normalize_test

import (
	"fmt"

	"voile/shared/normalize"
)

// The normaliser undoes what hides a word from a list: case and
// diacritics, look-alike letters, leetspeak, stretched letters and words
// spelt out letter by letter. Every normalised word maps back to the
// text it came from.
func ExampleNormalizer_Normalize() {
	n := normalize.New()
	t := n.Normalize("Ｔhé  V3RMIIIIN, c-r-i-m-i-n-a-l-s!")
	fmt.Printf("%q\n", t.Norm)
	for i, w := range t.Words {
		start, end := t.Orig(int(w.Start), int(w.End))
		fmt.Printf("%q from %q\n", t.WordText(i), "Ｔhé  V3RMIIIIN, c-r-i-m-i-n-a-l-s!"[start:end])
	}
	// Output:
	// "the vermiin criminals"
	// "the" from "Ｔhé"
	// "vermiin" from "V3RMIIIIN"
	// "criminals" from "c-r-i-m-i-n-a-l-s"
}
