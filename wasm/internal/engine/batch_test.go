package engine

import (
	"math"
	"strings"
	"testing"
	"unicode/utf16"

	"voile/shared/rules"
	"voile/shared/verdict"
	"voile/wasm/internal/testlists"
)

func TestClassifyMatchesVerdict(t *testing.T) {
	e, p := setup(t)
	l := smallList(p, 1)
	mustLoad(t, e, p.Sign(l))
	texts := []string{
		"",
		"a perfectly nice day",
		"You are VERMIN.",
		"pest and vermin control services",
		"go back where you came from, vermin",
		"born in 1488 or 14 88",
	}
	vs := classify(t, e, &Request{Sensitivity: 0.5, Texts: texts})
	// The reference: shared/verdict on the same list, byte offsets.
	m := mustCompile(t, l)
	c := verdict.New(m)
	for i, text := range texts {
		want := c.Classify(text, &verdict.Options{Sensitivity: 0.5})
		got := vs[i]
		if got.Flagged != want.Flagged || got.Score != want.Score || got.Category != string(want.Category) ||
			got.Fingerprint != want.Fingerprint.String() || len(got.Reasons) != len(want.Reasons) {
			t.Errorf("%q: got %+v, want %+v", text, got, want)
			continue
		}
		for j, cat := range rules.Categories {
			if got.Scores[string(cat)] != want.Scores[j] {
				t.Errorf("%q: score %s = %v, want %v", text, cat, got.Scores[string(cat)], want.Scores[j])
			}
		}
		for j, r := range want.Reasons {
			g := got.Reasons[j]
			if g.List != r.List || g.Publisher != r.Publisher || g.Version != r.Version || g.Rule != r.Rule ||
				g.Category != string(r.Category) || g.Weight != r.Weight || g.Start != r.Start || g.End != r.End {
				t.Errorf("%q reason %d: got %+v, want %+v (ASCII: offsets agree)", text, j, g, r)
			}
		}
	}
	if !vs[2].Flagged || vs[3].Flagged || !vs[4].Flagged || !vs[5].Flagged || vs[1].Flagged {
		t.Errorf("flags: %v %v %v %v %v", vs[1].Flagged, vs[2].Flagged, vs[3].Flagged, vs[4].Flagged, vs[5].Flagged)
	}
}

// Offsets count UTF-16 code units, so that JavaScript can slice the post.
func TestClassifyOffsetsAreUTF16(t *testing.T) {
	e, p := setup(t)
	mustLoad(t, e, p.Sign(smallList(p, 1)))
	for _, text := range []string{
		"😀😀 vermin",          // astral: two units each, four bytes
		"éèà vermin!",        // two bytes, one unit
		"中文 VÉRMIN 中文",       // three bytes, one unit; the match has a diacritic
		"v\u200be\u200brmin", // invisible characters inside the match
		"😀 v.e.r.m.i.n 😀",
	} {
		vs := classify(t, e, &Request{Sensitivity: 0.5, Texts: []string{text}})
		if len(vs[0].Reasons) != 1 {
			t.Errorf("%q: %d reasons, want 1", text, len(vs[0].Reasons))
			continue
		}
		r := vs[0].Reasons[0]
		u := utf16.Encode([]rune(text))
		if r.Start < 0 || r.End > len(u) || r.Start >= r.End {
			t.Errorf("%q: span [%d, %d) outside %d units", text, r.Start, r.End, len(u))
			continue
		}
		got := string(utf16.Decode(u[r.Start:r.End]))
		if !strings.EqualFold(strings.NewReplacer("\u200b", "", ".", "", "É", "E").Replace(got), "vermin") {
			t.Errorf("%q: span [%d, %d) is %q, want the match", text, r.Start, r.End, got)
		}
	}
}

func TestUTF16Len(t *testing.T) {
	for _, s := range []string{"", "abc", "é", "中", "😀", "a😀é中\u0000"} {
		if got, want := UTF16Len(s), len(utf16.Encode([]rune(s))); got != want {
			t.Errorf("UTF16Len(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestClassifyOptions(t *testing.T) {
	e, p := setup(t)
	mustLoad(t, e, p.Sign(smallList(p, 1)))
	texts := []string{"vermin", "go back where you came from"}
	base := classify(t, e, &Request{Sensitivity: 0.5, Texts: texts})
	if !base[0].Flagged || !base[1].Flagged {
		t.Fatalf("base: %+v", base)
	}

	vs := classify(t, e, &Request{Sensitivity: 0.5, Categories: []string{"xenophobia"}, Texts: texts})
	if vs[0].Flagged || !vs[1].Flagged {
		t.Errorf("categories [xenophobia]: flagged %v %v, want false true", vs[0].Flagged, vs[1].Flagged)
	}
	vs = classify(t, e, &Request{Sensitivity: 0.5, Categories: []string{}, Texts: texts})
	if vs[0].Flagged || vs[1].Flagged {
		t.Errorf("categories []: flagged %v %v, want none", vs[0].Flagged, vs[1].Flagged)
	}
	vs = classify(t, e, &Request{Sensitivity: 0.5, AllowRules: []string{"ngo/small/slur"}, Texts: texts})
	if vs[0].Flagged || !vs[1].Flagged {
		t.Errorf("allow ngo/small/slur: flagged %v %v, want false true", vs[0].Flagged, vs[1].Flagged)
	}
	vs = classify(t, e, &Request{Sensitivity: 0.5, AllowRules: []string{"other/small/slur"}, Texts: texts})
	if !vs[0].Flagged {
		t.Errorf("allow other/small/slur silenced ngo/small/slur")
	}
	vs = classify(t, e, &Request{Sensitivity: 0.5, AllowPosts: []string{base[1].Fingerprint}, Texts: texts})
	if !vs[0].Flagged || vs[1].Flagged || !vs[1].Allowed {
		t.Errorf("allow post: %+v", vs)
	}
	// Sensitivity 0 flags only the most severe: 0.7 and 0.9 stay below 1.
	vs = classify(t, e, &Request{Sensitivity: 0, Texts: texts})
	if vs[0].Flagged || vs[1].Flagged {
		t.Errorf("sensitivity 0: %v %v", vs[0].Flagged, vs[1].Flagged)
	}
}

func TestClassifyRefusesBadOptions(t *testing.T) {
	e := New()
	for _, c := range []struct {
		q    Request
		want string
	}{
		{Request{Sensitivity: -0.1}, "sensitivity -0.1"},
		{Request{Sensitivity: 1.5}, "sensitivity 1.5"},
		{Request{Sensitivity: math.NaN()}, "sensitivity NaN"},
		{Request{Sensitivity: 0.5, Categories: []string{"racism", "rudeness"}}, `categories[1]: unknown category "rudeness"`},
		{Request{Sensitivity: 0.5, AllowRules: []string{"norule"}}, `allow.rules[0] "norule": want "publisher/list/rule"`},
		{Request{Sensitivity: 0.5, AllowRules: []string{"list/rule"}}, `allow.rules[0] "list/rule": want "publisher/list/rule"`},
		{Request{Sensitivity: 0.5, AllowRules: []string{"p//rule"}}, `allow.rules[0] "p//rule"`},
		{Request{Sensitivity: 0.5, AllowRules: []string{"p/l/r/x"}}, `allow.rules[0] "p/l/r/x"`},
		{Request{Sensitivity: 0.5, AllowPosts: []string{"xyz"}}, `allow.posts[0]`},
	} {
		_, err := e.Classify(AppendRequest(nil, &c.q))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want one containing %q", c.q, err, c.want)
		}
	}
}

func TestClassifyRefusesMalformedRequests(t *testing.T) {
	e := New()
	good := AppendRequest(nil, &Request{Sensitivity: 0.5, Texts: []string{"hello", "world"}})
	if _, err := e.Classify(good); err != nil {
		t.Fatal(err)
	}
	for n := range len(good) {
		if _, err := e.Classify(good[:n]); err == nil {
			t.Errorf("request cut to %d of %d bytes accepted", n, len(good))
		}
	}
	if _, err := e.Classify(append(good, 0)); err == nil || !strings.Contains(err.Error(), "trailing") {
		t.Errorf("trailing byte: %v", err)
	}
}

func TestClassifyWithoutLists(t *testing.T) {
	vs := classify(t, New(), &Request{Sensitivity: 0.5, Texts: []string{"anything at all", ""}})
	for _, v := range vs {
		// No post is flagged, and none has a fingerprint to mark.
		if v.Flagged || v.Category != "" || len(v.Reasons) != 0 || v.Fingerprint != "0000000000000000" {
			t.Errorf("no lists: %+v", v)
		}
	}
}

func FuzzClassifyRequest(f *testing.F) {
	f.Add(AppendRequest(nil, &Request{Sensitivity: 0.5, Categories: []string{"racism"}, Texts: []string{"vermin 😀", ""}}))
	f.Add([]byte{})
	p := testlists.NewPublisher("ngo")
	e := New()
	if err := e.Trust(p.ID, p.Public); err != nil {
		f.Fatal(err)
	}
	if _, err := e.Load(p.Sign(smallList(p, 1))); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, req []byte) {
		res, err := e.Classify(req)
		if err != nil {
			return
		}
		if _, err := ParseResponse(res); err != nil {
			t.Fatalf("accepted request gave an unreadable response: %v", err)
		}
	})
}
