package normalize

import (
	"slices"
	"testing"
)

// sameText reports how the fast path's text differs from the general
// path's, or "" when they agree in every byte, word, flag, guess and
// offset.
func sameText(fast, general *Text) string {
	switch {
	case string(fast.Norm) != string(general.Norm):
		return "Norm"
	case !slices.Equal(fast.Words, general.Words):
		return "Words"
	case !slices.Equal(fast.orig, general.orig):
		return "offsets"
	case !slices.Equal(fast.marks, general.marks):
		return "guesses"
	}
	return ""
}

var fastSeeds = []string{
	"", "Hello, World!", "h4t3 n4z1 $4l3 4r@b3 b0ng0", "n!gger wow! !yes", "@faggot @r4b3 m@il",
	"haaaaate looooser ki11 k1iiiill ki11111", "I am a fan", "à l'école", "l'équipe a joué",
	"end.Next one", "U.S.A. rocks", "a b testing", "I h a t e them", "it costs $ 5 @ home",
	"ﬁlle œuvre Straße ＦＵＬＬ", "ha\u200bte \ufeffra\u2060ce", "Ηаtе ѕаlе κιllεr", "ééééé ﬀf",
	"x½y", "a\u2028b", "@\u200bname", "a!\u200bb", "a\u200b!b", "$$ hello", "1488 88 2024",
	"@@a a@!b a!@b", "\xff\xfe ab", "ﷺ ab",
	// Eight bytes read at once (asciiLetters8): runs inside them, at their
	// end and across it, and bytes next to letters that are none.
	"abcdefggg xx", "aaabcdefgh ok", "abbbcdef ok", "abcdefgh", "abcdefghijklmnop qr", "STRAWBERRIES ok",
	"xyzzzzzy hello", "helloooo! ok", "ab{cdefg hi", "ab@cdefg hi", "ab`cdefg hi", "abcd\xc3\xa9fgh ij",
	"Zz[zzzzz ok", "aAaBbBcC ok", "abcdefgg", "wordsAtTheEndOfText", "ab\x00cdefgh ij", "abc1defgh ij",
}

// TestFastPathTaken checks that ordinary posts take the fast path, and
// that the texts it gives up on still come out right.
func TestFastPathTaken(t *testing.T) {
	n := New()
	for _, s := range []string{post280(), "Hello, World!", "I am a fan of @voile, à l'école", "h4t3 haaaate ki11 Éric ﬁlle"} {
		n.src = s
		if !n.fast(s) {
			t.Errorf("fast path gave up on %q", s)
		}
	}
	for _, s := range []string{"h.a.t.e", "h a t e them", "n!gger", "U.S.A."} {
		n.src = s
		if n.fast(s) {
			t.Errorf("fast path did not give up on %q", s)
		}
	}
}

func TestFastPathSeeds(t *testing.T) {
	f, g := New(), New()
	for _, s := range fastSeeds {
		f.src = s
		if !f.fast(s) {
			continue
		}
		g.src = s
		g.general(s)
		if d := sameText(&f.Text, &g.Text); d != "" {
			t.Errorf("%q: fast and general paths differ in %s: %q %+v, %q %+v", s, d, f.Norm, f.Words, g.Norm, g.Words)
		}
	}
}

// FuzzFastPath checks that whenever the fast path finishes, it gives what
// the general path gives.
func FuzzFastPath(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	fa, ge := New(), New()
	f.Fuzz(func(t *testing.T, s string) {
		fa.src = s
		if !fa.fast(s) {
			return
		}
		ge.src = s
		ge.general(s)
		if d := sameText(&fa.Text, &ge.Text); d != "" {
			t.Fatalf("%q: fast and general paths differ in %s:\nfast    %q %+v %v %v\ngeneral %q %+v %v %v", s, d, fa.Norm, fa.Words, fa.orig, fa.marks, ge.Norm, ge.Words, ge.orig, ge.marks)
		}
	})
}

// BenchmarkNormalizeGeneral is BenchmarkNormalize on the general path
// alone, to compare the fast path with.
func BenchmarkNormalizeGeneral(b *testing.B) {
	n := New()
	post := post280()
	b.SetBytes(int64(len(post)))
	b.ReportAllocs()
	for b.Loop() {
		n.src = post
		n.general(post)
	}
}
