package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Hello, World!", "hello world"},
		{"case folding", "HATE Haine", "hate haine"},
		{"diacritics fr", "Éléphant à l'école, garçon", "elephant a l ecole garcon"},
		{"combining marks", "he\u0301las", "helas"},
		{"ligatures", "ﬁlle œuvre Straße", "fille oeuvre strasse"},
		{"fullwidth", "Ｈａｔｅ ｔｈｅｍ", "hate them"},
		{"styled letters", "𝐡𝐚𝐭𝐞 𝓱𝓪𝓽𝓮 ⓗⓐⓣⓔ", "hate hate hate"},
		{"zero-width", "ha\u200bte n\u200d\u2060azi so\u00adft", "hate nazi soft"},
		{"bom and word joiner", "\ufeffra\u2060ce", "race"},
		{"cyrillic look-alikes", "Ηаtе ѕаlе", "hate sale"},
		{"greek look-alikes", "κιllεr", "killer"},
		{"leet", "h4t3 n4z1 $4l3 4r@b3 b0ng0", "hate nazi sale arabe bongo"},
		{"exclamation mark inside a word", "n!gger wow! !yes", "nigger wow yes"},
		{"mention", "@faggot @r4b3 m@il", "faggot rabe mail"},
		{"leet needs a letter", "1488 88 2024", "1488 88 2024"},
		{"lone symbols", "it costs $ 5 @ home", "it costs 5 home"},
		{"repeated letters", "haaaaate looooser", "haate looser"},
		{"double letters kept", "kill all", "kill all"},
		{"dots", "h.a.t.e", "hate"},
		{"spaces", "h a t e them", "hate them"},
		{"dashes and underscores", "h-a-t-e h_a_t_e h - a - t - e", "hate hate hate"},
		{"two spelt words", "h.a.t.e h a t e", "hate hate"},
		{"pronoun before a spelt word", "I h a t e them", "i hate them"},
		{"an elided word after a spelt one", "les t r a n s c'est", "les trans c est"},
		{"a contraction's letter before a spelt word", "can't w o m e n", "can t women"},
		{"an elided word after a spelt one, curly apostrophe", "t r a n s c’est", "trans c est"},
		{"pronoun alone", "I a m", "iam"},
		{"two single letters stay", "a b testing", "a b testing"},
		{"abbreviation", "U.S.A. rocks", "usa rocks"},
		{"dot in word", "n.egro", "negro"},
		{"sentence dot", "end.Next one", "end next one"},
		{"french elision", "l'Arabe d’origine qu'ils", "l arabe d origine qu ils"},
		{"line breaks end spelt words", "a\nb\nc", "a b c"},
		{"punctuation only", "!!! ... ???", ""},
		{"empty", "", ""},
		{"other scripts kept", "Привет мир", "npиbet mиp"},
		{"french text", "Ces gens-là ne sont pas les bienvenus ici !", "ces gens la ne sont pas les bienvenus ici"},
	}
	n := New()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := string(n.Normalize(tc.in).Norm)
			if got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFlags(t *testing.T) {
	tests := []struct {
		in   string
		want Flags
	}{
		{"hate", 0},
		{"haaaate", LongRun},
		{"k1ll", Leet1},
		{"k1iiiill", Leet1 | LongRun},
		{"1488", 0},
		{"a f a g", Spelt},
		{"b f a g", 0},
		{"n o i r s à", SpeltEnd},
		{"a r a b s a", Spelt | SpeltEnd},
		{"f a g", 0},
	}
	n := New()
	for _, tc := range tests {
		tx := n.Normalize(tc.in)
		if len(tx.Words) != 1 || tx.Words[0].Flags != tc.want {
			t.Errorf("Normalize(%q).Words = %+v, want one word with flags %b", tc.in, tx.Words, tc.want)
		}
	}
}

func TestVariant(t *testing.T) {
	tests := []struct {
		in   string
		v    Flags
		want string
	}{
		{"haaaate", 0, "haate"},
		{"haaaate", LongRun, "hate"},
		{"niggggger", LongRun, "niger"},
		{"Niiiiger", LongRun, "niger"},
		{"kiiiill", LongRun, "kill"},
		{"k1ll", Leet1, "klll"},
		{"ki11", Leet1, "kill"},
		{"ki11111", Leet1 | LongRun, "kil"},
		{"ki11111", LongRun, "kii"},
		{"ki11111", Leet1, "kill"},
		{"a f a g", Spelt, "fag"},
		{"a f a g", 0, "afag"},
		{"hate", LongRun | Leet1 | Spelt, "hate"},
		{"n o i r s à", SpeltEnd, "noirs"},
		{"a r a b s a", Spelt | SpeltEnd, "rabs"},
		{"a r a b s a", SpeltEnd, "arabs"},
		{"hate", SpeltEnd, "hate"},
	}
	n := New()
	for _, tc := range tests {
		tx := n.Normalize(tc.in)
		if len(tx.Words) != 1 {
			t.Fatalf("Normalize(%q) = %q, want one word", tc.in, tx.Norm)
		}
		if got := string(tx.Variant(nil, 0, tc.v)); got != tc.want {
			t.Errorf("Normalize(%q).Variant(%b) = %q, want %q", tc.in, tc.v, got, tc.want)
		}
	}
}

// TestOrig checks that spans of normalised text map back to what the
// reader sees.
func TestOrig(t *testing.T) {
	tests := []struct {
		in       string
		word     int
		wantOrig string
	}{
		{"You are a H.A.T.E.R", 3, "H.A.T.E.R"},
		{"quel sale 4r4b3 !", 2, "4r4b3"},
		{"l’Arabe", 1, "Arabe"},
		{"so haaaaate", 1, "haaaaate"},
		{"ＦＵＬＬ width", 0, "ＦＵＬＬ"},
		{"Éric est là", 0, "Éric"},
		{"ha\u200bte speech", 0, "ha\u200bte"},
		{"x 𝐡𝐚𝐭𝐞 y", 1, "𝐡𝐚𝐭𝐞"},
		{"ﬁlle", 0, "ﬁlle"},
		{"Пpивет", 0, "Пpивет"},
		{"ééééé", 0, "ééééé"},
	}
	n := New()
	for _, tc := range tests {
		tx := n.Normalize(tc.in)
		if tc.word >= len(tx.Words) {
			t.Errorf("Normalize(%q): %d words, want more than %d", tc.in, len(tx.Words), tc.word)
			continue
		}
		w := tx.Words[tc.word]
		s, e := tx.Orig(int(w.Start), int(w.End))
		if got := tc.in[s:e]; got != tc.wantOrig {
			t.Errorf("Normalize(%q) word %d %q comes from %q, want %q", tc.in, tc.word, tx.WordText(tc.word), got, tc.wantOrig)
		}
	}
}

// TestNoAllocs checks that a warm Normalizer reuses its memory.
func TestNoAllocs(t *testing.T) {
	n := New()
	post := strings.Repeat("Quel s4le @rabe, h.a.t.e ＦＵＬＬ é ", 8)
	n.Normalize(post)
	if a := testing.AllocsPerRun(100, func() { n.Normalize(post) }); a != 0 {
		t.Errorf("Normalize allocates %v times per call after warm-up, want 0", a)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "h.a.t.e", "Ｈａｔｅ", "k1ll $ @", "ha\u200bte", "a b c d", "ééé\u0301", "\xff\xfe", "l’a"} {
		f.Add(s)
	}
	n := New()
	f.Fuzz(func(t *testing.T, s string) {
		tx := n.Normalize(s)
		if !utf8.Valid(tx.Norm) {
			t.Fatalf("Normalize(%q) = %q: not UTF-8", s, tx.Norm)
		}
		if len(tx.orig) != len(tx.Norm) {
			t.Fatalf("Normalize(%q): %d bytes with %d offsets", s, len(tx.Norm), len(tx.orig))
		}
		prev := int32(0)
		for i := range tx.Norm {
			st, en := tx.orig[i].start, tx.orig[i].end
			if st < prev || st >= en || int(en) > len(s) {
				t.Fatalf("Normalize(%q): byte %d maps to [%d,%d), previous start %d", s, i, st, en, prev)
			}
			prev = st
		}
		end := int32(0)
		for i, w := range tx.Words {
			if w.Start >= w.End || w.Start < end || int(w.End) > len(tx.Norm) {
				t.Fatalf("Normalize(%q): bad word %d %+v", s, i, w)
			}
			if i > 0 && (w.Start != end+1 || tx.Norm[end] != ' ') {
				t.Fatalf("Normalize(%q) = %q: words not separated by one space", s, tx.Norm)
			}
			if strings.ContainsRune(string(tx.WordText(i)), ' ') {
				t.Fatalf("Normalize(%q): word %q holds a space", s, tx.WordText(i))
			}
			end = w.End
		}
		if int(end) != len(tx.Norm) {
			t.Fatalf("Normalize(%q) = %q: trailing bytes after the last word", s, tx.Norm)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	n := New()
	post := post280()
	b.SetBytes(int64(len(post)))
	b.ReportAllocs()
	for b.Loop() {
		n.Normalize(post)
	}
}

// post280 returns a 280-character post in English and French.
func post280() string {
	s := "Just saw the news about the game tonight, honestly the referee was terrible but the crowd was amazing. " +
		"Vraiment, l'équipe a joué avec cœur et les supporters étaient géniaux ! On se retrouve demain au café pour en parler ? " +
		"Anyway see you all there, bring snacks and good vibes only."
	return s[:280]
}
