package match_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"voile/shared/demo"
	"voile/shared/match"
	"voile/shared/rules"
)

// suiteTexts returns the posts of the functional suites, and a few with
// misspellings, split and joined words for the spelling variants.
func suiteTexts(t testing.TB) []string {
	texts := []string{"muslms are invaders", "mulsims go home", "ihate jews", "musliminvaders everywhere", "the mus lims"}
	for _, name := range []string{"../eval/testdata/suite-en.jsonl", "../eval/testdata/suite-fr.jsonl"} {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var c struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, c.Text)
		}
		f.Close()
	}
	return texts
}

// testLists are the demo lists and one with regular expressions that do
// not expand into phrases, and exceptions.
func testLists(t testing.TB) []*rules.List {
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	l := &rules.List{ID: "re", Publisher: "test", Version: 1, Langs: []string{"en", "fr"}, Rules: []rules.Rule{
		{ID: "a", Kind: rules.Pattern, Text: `\b(14|1488|88) ?words\b`, Category: rules.Racism, Weight: 0.9},
		{ID: "b", Kind: rules.Pattern, Text: `\bk+i+l+ all\b`, Category: rules.Threat, Weight: 0.9},
		{ID: "c", Kind: rules.Term, Text: "queer", Category: rules.LGBTphobia, Weight: 0.5, Exceptions: []string{"queer studies"}},
	}}
	if err := l.Validate(); err != nil {
		t.Fatal(err)
	}
	return append(lists, l)
}

func hits(e *match.Engine, texts []string) [][]match.Hit {
	m := e.NewMatcher()
	out := make([][]match.Hit, len(texts))
	for i, s := range texts {
		out[i] = append([]match.Hit{}, m.Match(s)...)
	}
	return out
}

func TestExportImport(t *testing.T) {
	lists := testLists(t)
	texts := append(suiteTexts(t), "1488 words", "kiiill all of them", "queer studies", "a queer")
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	data := e.Export(nil)
	again, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Export(nil), data) {
		t.Fatal("two compilations of the same lists export different bytes")
	}
	imp, err := match.Import(data, lists...)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(imp.Export(nil), data) {
		t.Error("an imported engine exports other bytes")
	}
	// Off an address of eight, Import copies the arrays instead of using
	// them in place.
	odd := make([]byte, len(data)+1)[1:]
	copy(odd, data)
	copied, err := match.Import(odd, lists...)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(hits(copied, texts), hits(e, texts)) {
		t.Error("an engine imported from an unaligned buffer gives other hits")
	}
	want, got := hits(e, texts), hits(imp, texts)
	n := 0
	for i := range texts {
		n += len(want[i])
		if !reflect.DeepEqual(want[i], got[i]) {
			t.Errorf("%q: compiled %v, imported %v", texts[i], want[i], got[i])
		}
	}
	if n < 100 {
		t.Errorf("only %d hits on %d texts: the test checks too little", n, len(texts))
	}
	t.Logf("%d lists, %d bytes exported, %d hits on %d texts", len(lists), len(data), n, len(texts))

	empty, err := match.Compile()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := match.Import(empty.Export(nil)); err != nil {
		t.Errorf("no lists: %v", err)
	}
}

func TestImportOtherLists(t *testing.T) {
	lists := testLists(t)
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	data := e.Export(nil)
	if _, err := match.Import(data, lists[:len(lists)-1]...); err == nil {
		t.Error("imported with a list missing")
	}
	shorter := *lists[len(lists)-1]
	shorter.Rules = shorter.Rules[:1]
	if _, err := match.Import(data, append(lists[:len(lists)-1:len(lists)-1], &shorter)...); err == nil {
		t.Error("imported with a list of fewer rules")
	}
}

// TestImportDamaged cuts and flips bytes of an export: Import must refuse
// or give an engine that matches without panicking (the classifier's
// cache checks a digest before; Import itself must be safe anyway).
func TestImportDamaged(t *testing.T) {
	lists := testLists(t)
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	data := e.Export(nil)
	texts := suiteTexts(t)[:60]
	try := func(what string, d []byte) {
		t.Helper()
		imp, err := match.Import(d, lists...)
		if err != nil {
			return
		}
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("%s: the imported engine panics: %v", what, p)
			}
		}()
		hits(imp, texts)
	}
	for n := 0; n < len(data); n += 1 + n/4 {
		if _, err := match.Import(data[:n], lists...); err == nil {
			t.Errorf("truncated to %d of %d bytes: imported", n, len(data))
		}
	}
	if _, err := match.Import(append(data[:len(data):len(data)], 0), lists...); err == nil {
		t.Error("a byte more: imported")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		d := bytes.Clone(data)
		for range 1 + rng.IntN(3) {
			d[rng.IntN(len(d))] ^= 1 << rng.IntN(8)
		}
		try("flipped", d)
	}
}

func FuzzImport(f *testing.F) {
	l := &rules.List{ID: "f", Publisher: "test", Version: 1, Langs: []string{"en"}, Rules: []rules.Rule{
		{ID: "a", Kind: rules.Phrase, Text: "go back home", Category: rules.Xenophobia, Weight: 0.9, Exceptions: []string{"go back home safely"}},
		{ID: "b", Kind: rules.Pattern, Text: `\b(14|88) ?words\b`, Category: rules.Racism, Weight: 0.9},
		{ID: "c", Kind: rules.Term, Text: "muslims", Role: rules.Target, Category: rules.Islamophobia},
		{ID: "d", Kind: rules.Phrase, Text: "are invaders", Role: rules.Predicate, Class: rules.Dehumanise, Category: rules.Islamophobia, Weight: 0.8},
	}}
	if err := l.Validate(); err != nil {
		f.Fatal(err)
	}
	e, err := match.Compile(l)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(e.Export(nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		imp, err := match.Import(data, l)
		if err != nil {
			return
		}
		m := imp.NewMatcher()
		for _, s := range []string{"go back home safely muslims", "musims are invaders", "88words", "muslimsare invaders go back home"} {
			m.Match(s)
		}
	})
}

// TestExportImportLargeCounts: a state with more outputs than a byte
// counts, and a pattern of more words than a byte counts, are written
// apart in the export and read back.
func TestExportImportLargeCounts(t *testing.T) {
	l := &rules.List{ID: "large", Publisher: "test", Version: 1, Langs: []string{"en"}}
	for i := range 300 {
		l.Rules = append(l.Rules, rules.Rule{ID: "same" + strconv.Itoa(i), Kind: rules.Term, Text: "vermin", Category: rules.Racism, Weight: 0.5})
	}
	long := strings.TrimSpace(strings.Repeat("go ", 280))
	l.Rules = append(l.Rules, rules.Rule{ID: "long", Kind: rules.Phrase, Text: long, Category: rules.Threat, Weight: 0.5})
	// Not validated: a rule's text is at most 256 bytes, which Compile
	// does not rely on.
	e, err := match.Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	data := e.Export(nil)
	imp, err := match.Import(data, l)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"they are vermin", long + " away", "go go go"}
	want, got := hits(e, texts), hits(imp, texts)
	if !reflect.DeepEqual(want, got) {
		t.Errorf("compiled %v, imported %v", want, got)
	}
	if len(want[0]) != 300 || len(want[1]) != 1 {
		t.Errorf("%d and %d hits, want 300 and 1: the test checks too little", len(want[0]), len(want[1]))
	}
}

// TestImportedConcurrent: an imported engine compiles its regular
// expressions on first use, which goroutines may meet at once (go test
// -race).
func TestImportedConcurrent(t *testing.T) {
	lists := testLists(t)
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := match.Import(e.Export(nil), lists...)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"1488 words", "kiiill all of them", "88words and 14 words"}
	want := hits(e, texts)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := hits(imp, texts); !reflect.DeepEqual(got, want) {
				t.Errorf("imported %v, compiled %v", got, want)
			}
		})
	}
	wg.Wait()
}
