package verdict

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"voile/shared/demo"
	"voile/shared/frames"
	"voile/shared/match"
	"voile/shared/rules"
	"voile/shared/rules/rulestest"
)

func classifier(t testing.TB, lists ...*rules.List) *Classifier {
	t.Helper()
	for _, l := range lists {
		if err := l.Validate(); err != nil {
			t.Fatal(err)
		}
	}
	e, err := match.Compile(lists...)
	if err != nil {
		t.Fatal(err)
	}
	return New(e)
}

func testList() *rules.List {
	return &rules.List{
		ID: "l", Publisher: "p", Version: 2, Langs: []string{"en"},
		Thresholds: []rules.Threshold{{Category: rules.Sexism, Score: 0.6}},
		Rules: []rules.Rule{
			{ID: "slur", Kind: rules.Term, Text: "slurword", Category: rules.Racism, Weight: 0.9},
			{ID: "mild1", Kind: rules.Term, Text: "mildone", Category: rules.Sexism, Weight: 0.4},
			{ID: "mild2", Kind: rules.Term, Text: "mildtwo", Category: rules.Sexism, Weight: 0.4},
			{ID: "threat", Kind: rules.Phrase, Text: "i will hurt you", Category: rules.Threat, Weight: 1},
		},
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScores(t *testing.T) {
	c := classifier(t, testList())
	def := &Options{Sensitivity: DefaultSensitivity}
	tests := []struct {
		name, text string
		opts       *Options
		flagged    bool
		category   rules.Category
		score      float64
	}{
		{"clean", "a fine day", def, false, "", 0},
		{"severe term", "you slurword", def, true, rules.Racism, 0.9},
		{"one mild term is below its list threshold", "mildone", def, false, rules.Sexism, 0.4},
		{"two mild terms add up", "mildone and mildtwo", def, true, rules.Sexism, 1 - 0.6*0.6},
		{"a rule counts once", "mildone mildone mildone", def, false, rules.Sexism, 0.4},
		{"high sensitivity flags one mild term", "mildone", &Options{Sensitivity: 0.9}, true, rules.Sexism, 0.4},
		{"low sensitivity keeps the severe", "i will hurt you", &Options{Sensitivity: 0}, true, rules.Threat, 1},
		{"low sensitivity spares the less severe", "slurword", &Options{Sensitivity: 0}, false, rules.Racism, 0.9},
		{"disabled category", "slurword", &Options{Sensitivity: 0.5, Categories: []rules.Category{rules.Sexism}}, false, "", 0},
		{"highest enabled category wins", "slurword mildone", def, true, rules.Racism, 0.9},
		{"rule allowed by the reader", "slurword", &Options{Sensitivity: 0.5, Allow: Allow{Rules: []string{"p/l/slur"}}}, false, "", 0},
		{"a rule of another publisher's list of the same id", "slurword", &Options{Sensitivity: 0.5, Allow: Allow{Rules: []string{"q/l/slur"}}}, true, rules.Racism, 0.9},
		{"a two-part entry names no publisher's rule", "slurword", &Options{Sensitivity: 0.5, Allow: Allow{Rules: []string{"l/slur"}}}, true, rules.Racism, 0.9},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := c.Classify(tc.text, tc.opts)
			if v.Flagged != tc.flagged || v.Category != tc.category || !near(v.Score, tc.score) {
				t.Errorf("Classify(%q) = flagged %v, %q %v; want %v, %q %v", tc.text, v.Flagged, v.Category, v.Score, tc.flagged, tc.category, tc.score)
			}
		})
	}
}

func TestReasons(t *testing.T) {
	c := classifier(t, testList())
	text := "Well, I w1ll HURT you, s-l-u-r-w-o-r-d"
	v := c.Classify(text, &Options{Sensitivity: 0.5})
	if len(v.Reasons) != 2 {
		t.Fatalf("reasons %+v, want 2", v.Reasons)
	}
	got := []string{}
	for _, r := range v.Reasons {
		got = append(got, fmt.Sprintf("%s/%s v%d %s %q", r.List, r.Rule, r.Version, r.Category, text[r.Start:r.End]))
	}
	want := []string{`l/threat v2 threat "I w1ll HURT you"`, `l/slur v2 racism "s-l-u-r-w-o-r-d"`}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("reasons\n got %q\nwant %q", got, want)
	}
}

// TestAllowPost checks the reader's correction: the same post, however it
// is spelt, stays visible; another post with the same rule does not.
func TestAllowPost(t *testing.T) {
	c := classifier(t, testList())
	o := &Options{Sensitivity: 0.5}
	v := c.Classify("You SLURWORD!", o)
	if !v.Flagged {
		t.Fatal("not flagged before the correction")
	}
	o.Allow.Posts = append(o.Allow.Posts, v.Fingerprint)
	if v := c.Classify("you slurword", o); v.Flagged || !v.Allowed {
		t.Errorf("after the correction: flagged %v allowed %v", v.Flagged, v.Allowed)
	}
	if v := c.Classify("another slurword post", o); !v.Flagged {
		t.Error("the correction cleared another post")
	}
	// Only a flagged post has a fingerprint: no other can be marked.
	if v := c.Classify("a kind word", o); v.Flagged || v.Fingerprint != 0 {
		t.Errorf("a post not flagged: flagged %v, fingerprint %v", v.Flagged, v.Fingerprint)
	}
}

func TestFingerprintText(t *testing.T) {
	f := Fingerprint(0x00ab)
	b, err := json.Marshal(Allow{Posts: []Fingerprint{f}})
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"posts":["00000000000000ab"]}` {
		t.Errorf("marshal: %s", b)
	}
	var a Allow
	if err := json.Unmarshal(b, &a); err != nil || a.Posts[0] != f {
		t.Errorf("unmarshal: %v %v", a, err)
	}
	if err := json.Unmarshal([]byte(`{"posts":["xyz"]}`), &a); err == nil {
		t.Error("a bad fingerprint was accepted")
	}
	for _, f := range []Fingerprint{0, 1, 0xf, 0x10, 0x0123456789abcdef, 1 << 63, ^Fingerprint(0)} {
		if got, want := f.String(), fmt.Sprintf("%016x", uint64(f)); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	}
}

func TestCategoriesCount(t *testing.T) {
	if len(rules.Categories) != NumCategories {
		t.Fatalf("NumCategories = %d, rules.Categories has %d", NumCategories, len(rules.Categories))
	}
}

func TestNoAllocs(t *testing.T) {
	c := classifier(t, bigList(2000))
	o := &Options{Sensitivity: 0.5}
	for _, post := range []string{rulestest.Post280(), "zzword " + rulestest.Post280()[:200]} {
		c.Classify(post, o)
		if a := testing.AllocsPerRun(100, func() { c.Classify(post, o) }); a != 0 {
			t.Errorf("Classify(%.20q...) allocates %v times per post, want 0", post, a)
		}
	}
}

// bigList is a generated list of n rules and one, zzword, that a post can
// match.
func bigList(n int) *rules.List {
	l := rulestest.Generated("big", "bench", 1, n)
	l.Rules = append(l.Rules, rules.Rule{ID: "zz", Kind: rules.Term, Text: "zzword", Category: rules.Racism, Weight: 0.9})
	return l
}

// BenchmarkClassify is the figure the issue sets: one core, 280-character
// posts, a 10,000-rule list, posts per second = 1e9 / ns/op.
func BenchmarkClassify(b *testing.B) {
	c := classifier(b, bigList(10000))
	o := &Options{Sensitivity: 0.5}
	post := rulestest.Post280()
	b.SetBytes(int64(len(post)))
	b.ReportAllocs()
	for b.Loop() {
		c.Classify(post, o)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}

// Two publishers' lists of the same id are two lists: turning off a rule
// of one leaves the same-named rule of the other counting, and a frame's
// target names its publisher.
func TestSameListIDOfTwoPublishers(t *testing.T) {
	a := testList()
	b := testList()
	b.Publisher = "q"
	b.Rules = []rules.Rule{{ID: "slur", Kind: rules.Term, Text: "otherword", Category: rules.Racism, Weight: 0.9}}
	c := classifier(t, a, b)
	off := &Options{Sensitivity: 0.5, Allow: Allow{Rules: []string{"p/l/slur"}}}
	if v := c.Classify("slurword", off); v.Flagged {
		t.Errorf("p/l/slur turned off: slurword still flagged")
	}
	v := c.Classify("otherword", off)
	if !v.Flagged || len(v.Reasons) != 1 || v.Reasons[0].Publisher != "q" || v.Reasons[0].List != "l" {
		t.Errorf("p/l/slur turned off: otherword of q/l = flagged %v, reasons %+v; want flagged by q's list", v.Flagged, v.Reasons)
	}
	off.Allow.Rules = []string{"q/l/slur"}
	if v := c.Classify("slurword", off); !v.Flagged {
		t.Errorf("q/l/slur turned off: slurword of p/l no longer flagged")
	}
	if v := c.Classify("otherword", off); v.Flagged {
		t.Errorf("q/l/slur turned off: otherword still flagged")
	}
}

// A post whose matches are all predicates and cues has no reason: no
// group is named for a frame or the model, and the frames phase is
// skipped for it. Naming the group brings the frame back.
func TestPredicatesAloneMakeNoReason(t *testing.T) {
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	c := classifier(t, lists...)
	o := &Options{Sensitivity: DefaultSensitivity}
	roles := func() map[rules.Role]bool {
		r := map[rules.Role]bool{}
		for _, h := range c.m.Match("they are vermin and should be deported") {
			r[c.e.Lists[h.List].Rules[h.Rule].Role] = true
		}
		return r
	}()
	if !roles[rules.Predicate] || roles[rules.Target] || roles[rules.Flagging] {
		t.Fatalf("the post's matches have roles %v: the test needs predicates and no target or flagging rule", roles)
	}
	if v := c.Classify("they are vermin and should be deported", o); v.Flagged || len(v.Reasons) != 0 || v.Score != 0 {
		t.Errorf("predicates alone: flagged %v, score %v, reasons %+v; want none", v.Flagged, v.Score, v.Reasons)
	}
	if v := c.Classify("immigrants are vermin and should be deported", o); !v.Flagged {
		t.Errorf("with the group named: not flagged (reasons %+v)", v.Reasons)
	}
}

// A negation near the group cancels the model's reason unless the model
// is sure; other contexts always do.
func TestModelContext(t *testing.T) {
	for _, c := range []struct {
		ctx      frames.Context
		p        float64
		deniable bool
		want     frames.Context
	}{
		{frames.Negated, 0.79, true, frames.Negated},
		{frames.Negated, NegatedModelFloor, true, frames.None},
		{frames.Negated, 0.99, true, frames.None},
		{frames.Negated, NegatedGoodFloor, true, frames.Negated},
		{frames.Negated, NegatedGoodFloor, false, frames.None},
		{frames.Negated, 0.49, false, frames.Negated},
		{frames.Countered, 0.99, true, frames.Countered},
		{frames.Countered, 0.99, false, frames.Countered},
		{frames.Quoted, 0.99, true, frames.Quoted},
		{frames.None, 0.5, true, frames.None},
	} {
		if got := modelContext(c.ctx, c.p, c.deniable); got != c.want {
			t.Errorf("modelContext(%v, %v, deniable %v) = %v, want %v", c.ctx, c.p, c.deniable, got, c.want)
		}
	}
}

// TestIntroduced: a group named as one person's, right after a person
// cue or after the link that follows it, is introduced; not when nothing
// introduces it, when another verb follows the cue, when the group stands
// too far after it, or when an anaphor after it makes the person stand
// for the group.
func TestIntroduced(t *testing.T) {
	c := classifier(t, &rules.List{
		ID: "l", Publisher: "p", Version: 1, Langs: []string{"en"},
		Rules: []rules.Rule{
			{ID: "t", Role: rules.Target, Kind: rules.Phrase, Text: "trans man", Category: rules.LGBTphobia},
			{ID: "t2", Role: rules.Target, Kind: rules.Term, Text: "jewish", Category: rules.Antisemitism},
			{ID: "p", Role: rules.Cue, Class: rules.Person, Kind: rules.Phrase, Text: "my cousin"},
			{ID: "s", Role: rules.Cue, Class: rules.Person, Kind: rules.Phrase, Text: "she is"},
			{ID: "is", Role: rules.Cue, Class: rules.Link, Kind: rules.Term, Text: "is"},
			{ID: "a", Role: rules.Cue, Class: rules.Anaphor, Kind: rules.Term, Text: "they"},
		},
	})
	for _, k := range []struct {
		text string
		want bool
	}{
		{"my cousin is jewish and lives in town", true},
		{"my cousin is a trans man from Lyon", true},
		{"my jewish cousin", false}, // the group before the cue
		{"she is jewish", true},
		{"my cousin jewish", true},
		{"my cousin married a jewish man", false},
		{"my cousin is very proud of jewish food", false},
		{"jewish people live here", false},
		{"my cousin is jewish, they always stick together", false},
	} {
		hits := c.m.Match(k.text)
		ti := -1
		for i, h := range hits {
			if c.e.Lists[h.List].Rules[h.Rule].Role == rules.Target {
				ti = i
				break
			}
		}
		if ti < 0 {
			t.Fatalf("%q: no target among %d hits", k.text, len(hits))
		}
		if got := c.introduced(hits, ti); got != k.want {
			t.Errorf("introduced(%q) = %v, want %v", k.text, got, k.want)
		}
	}
}

// TestHarmDenied: a post denies a harm when a threat or violent act is
// negated, or when something bad is negated beside something good said
// of the group; never when a frame counts, nor for a negation alone
// that may deny a good.
func TestHarmDenied(t *testing.T) {
	f := func(c rules.Class, ctx frames.Context) frames.Frame { return frames.Frame{Class: c, Context: ctx} }
	for _, c := range []struct {
		name   string
		frames []frames.Frame
		want   bool
	}{
		{"threat denied", []frames.Frame{f(rules.Threaten, frames.Negated)}, true},
		{"violence denied", []frames.Frame{f(rules.Violence, frames.Negated)}, true},
		{"exclusion denied alone", []frames.Frame{f(rules.Exclude, frames.Negated)}, false},
		{"exclusion denied, praise said", []frames.Frame{f(rules.Exclude, frames.Negated), f(rules.Positive, frames.Praised)}, true},
		{"insult denied, praise said", []frames.Frame{f(rules.Derogate, frames.Negated), f(rules.Positive, frames.Praised)}, true},
		{"praise alone", []frames.Frame{f(rules.Positive, frames.Praised)}, false},
		{"a frame counts", []frames.Frame{f(rules.Exclude, frames.Negated), f(rules.Positive, frames.Praised), f(rules.Dehumanise, frames.None)}, false},
		{"threat denied, another counts", []frames.Frame{f(rules.Threaten, frames.Negated), f(rules.Derogate, frames.None)}, false},
		{"no frame", nil, false},
	} {
		if got := harmDenied(&frames.Result{Frames: c.frames}); got != c.want {
			t.Errorf("%s: harmDenied = %v, want %v", c.name, got, c.want)
		}
	}
}

// One word is one piece of evidence: "hoes" is both a slur of the
// starter lists and the predicate of a frame on "women"; it counts once,
// by its heavier reading, which is its only reason.
func TestWordCountsOnce(t *testing.T) {
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	c := classifier(t, lists...)
	const text = "all women are hoes"
	roles := map[rules.Role]bool{}
	for _, h := range c.m.Match(text) {
		if text[h.Start:h.End] == "hoes" {
			roles[c.e.Lists[h.List].Rules[h.Rule].Role] = true
		}
	}
	if !roles[rules.Flagging] || !roles[rules.Predicate] {
		t.Fatalf("%q: the word's matches have roles %v; the test needs a slur and a predicate on it", text, roles)
	}
	v := c.Classify(text, &Options{Sensitivity: DefaultSensitivity})
	miss := 1.0
	var onWord []Reason
	for _, r := range v.Reasons {
		if r.Context != frames.None {
			continue
		}
		miss *= 1 - r.Weight
		if r.Kind != ByModel && text[r.Start:r.End] == "hoes" {
			onWord = append(onWord, r)
		}
	}
	if len(onWord) != 1 {
		t.Fatalf("%q: %d reasons on the word, want 1: %+v", text, len(onWord), v.Reasons)
	}
	if !near(v.Score, 1-miss) {
		t.Errorf("%q: score %v, want %v from the reasons that count: %+v", text, v.Score, 1-miss, v.Reasons)
	}
}
