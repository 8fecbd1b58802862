package model

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"voile/shared/normalize"
)

// toy is a small separable dataset of neutral sentences: "hate" is any
// sentence about zorbs, whatever the verb.
func toy() []Example {
	var ex []Example
	verbs := []string{"likes", "sees", "meets", "greets", "visits", "calls", "helps", "follows"}
	for i, v := range verbs {
		for j, who := range []string{"the baker", "my neighbour", "a teacher", "our friend"} {
			ex = append(ex, Example{Text: who + " " + v + " the zorbs today", Hate: true})
			ex = append(ex, Example{Text: who + " " + v + " the garden today", Hate: false})
			if (i+j)%3 == 0 {
				ex = append(ex, Example{Text: who + " " + v + " the river", Hate: false})
			}
		}
	}
	return ex
}

func trainToy(t testing.TB, cfg Config) *Model {
	t.Helper()
	if cfg.Bits == 0 {
		cfg.Bits = 14
	}
	if cfg.LearningRate == 0 {
		cfg.LearningRate = 0.3
	}
	m, err := Train(toy(), nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLearnsToy(t *testing.T) {
	m := trainToy(t, Config{Seed: 3})
	n, s := normalize.New(), m.NewScorer()
	var scores []float64
	var labels []bool
	for _, e := range toy() {
		scores = append(scores, s.Score(n.Normalize(e.Text), nil))
		labels = append(labels, e.Hate)
	}
	for i, p := range scores {
		if (p >= 0.5) != labels[i] {
			t.Errorf("%q: P(hate) = %.3f, want hate=%v", toy()[i].Text, p, labels[i])
		}
	}
	if _, _, f1 := F1(scores, labels, ChooseThreshold(scores, labels)); f1 != 1 {
		t.Errorf("F1 at the chosen threshold = %v, want 1", f1)
	}
	// Unseen sentences.
	if p := s.Score(n.Normalize("a stranger admires the zorbs"), nil); p < 0.5 {
		t.Errorf("unseen zorb sentence: P = %.3f, want >= 0.5", p)
	}
	if p := s.Score(n.Normalize("a stranger admires the garden"), nil); p >= 0.5 {
		t.Errorf("unseen garden sentence: P = %.3f, want < 0.5", p)
	}
}

func TestRoundTrip(t *testing.T) {
	m := trainToy(t, Config{Seed: 1, Langs: []string{"en", "fr"}})
	m.Threshold = 0.375
	b := m.Encode()
	if !bytes.HasPrefix(b, []byte(Magic+"\x01")) {
		t.Fatalf("encoding starts %q", b[:9])
	}
	d, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if d.Bits != m.Bits || d.Features != m.Features || d.MinN != m.MinN || d.MaxN != m.MaxN ||
		d.Scale != m.Scale || d.Bias != m.Bias || d.Threshold != m.Threshold || d.Trained != m.Trained ||
		strings.Join(d.Langs, ",") != "en,fr" || !bytes.Equal(d.Weights, m.Weights) {
		t.Errorf("decoded model differs:\n got %+v\nwant %+v", d, m)
	}
	if !bytes.Equal(d.Encode(), b) {
		t.Error("re-encoding differs")
	}
	want := 8 + 5 + 12 + 1 + 3 + 3 + 2 + len(m.Trained) + 4 + 1<<14
	if len(b) != want {
		t.Errorf("encoded size %d, want %d", len(b), want)
	}
}

func TestDecodeErrors(t *testing.T) {
	m := trainToy(t, Config{Seed: 1, Langs: []string{"en"}})
	good := m.Encode()
	mod := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(good)) }
	put32 := func(b []byte, off int, v float32) []byte {
		u := math.Float32bits(v)
		b[off], b[off+1], b[off+2], b[off+3] = byte(u), byte(u>>8), byte(u>>16), byte(u>>24)
		return b
	}
	const scaleOff, biasOff, thrOff = 13, 17, 21
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a Voile model"},
		{"magic", mod(func(b []byte) []byte { b[0] = 'X'; return b }), "not a Voile model"},
		{"version", mod(func(b []byte) []byte { b[8] = 2; return b }), "unknown format version 2"},
		{"header only", good[:9], "truncated"},
		{"truncated weights", good[:len(good)-1], "truncated"},
		{"truncated description", good[:40], "truncated"},
		{"trailing", append(bytes.Clone(good), 0), "1 trailing bytes"},
		{"bits low", mod(func(b []byte) []byte { b[9] = 9; return b }), "9 hash bits"},
		{"bits high", mod(func(b []byte) []byte { b[9] = 23; return b }), "23 hash bits"},
		{"weights length", mod(func(b []byte) []byte { b[9] = 15; return b }), "weights for 15 hash bits"},
		{"features", mod(func(b []byte) []byte { b[10] |= 0x80; return b }), "unknown feature flags"},
		{"ngrams", mod(func(b []byte) []byte { b[11], b[12] = 5, 3; return b }), "n-grams 5..3"},
		{"NaN scale", mod(func(b []byte) []byte { return put32(b, scaleOff, float32(math.NaN())) }), "scale NaN"},
		{"negative scale", mod(func(b []byte) []byte { return put32(b, scaleOff, -1) }), "scale -1"},
		{"Inf bias", mod(func(b []byte) []byte { return put32(b, biasOff, float32(math.Inf(1))) }), "bias +Inf"},
		{"NaN threshold", mod(func(b []byte) []byte { return put32(b, thrOff, float32(math.NaN())) }), "threshold NaN"},
	} {
		_, err := Decode(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
		if strings.Contains(c.want, "truncated") && !errors.Is(err, ErrTruncated) {
			t.Errorf("%s: error %v does not wrap ErrTruncated", c.name, err)
		}
	}
	if _, err := Decode(good); err != nil {
		t.Fatalf("the unmodified model: %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	a := trainToy(t, Config{Seed: 7}).Encode()
	b := trainToy(t, Config{Seed: 7}).Encode()
	if !bytes.Equal(a, b) {
		t.Error("two trainings with one seed differ")
	}
	c := trainToy(t, Config{Seed: 8}).Encode()
	if bytes.Equal(a, c) {
		t.Error("another seed gave the same bytes: is the shuffle seeded?")
	}
}

// reference scores t by listing its features independently of the
// featurizer and dot: a slow float evaluation of the quantised model.
func reference(m *Model, t *normalize.Text, extra []uint64) float64 {
	bits := uint(m.Bits)
	w := func(h uint64) float64 {
		mix := h * mixMul
		v := float64(int8(m.Weights[mix>>(64-bits)])) * float64(m.Scale)
		if mix>>(63-bits)&1 != 0 {
			v = -v
		}
		return v
	}
	hash := func(ns byte, s string) uint64 { return fnvBytes(fnvByte(fnvOffset, ns), []byte(s)) }
	var text []float64
	words := strings.Fields(string(t.Norm))
	for i, wd := range words {
		text = append(text, w(hash(nsWord, wd)))
		if i > 0 {
			text = append(text, w(hash(nsBigram, words[i-1]+" "+wd)))
		}
		r := []rune(" " + wd + " ")
		for s := range r {
			for n := m.MinN; n <= m.MaxN && s+n <= len(r); n++ {
				text = append(text, w(hash(nsChar, string(r[s:s+n]))))
			}
		}
	}
	z := float64(m.Bias)
	for _, v := range text {
		z += v / math.Sqrt(float64(len(text)))
	}
	for _, h := range extra {
		z += w(h)
	}
	return 1 / (1 + math.Exp(-z))
}

func TestScoreMatchesReference(t *testing.T) {
	m := trainToy(t, Config{Seed: 2})
	extra := []uint64{Feature("frame:test"), Feature("cue:negation")}
	// Random weights, so that every feature matters.
	r := splitmix(5)
	for i := range m.Weights {
		m.Weights[i] = byte(r.next())
	}
	n, s := normalize.New(), m.NewScorer()
	for _, text := range append([]string{post280, "Ça va, les élèves? Très bien: «génial»", "Crème brûlée für Zoë, naïve café", "x", "", "日本語 テキスト ok"}, texts(toy())...) {
		for _, ex := range [][]uint64{nil, extra} {
			got, want := s.Score(n.Normalize(text), ex), reference(m, n.Normalize(text), ex)
			if math.Abs(got-want) > 1e-9 {
				t.Errorf("%q extra %v: Score %v, reference %v", text, ex != nil, got, want)
			}
		}
	}
}

func texts(ex []Example) (out []string) {
	for _, e := range ex {
		out = append(out, e.Text)
	}
	return out
}

func TestExplain(t *testing.T) {
	m := trainToy(t, Config{Seed: 4})
	n, s := normalize.New(), m.NewScorer()
	tx := n.Normalize("My neighbour likes the ZORBS today")
	c := s.Explain(tx, nil, nil, 3)
	if len(c) == 0 || !strings.Contains(c[0].Name, "zorb") && !strings.Contains(c[0].Name, "orb") {
		t.Fatalf("Explain = %v, want a zorbs feature first", c)
	}
	for i := 1; i < len(c); i++ {
		if c[i].Contribution > c[i-1].Contribution || c[i].Contribution <= 0 {
			t.Errorf("contributions not positive and descending: %v", c)
		}
	}
	// The contributions add up to the logit, less the bias.
	all := s.Explain(tx, nil, nil, -1)
	var sum float64
	for _, x := range all {
		sum += x.Contribution
	}
	p := s.Score(tx, nil)
	logit := math.Log(p / (1 - p))
	// Explain leaves out negative contributions: the sum is an upper bound.
	if sum+float64(m.Bias) < logit-1e-9 {
		t.Errorf("positive contributions %v + bias %v < logit %v", sum, m.Bias, logit)
	}

	// An extra feature that drives the decision comes first, by name.
	x := Feature("frame:test")
	m.Weights[bucket(x, uint(m.Bits))&indexMask] = 127 // positive if the sign bit is 0
	if bucket(x, uint(m.Bits))>>31 != 0 {
		m.Weights[bucket(x, uint(m.Bits))&indexMask] = byte(0x81) // -127
	}
	tx = n.Normalize("my neighbour likes the garden today")
	c = s.Explain(tx, []uint64{x}, []string{"frame:test"}, 1)
	if len(c) != 1 || c[0].Name != "frame:test" || c[0].Kind != KindExtra {
		t.Errorf("Explain with a heavy extra = %v, want frame:test", c)
	}
	if got := s.Explain(tx, []uint64{x}, nil, 1); len(got) != 1 || got[0].Name != "extra#0" {
		t.Errorf("unnamed extra: %v", got)
	}
}

func TestScoreAllocs(t *testing.T) {
	m := trainToy(t, Config{Seed: 1})
	n, s := normalize.New(), m.NewScorer()
	tx := n.Normalize(post280)
	extra := []uint64{Feature("frame:a"), Feature("cue:b")}
	s.Score(tx, extra)
	if a := testing.AllocsPerRun(100, func() { s.Score(tx, extra) }); a != 0 {
		t.Errorf("Score allocates %v times per call", a)
	}
}

func TestChooseThreshold(t *testing.T) {
	scores := []float64{0.9, 0.8, 0.7, 0.6, 0.2, 0.1}
	labels := []bool{true, true, false, true, false, false}
	th := ChooseThreshold(scores, labels)
	// Flagging the top 4 gives F1 6/7; the top 2, 4/5.
	if th <= 0.2 || th > 0.6 {
		t.Errorf("threshold %v, want in (0.2, 0.6]", th)
	}
	if _, _, f1 := F1(scores, labels, th); math.Abs(f1-6.0/7) > 1e-12 {
		t.Errorf("F1 %v, want 6/7", f1)
	}
	// Flagging the top 1, 5 or 9 gives F1 1/2, every other cut less: the
	// threshold is the middle cut's.
	scores = []float64{1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1}
	labels = []bool{true, false, false, false, true, false, false, false, true, false}
	if th := ChooseThreshold(scores, labels); th <= 0.5 || th > 0.6 {
		t.Errorf("plateau: threshold %v, want in (0.5, 0.6]", th)
	}
	if th := ChooseThreshold([]float64{0.3}, []bool{false}); th != 0.5 {
		t.Errorf("no positives: %v, want 0.5", th)
	}
}

func TestTrainErrors(t *testing.T) {
	for _, c := range []struct {
		ex  []Example
		cfg Config
	}{
		{nil, Config{}},
		{toy(), Config{Bits: 9}},
		{toy(), Config{Bits: 23}},
		{[]Example{{Text: "a", Hate: true}}, Config{}},
		{toy(), Config{L2: -1}},
		{[]Example{{Text: "a", Hate: true}, {Text: "b", Weight: -1}}, Config{}},
	} {
		if _, err := Train(c.ex, nil, c.cfg); err == nil {
			t.Errorf("Train(%d examples, %+v) succeeded", len(c.ex), c.cfg)
		}
	}
}

// post280 is a neutral post of 280 characters.
const post280 = "Walked along the river this morning with the dog, then stopped at the bakery for fresh bread and a coffee. " +
	"The market was busy, lots of tomatoes and peaches, and a man playing the accordion near the fountain. " +
	"Back at home now, planning to read a book and maybe bake a pie later!!!"

func BenchmarkScore(b *testing.B) {
	m := trainToy(b, Config{Bits: DefaultBits, Seed: 1})
	n, s := normalize.New(), m.NewScorer()
	if len(post280) != 280 {
		b.Fatalf("post has %d bytes", len(post280))
	}
	tx := n.Normalize(post280)
	b.ReportAllocs()
	for b.Loop() {
		s.Score(tx, nil)
	}
}

func BenchmarkNormalizeAndScore(b *testing.B) {
	m := trainToy(b, Config{Bits: DefaultBits, Seed: 1})
	n, s := normalize.New(), m.NewScorer()
	b.ReportAllocs()
	for b.Loop() {
		s.Score(n.Normalize(post280), nil)
	}
}

func TestFeaturizerMatchesScore(t *testing.T) {
	// Training and Explain use the featurizer; Score its fused copy.
	for _, cfg := range []Config{{Seed: 1}, {Seed: 1, MinN: 2, MaxN: 4}, {Seed: 1, Features: Words | Chars}, {Seed: 1, Features: Bigrams}, {Seed: 1, Features: Words | Bigrams | Chars}} {
		m := trainToy(t, cfg)
		r := splitmix(9)
		for i := range m.Weights {
			m.Weights[i] = byte(r.next())
		}
		n, s := normalize.New(), m.NewScorer()
		f := newFeaturizer(m.Bits, m.Features, m.MinN, m.MaxN)
		for _, text := range []string{post280, "Ça va, les élèves? Très bien", "a b", "", "I hate " + Placeholder + " so much", Placeholder} {
			tx := n.Normalize(text)
			sum, c := s.sumText(tx)
			c2 := f.text(tx)
			if sum2 := dot(m.Weights, f.feats); sum != sum2 || c != c2 {
				t.Errorf("%+v %q: sumText %d over %d features, featurizer %d over %d", cfg, text, sum, c, sum2, c2)
			}
		}
	}
}

func TestTop(t *testing.T) {
	m := trainToy(t, Config{Seed: 4})
	n, s := normalize.New(), m.NewScorer()
	for _, text := range []string{"My neighbour likes the ZORBS today", post280, "zorbs zorbs zorbs and more zorbs"} {
		tx := n.Normalize(text)
		top := s.Top(tx, nil, nil, 3)
		seen := map[string]bool{}
		for _, name := range top {
			if seen[name] {
				t.Errorf("%q: Top names %q twice: %q", text, name, top)
			}
			seen[name] = true
		}
		// Every name is a feature of Explain's with a positive
		// contribution, and Explain's first is among them unless it won
		// by occurring more than once.
		all := map[string]bool{}
		for _, c := range s.Explain(tx, nil, nil, -1) {
			all[c.Name] = true
		}
		for _, name := range top {
			if !all[name] {
				t.Errorf("%q: Top names %q, which Explain does not", text, name)
			}
		}
		if text != post280 && (len(top) == 0 || !strings.Contains(top[0], "orb") && !strings.Contains(top[0], "zorb")) {
			t.Errorf("%q: Top = %q, want a zorbs feature first", text, top)
		}
	}
	x := Feature("frame:test")
	m.Weights[bucket(x, uint(m.Bits))&indexMask] = 127
	if bucket(x, uint(m.Bits))>>31 != 0 {
		m.Weights[bucket(x, uint(m.Bits))&indexMask] = byte(0x81)
	}
	tx := n.Normalize("my neighbour likes the garden today")
	if top := s.Top(tx, []uint64{x}, []string{"frame:test"}, 1); len(top) != 1 || top[0] != "frame:test" {
		t.Errorf("Top with a heavy extra = %q, want frame:test", top)
	}
	tx = n.Normalize(post280)
	s.Top(tx, []uint64{x}, []string{"frame:test"}, 3)
	if a := testing.AllocsPerRun(100, func() { s.Top(tx, []uint64{x}, []string{"frame:test"}, 3) }); a != 0 {
		t.Errorf("Top allocates %v times per call", a)
	}
}

func TestContributionString(t *testing.T) {
	for _, x := range []float64{0, math.Copysign(0, -1), 1.23456, -1.23456, 0.0004, -0.0004, 12, math.NaN(), math.Inf(1), math.Inf(-1)} {
		c := Contribution{Name: `a "b"`, Kind: KindChar, Contribution: x}
		if got, want := c.String(), fmt.Sprintf("%s %q %+.3f", c.Kind, c.Name, c.Contribution); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	}
}

// TestPlaceholder: under Placeholders the word Placeholder weighs only by
// its bigrams, so a post of it alone has no text features and it adds
// one feature, its bigram, to a post; without, it has features of its own.
func TestPlaceholder(t *testing.T) {
	for _, set := range []FeatureSet{AllFeatures, Words | Bigrams | Chars} {
		m := trainToy(t, Config{Seed: 1, Features: set})
		r := splitmix(5)
		for i := range m.Weights {
			m.Weights[i] = byte(r.next())
		}
		n, s := normalize.New(), m.NewScorer()
		_, alone := s.sumText(n.Normalize(Placeholder))
		f := newFeaturizer(m.Bits, m.Features, m.MinN, m.MaxN)
		if set&Placeholders != 0 {
			if alone != 0 {
				t.Errorf("%v: the placeholder alone has %d features, want 0", set, alone)
			}
			// "they said" has its words, bigram and n-grams; the
			// placeholder adds its bigram with "said" only.
			g := newFeaturizer(m.Bits, m.Features, m.MinN, m.MaxN)
			if got, want := f.text(n.Normalize("they said "+Placeholder)), g.text(n.Normalize("they said"))+1; got != want {
				t.Errorf("%v: %d features, want %d", set, got, want)
			}
		} else if alone == 0 {
			t.Errorf("%v: the placeholder alone has no features", set)
		}
	}
}
