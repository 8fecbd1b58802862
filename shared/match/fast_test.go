package match

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"sync"
	"testing"

	"voile/shared/demo"
	"voile/shared/normalize"
	"voile/shared/rules"
)

// The matcher's shortcuts against the plain ways they replace: the same
// results, for any input.

var demoEngine = sync.OnceValue(func() *Engine {
	lists, err := demo.Lists()
	if err != nil {
		panic(err)
	}
	e, err := Compile(lists...)
	if err != nil {
		panic(err)
	}
	return e
})

var shortcutSeeds = []string{
	"", "a", "les", "muslims", "muslimes", "babies", "immigrants", "immigrant", "jews", "boxes", "kiss", "ladies",
	"abcdefgh", "abcdefghs", "abcdefghies", "parasites", "vermin", "exterminate", "ihatemuslims", "lesarabesdehors",
	"muslms", "mulsims", "g a y s", "mu$l1m X", "au tis tic people", "Immigrants are vermin and should be sent back",
	"Les migrants sont des parasites", "I met some immigrants yesterday. They are vermin",
	"Just saw the news about the game tonight, honestly the referee was terrible but the crowd was amazing.",
	"a\x00b", "ab\x00", "ÉCOLE élève", "strawberries conference bibliotheque",
	"I will k*ll all muslims", "Les f*mmes sont des p*tes", "bl ack people", "Je ws are rats", "thejews are rats",
}

// sameKeyLookup fails t unless the word s, looked up by its packed key,
// finds what its key written out (appendKey) finds, whatever the room
// after the word.
func sameKeyLookup(t *testing.T, e *Engine, s string) {
	want := e.dict.find(appendKey(nil, []byte(s)))
	var buf []byte
	for _, w := range [][]byte{
		[]byte(s)[:len(s):len(s)],                 // no room after the word
		append([]byte(s), "padding."...)[:len(s)], // room to read eight bytes
	} {
		if got := e.dict.findKeyOf(w, &buf); got != want {
			t.Fatalf("%q (cap %d): findKeyOf gives %d, find of its key %d", s, cap(w), got, want)
		}
	}
}

// TestFindKeyOfDictionary looks up every word of the starter lists'
// dictionary, and its plural forms.
func TestFindKeyOfDictionary(t *testing.T) {
	e := demoEngine()
	for _, w := range e.words[1:] {
		for _, s := range []string{w, w + "s", w + "x", w + "es", w[:len(w)-1] + "ies"} {
			sameKeyLookup(t, e, s)
		}
	}
}

// FuzzFindKeyOf checks sameKeyLookup for any string.
func FuzzFindKeyOf(f *testing.F) {
	for _, s := range shortcutSeeds {
		f.Add(s)
	}
	e := demoEngine()
	f.Fuzz(func(t *testing.T, s string) { sameKeyLookup(t, e, s) })
}

// fullRewalk is the second walk done from the first word, as rewalk did
// before it resumed the first walk.
func (m *Matcher) fullRewalk(t *normalize.Text) {
	m.raw, m.steps, m.runs = m.raw[:0], m.steps[:0], m.runs[:0]
	for i := 0; i < len(t.Words); i++ {
		v := m.reread(t, i)
		if v.kind == noVariant {
			m.stepWords(t, m.ids[i], i, i+1)
			continue
		}
		i = m.stepVariant(t, i, v)
	}
}

// FuzzRewalk checks that resuming the first walk gives the raw hits of a
// second walk made from the start.
func FuzzRewalk(f *testing.F) {
	for _, s := range shortcutSeeds {
		f.Add(s)
	}
	e := demoEngine()
	m := e.NewMatcher()
	var want []rawHit
	f.Fuzz(func(t *testing.T, s string) {
		text := m.norm.Normalize(s)
		m.Text, m.src = text, s
		if !m.walk(text) || !m.halfFrame() {
			return
		}
		m.fullRewalk(text)
		want = append(want[:0], m.raw...)
		m.walk(text)
		m.halfFrame()
		m.rewalk(text)
		if len(m.raw) != len(want) {
			t.Fatalf("%q: %d raw hits resuming, %d walking again", s, len(m.raw), len(want))
		}
		for i := range want {
			if m.raw[i] != want[i] {
				t.Fatalf("%q: raw hit %d is %+v resuming, %+v walking again", s, i, m.raw[i], want[i])
			}
		}
	})
}

// TestMissCache: a Matcher that remembers the words it read as no words
// run together, or as no group's name misspelt, finds what a new one
// finds, post after post, the same words among them.
func TestMissCache(t *testing.T) {
	e := demoEngine()
	texts, err := readSuites()
	if err != nil {
		t.Fatal(err)
	}
	long := []string{"ihatemuslims", "the bibliotheque opens", "ihatemuslims again", "lesarabesdehors",
		"everything everywhere", "musliminvaders", "everything musliminvaders", "neighbourhoods ihatemuslims",
		"blck people", "the blck cat", "wmen and men", "wmen are weak", "the book", "wmen"}
	texts = append(append(long, texts...), long...)
	warm := e.NewMatcher()
	remembered := 0
	for _, s := range texts {
		got := slices.Clone(warm.Match(s))
		if want := e.NewMatcher().Match(s); !slices.Equal(got, want) {
			t.Errorf("%q: hits %v after other posts, %v first", s, got, want)
		}
	}
	for _, k := range warm.misses {
		if k.none != 0 {
			remembered++
		}
	}
	if remembered == 0 {
		t.Error("no long word remembered")
	}
}

// roleMatches returns the text of each match in s of a rule of role.
func roleMatches(m *Matcher, s string, role rules.Role) []string {
	var out []string
	for _, h := range m.Match(s) {
		if r := m.e.Lists[h.List].Rules[h.Rule]; r.Role == role {
			out = append(out, s[h.Start:h.End])
		}
	}
	return out
}

// TestMisspeltNameAlone: a post that names no group and says nothing of
// one may still name one misspelt, which the model reads as the group;
// its other words are not read as names.
func TestMisspeltNameAlone(t *testing.T) {
	m := demoEngine().NewMatcher()
	targets := func(s string) []string { return roleMatches(m, s, rules.Target) }
	for _, s := range []string{"blck people just don't want to work", "wmen never listen to anyone", "the muslmis next door again", "look at those immigarnts"} {
		if len(targets(s)) == 0 {
			t.Errorf("%q: no group named", s)
		}
	}
	for _, s := range []string{"the book was on the table", "save the date for the concert", "nous avons mangé une tarte ce matin"} {
		if got := targets(s); len(got) != 0 {
			t.Errorf("%q: groups %q", s, got)
		}
	}
}

// TestSplitFirstWord: a word is read as two run together when its first
// part is a lexicon word or a stopword ("hatemuslims", "thejews"), not a
// word the lists hold only in an exception ("app" of "killer app"), which
// ordinary words begin with ("applying").
func TestSplitFirstWord(t *testing.T) {
	m := demoEngine().NewMatcher()
	predicates := func(s string) []string { return roleMatches(m, s, rules.Predicate) }
	if got := predicates("new rules for immigrants applying for asylum"); len(got) != 0 {
		t.Errorf("applying: predicates %q", got)
	}
	if got := predicates("immigrants hatemuslims"); len(got) == 0 {
		t.Error("hatemuslims: no predicate")
	}
}

// readSuites returns the posts of the functional suites (package eval's
// reader imports this package).
func readSuites() ([]string, error) {
	var texts []string
	for _, name := range []string{"../eval/testdata/suite-en.jsonl", "../eval/testdata/suite-fr.jsonl"} {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var c struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				f.Close()
				return nil, err
			}
			texts = append(texts, c.Text)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return texts, nil
}
