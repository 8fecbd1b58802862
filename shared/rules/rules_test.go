package rules

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"unsafe"

	"github.com/tinylib/msgp/msgp"
)

const good = `
id: test-en
publisher: ngo-one
version: 3
langs: [en, fr]
thresholds: [{category: racism, score: 0.4}]
rules:
  - {id: t1, kind: term, text: Slur, category: racism, weight: 0.9}
  - {id: p1, kind: phrase, text: go back home, category: xenophobia, weight: 0.6, exceptions: [let's go back home]}
  - {id: x1, kind: pattern, text: '\b1488\b', category: antisemitism, weight: 0.8, langs: [en]}
`

func TestParseGood(t *testing.T) {
	l, err := Parse("good.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "test-en" || l.Version != 3 || len(l.Rules) != 3 || l.Rules[1].Exceptions[0] != "let's go back home" {
		t.Errorf("parsed %+v", l)
	}
	if l.Threshold(Racism) != 0.4 || l.Threshold(Sexism) != DefaultThreshold {
		t.Errorf("thresholds: racism %v, sexism %v", l.Threshold(Racism), l.Threshold(Sexism))
	}
}

func TestParseJSON(t *testing.T) {
	src := `{"id":"j","publisher":"p","version":1,"langs":["fr"],"rules":[{"id":"a","kind":"term","text":"mot","category":"sexism","weight":0.5}]}`
	if _, err := Parse("j.json", []byte(src)); err != nil {
		t.Fatal(err)
	}
}

// TestValidate checks that every problem names the list, the rule and what
// is wrong.
func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*List)
		want string // in the error
	}{
		{"empty term", func(l *List) { l.Rules[0].Text = "  ...  " }, `rule "t1": text: empty term`},
		{"term of two words", func(l *List) { l.Rules[0].Text = "two words" }, `rule "t1": text: term "two words" normalises to 2 words`},
		{"phrase of one word", func(l *List) { l.Rules[1].Text = "single" }, `rule "p1": text: phrase "single" normalises to one word`},
		{"single letter term", func(l *List) { l.Rules[0].Text = "x" }, `single letter`},
		{"invalid pattern", func(l *List) { l.Rules[2].Text = `(\bunclosed` }, `rule "x1": text: invalid pattern`},
		{"empty-matching pattern", func(l *List) { l.Rules[2].Text = `\b(zz|)\b` }, `over-broad pattern: it matches the empty string`},
		{"not finite", func(l *List) { l.Rules[2].Text = `\bz+\b` }, `rule "x1": text: pattern holds "z+": a pattern is a finite set of phrases`},
		{"not between word boundaries", func(l *List) { l.Rules[2].Text = `zz` }, `a pattern is a set of phrases between word boundaries`},
		{"over-broad pattern", func(l *List) { l.Rules[2].Text = `\bthe\b` }, `over-broad pattern`},
		{"over-broad french", func(l *List) { l.Rules[2].Text = `\bles?\b` }, `matches ordinary text "le"`},
		{"unknown category", func(l *List) { l.Rules[0].Category = "rudeness" }, `rule "t1": category: unknown category "rudeness"`},
		{"weight zero", func(l *List) { l.Rules[0].Weight = 0 }, `rule "t1": weight: 0, want a number in (0, 1]`},
		{"weight above one", func(l *List) { l.Rules[0].Weight = 1.5 }, `weight: 1.5`},
		{"duplicate id", func(l *List) { l.Rules[1].ID = "t1" }, `rule "t1": id: duplicate rule id`},
		{"missing rule id", func(l *List) { l.Rules[1].ID = "" }, `rule "#2": id: missing`},
		{"bad rule id", func(l *List) { l.Rules[1].ID = "Has Space" }, `must be lower-case`},
		{"unknown kind", func(l *List) { l.Rules[0].Kind = "fuzzy" }, `rule "t1": kind: unknown kind "fuzzy"`},
		{"bad language", func(l *List) { l.Rules[2].Langs = []string{"english"} }, `rule "x1": langs: "english" is not a two-letter`},
		{"unknown language", func(l *List) { l.Langs = []string{"en", "xx"} }, `langs: "xx" is not an ISO 639-1 language code`},
		{"lookahead", func(l *List) { l.Rules[2].Text = `\bfoo(?!bar)` }, `RE2 has no lookaround`},
		{"lookbehind", func(l *List) { l.Rules[2].Text = `(?<!not )\bfoo` }, `RE2 has no lookaround`},
		{"empty exception", func(l *List) { l.Rules[1].Exceptions = []string{"!!"} }, `rule "p1": exceptions: empty exception "!!"`},
		{"known phrase", func(l *List) { l.Known = []string{"wore", "two words"} }, `known: "two words" is not one word`},
		{"known twice", func(l *List) { l.Known = []string{"pédestre", "Pedestre"} }, `known: "Pedestre" is there twice`},
		{"known empty", func(l *List) { l.Known = []string{"…"} }, `known: "…" is not one word`},
		{"long known word", func(l *List) { l.Known = []string{strings.Repeat("a", MaxKnownLen+1)} }, `is longer than 64 bytes`},
		{"too many known words", func(l *List) { l.Known = make([]string, MaxKnown+1) }, `more than the limit of 50000`},
		{"too many exceptions", func(l *List) { l.Rules[1].Exceptions = make([]string, MaxExceptions+1) }, `more than the limit of 64`},
		{"long term", func(l *List) { l.Rules[0].Text = strings.Repeat("a", MaxTextLen+1) }, `longer than 256 bytes`},
		{"no version", func(l *List) { l.Version = 0 }, `list "test-en": version: must be at least 1`},
		{"no publisher", func(l *List) { l.Publisher = "" }, `publisher: missing`},
		{"no languages", func(l *List) { l.Langs = nil }, `langs: missing`},
		{"bad threshold", func(l *List) { l.Thresholds = []Threshold{{Racism, 2}} }, `threshold for "racism" is 2`},
		{"unknown threshold category", func(l *List) { l.Thresholds = []Threshold{{"x", 0.5}} }, `unknown category "x"`},
		{"duplicate threshold", func(l *List) { l.Thresholds = []Threshold{{Racism, 0.3}, {Racism, 0.4}} }, `two thresholds for "racism"`},
		{"order on a term", func(l *List) { l.Rules[0].Order = After }, `rule "t1": order: "after": only predicates have an order`},
		{"order on a cue", func(l *List) {
			l.Rules[0] = Rule{ID: "c1", Role: Cue, Class: Negation, Order: After, Kind: Term, Text: "never"}
		}, `rule "c1": order: "after": only predicates have an order, in-group and challenge cues the order after, and counter cues the order before`},
		{"order after on a counter cue", func(l *List) {
			l.Rules[0] = Rule{ID: "c1", Role: Cue, Class: Counter, Order: After, Kind: Term, Text: "attacking"}
		}, `rule "c1": order: "after": only predicates have an order, in-group and challenge cues the order after, and counter cues the order before`},
		{"order before on a challenge cue", func(l *List) {
			l.Rules[0] = Rule{ID: "c1", Role: Cue, Class: Challenge, Order: Before, Kind: Phrase, Text: "neither did i"}
		}, `rule "c1": order: "before"`},
		{"order before on an in-group cue", func(l *List) {
			l.Rules[0] = Rule{ID: "c1", Role: Cue, Class: Ingroup, Order: Before, Kind: Term, Text: "proudly"}
		}, `rule "c1": order: "before"`},
		{"category on a cue", func(l *List) {
			l.Rules[0] = Rule{ID: "c1", Role: Cue, Class: Negation, Category: Racism, Kind: Term, Text: "never"}
		}, `rule "c1": category: "racism": a cue has no category`},
		{"sense cue without category", func(l *List) {
			l.Rules[0] = Rule{ID: "c1", Role: Cue, Class: Sense, Kind: Term, Text: "firewood"}
		}, `rule "c1": category: unknown category ""`},
		{"no rules", func(l *List) { l.Rules = nil }, `the list has no rules`},
		{"too many rules", func(l *List) { l.Rules = make([]Rule, MaxRules+1) }, `more than the limit of 50000`},
		{"too many patterns", func(l *List) {
			for i := 0; i <= MaxPatterns; i++ {
				l.Rules = append(l.Rules, Rule{ID: "pat" + strings.Repeat("x", i%50) + string(rune('a'+i%26)) + itoa(i), Kind: Pattern, Text: `\bzz` + itoa(i) + `\b`, Category: Threat, Weight: 0.5})
			}
		}, `pattern rules, more than the limit of 1000`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := Parse("good.yaml", []byte(good))
			if err != nil {
				t.Fatal(err)
			}
			tc.edit(l)
			l.ParsePatterns()
			err = l.Validate()
			var ve *Error
			if !errors.As(err, &ve) {
				t.Fatalf("Validate() = %v, want an *Error", err)
			}
			found := false
			for _, p := range ve.Problems {
				found = found || strings.Contains(p.Error(), tc.want)
			}
			if !found {
				t.Errorf("Validate() = %v\nwant a problem containing %q", err, tc.want)
			}
		})
	}
}

// TestIngroupAfter: an in-group cue may follow the slur it reclaims.
func TestIngroupAfter(t *testing.T) {
	l, err := Parse("good.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	l.Rules = append(l.Rules, Rule{ID: "c-and-proud", Role: Cue, Class: Ingroup, Order: After, Kind: Phrase, Text: "and proud"})
	if err := l.Validate(); err != nil {
		t.Errorf("an in-group cue of order after: %v", err)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty", "", "empty rule list"},
		{"not yaml", "id: [unclosed", "bad.yaml: yaml:"},
		{"unknown field", good + "colour: red\n", "field colour not found"},
		{"misspelt rule field", strings.Replace(good, "weight: 0.9", "wieght: 0.9", 1), "field wieght not found"},
		{"two documents", good + "---\n" + good, "more than one document"},
		{"wrong type", strings.Replace(good, "version: 3", "version: three", 1), "cannot unmarshal"},
		{"invalid rule", strings.Replace(good, "category: racism", "category: nope", 1), `bad.yaml: invalid rule list "test-en"`},
		{"too big", strings.Repeat(" ", MaxSourceBytes+1), "more than the limit"},
	}
	for _, tc := range tests {
		_, err := Parse("bad.yaml", []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Parse() = %v, want an error containing %q", tc.name, err, tc.want)
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	l, err := Parse("good.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	b := l.Encode()
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Encode()) != string(b) {
		t.Error("decode then encode changed the bytes")
	}
	if got.Rules[2].Text != l.Rules[2].Text || got.Threshold(Racism) != 0.4 {
		t.Errorf("round trip: %+v", got)
	}
	if _, err := Decode(append(b, 0)); err == nil || !strings.Contains(err.Error(), "trailing") {
		t.Errorf("Decode with a trailing byte = %v", err)
	}
	if _, err := Decode(b[:len(b)/2]); err == nil {
		t.Error("Decode of a truncated list succeeded")
	}
	l.Rules[0].Category = "nope"
	if _, err := Decode(l.Encode()); err == nil {
		t.Error("Decode of an invalid list succeeded")
	}
}

// TestDecodeHugeArray checks that a length prefix far beyond the data is
// refused before anything is allocated for it.
func TestDecodeHugeArray(t *testing.T) {
	// fixmap of 1 entry: "rules" → array32 of 4e9 elements
	b := []byte{0x81, 0xa5, 'r', 'u', 'l', 'e', 's', 0xdd, 0xee, 0x6b, 0x28, 0x00}
	if _, err := Decode(b); err == nil {
		t.Fatal("Decode accepted an array of four billion rules")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte(`{"id":"j","publisher":"p","version":1,"langs":["fr"],"rules":[]}`))
	f.Add([]byte("id: x\nrules: [{kind: pattern, text: '(a|b)*c'}]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		l, err := Parse("fuzz", src)
		if err != nil {
			return
		}
		if err := l.Validate(); err != nil {
			t.Fatalf("Parse accepted a list that fails validation: %v", err)
		}
		if _, err := Decode(l.Encode()); err != nil {
			t.Fatalf("a parsed list does not survive encoding: %v", err)
		}
	})
}

func FuzzDecode(f *testing.F) {
	l, err := Parse("good.yaml", []byte(good))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(l.Encode())
	f.Add([]byte{0x81, 0xa5, 'r', 'u', 'l', 'e', 's', 0xdd, 0xee, 0x6b, 0x28, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := Decode(b)
		if err != nil {
			return
		}
		if err := l.Validate(); err != nil {
			t.Fatalf("Decode accepted an invalid list: %v", err)
		}
	})
}

// A list whose model does not decode is refused whole, with the reason.
func TestModelValidated(t *testing.T) {
	l := &List{ID: "m", Publisher: "p", Version: 1, Langs: []string{"en"}, Model: ModelData("VOILEMDL\x01truncated")}
	err := l.Validate()
	if err == nil || !strings.Contains(err.Error(), "model") {
		t.Fatalf("a truncated model: %v, want a model problem", err)
	}
	l.Model = ModelData("not a model at all")
	if err := l.Validate(); err == nil || !strings.Contains(err.Error(), "model") {
		t.Fatalf("garbage as a model: %v, want a model problem", err)
	}
	l.Model = nil
	if err := l.Validate(); err == nil || !strings.Contains(err.Error(), "no rules and no model") {
		t.Fatalf("an empty list: %v", err)
	}
}

// The hand-written checks of ids and language codes accept exactly what
// the regular expressions they replaced did.
func TestIDAndLangChecks(t *testing.T) {
	idRE := regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)
	langRE := regexp.MustCompile(`^[a-z]{2}$`)
	cases := []string{"", "a", "0", "demo-en", "a.b_c-d", "-a", ".a", "_a", "a-", "a.", "A", "aB", "a b", "é", "aé",
		"a\n", "\na", "a/b", "en", "fr", "e", "eng", "EN", "e1", "1e", "zz", "{", "`a", "a{"}
	for c := byte(0); c < 0x80; c++ {
		cases = append(cases, string(c), "a"+string(c), string(c)+"a")
	}
	for _, s := range cases {
		if got, want := idChars(s), idRE.MatchString(s); got != want {
			t.Errorf("idChars(%q) = %v, the regular expression says %v", s, got, want)
		}
		if got, want := twoLetters(s), langRE.MatchString(s); got != want {
			t.Errorf("twoLetters(%q) = %v, the regular expression says %v", s, got, want)
		}
	}
}

// Decoding errors name where they happened, as msgp wrote them before its
// patch (third_party/msgp/VOILE.md) dropped fmt.
func TestDecodeErrorContext(t *testing.T) {
	err := msgp.WrapError(msgp.TypeError{Method: msgp.StrType, Encoded: msgp.IntType}, "Rules", 3, "Weight")
	if want := "at Rules/3/Weight"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	err = msgp.WrapError(errors.New("boom"), "Lists", uint32(7), int64(-1), true)
	if want := "boom at Lists/7/-1/true"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

// TestDecodeSharesInput checks that a decoded list's strings and model
// are views of the bytes it was decoded from, not copies (Decode): what
// spares a start one allocation per string of the stored lists. A
// regenerated decoder that copies again fails here.
func TestDecodeSharesInput(t *testing.T) {
	l, err := Parse("good.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	l.Known = Texts{"wore"}
	b := l.ForBundle().Encode()
	got, err := DecodeUnvalidated(b)
	if err != nil {
		t.Fatal(err)
	}
	within := func(what string, p *byte, n int) {
		t.Helper()
		start, end := uintptr(unsafe.Pointer(&b[0])), uintptr(unsafe.Pointer(&b[0]))+uintptr(len(b))
		if at := uintptr(unsafe.Pointer(p)); n == 0 || at < start || at+uintptr(n) > end {
			t.Errorf("%s is not a view of the decoded bytes", what)
		}
	}
	str := func(what, s string) { t.Helper(); within(what, unsafe.StringData(s), len(s)) }
	str("the list's id", got.ID)
	str("its publisher", got.Publisher)
	str("a language", got.Langs[1])
	str("a threshold's category", string(got.Thresholds[0].Category))
	r := got.Rules[1]
	str("a rule's id", r.ID)
	str("its kind", string(r.Kind))
	str("its text", r.Text)
	str("its category", string(r.Category))
	str("an exception", r.Exceptions[0])
	str("a known word", got.Known[0])
	str("a pattern's literal", got.Rules[2].Expr[len(got.Rules[2].Expr)-1].Text)

	// The model is the list's last field: bytes of the caller's follow it
	// here, in the same array.
	withModel := &List{ID: "m", Publisher: "ngo-one", Version: 1, Langs: []string{"en"}, Model: ModelData("weights")}
	buf := append(withModel.Encode(), "the caller's"...)
	b = buf[:len(buf)-len("the caller's")]
	if got, err = DecodeUnvalidated(b); err != nil {
		t.Fatal(err)
	}
	within("the model", &got.Model[0], len(got.Model))
	// A view capped at its length: an append copies it rather than write
	// over what follows.
	_ = append(got.Model, "overwritten"...)
	if !strings.HasSuffix(string(buf), "the caller's") {
		t.Errorf("appending to a decoded model wrote over the bytes after it: %q", buf[len(b):])
	}
}

// TestOmittedSlices checks that a list's known words and a rule's tree,
// types of their own (sets.go), are left out of the encoding exactly when
// they are nil, as omitempty did when they were plain slices: an empty
// one is written, as an empty array. Signed bytes must not change with
// the Go types.
func TestOmittedSlices(t *testing.T) {
	l := &List{ID: "l", Publisher: "p", Version: 1, Langs: []string{"en"},
		Rules: RuleSet{{ID: "a", Kind: Term, Text: "mot", Category: Racism, Weight: 0.5}}}
	has := func(key string) bool {
		return strings.Contains(string(l.Encode()), key)
	}
	if has("known") || has("expr") {
		t.Errorf("nil known words or tree written: % x", l.Encode())
	}
	l.Known, l.Rules[0].Expr = Texts{}, Tree{}
	if !has("\xa5known\x90") || !has("\xa4expr\x90") {
		t.Errorf("empty known words or tree not written as an empty array: % x", l.Encode())
	}
}
