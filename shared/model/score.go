package model

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"voile/shared/internal/shortkey"
	"voile/shared/normalize"
)

// Scorer scores texts with one model. It keeps buffers between calls, so
// that Score allocates nothing after warm-up; it is not safe for concurrent
// use (make one per goroutine).
type Scorer struct {
	m *Model
	f *featurizer

	// Of the text the last Score or Top read: the text features that
	// weigh most toward hate, and their number.
	top  topText
	word topText // the best n-grams of one word, for the cache
	n    int
	keep int // how many text features Score keeps for TopAfterScore

	// sums caches the sum of the character n-grams of recent words, and
	// the best of them:
	// words recur from post to post ("the", "are", "les"), and their
	// n-grams were most of Score's time.
	sums *[1 << wordCacheBits]wordSum

	// Top's buffers.
	names []string
	buf   []byte
	ends  []int
}

// NewScorer returns a Scorer for m, which must be valid (Decode's and
// Train's models are) and must not change while the Scorer is in use.
func (m *Model) NewScorer() *Scorer {
	return &Scorer{m: m, f: newFeaturizer(m.Bits, m.Features, m.MinN, m.MaxN), keep: MaxTop, sums: new([1 << wordCacheBits]wordSum)}
}

// KeepTop sets how many features (1 to MaxTop) TopAfterScore names
// without reading the text again; MaxTop at first. Score keeps fewer
// candidates for a smaller number, for less work; TopAfterScore asked
// for more reads the text again.
func (s *Scorer) KeepTop(k int) { s.keep = max(1, min(k, MaxTop)) }

// Score returns P(hate) for the normalised text t with the extra features
// extra (hashes from Feature; nil for none). A text is flagged when
// Score >= Model.Threshold.
//
// It also keeps, for Top, the text features that weigh most: naming them
// then reads the text no more.
func (s *Scorer) Score(t *normalize.Text, extra []uint64) float64 {
	text, n := s.sumText(t)
	s.n = n
	var xs int64
	bits := uint(s.m.Bits)
	for _, h := range extra {
		xs += signed(s.m.Weights, bucket(h, bits))
	}
	return sigmoid(s.m.logit(text, n, xs))
}

// signed returns the signed weight of a packed feature.
func signed(w []byte, p uint32) int64 {
	v := int64(int8(w[p&indexMask]))
	neg := int64(int32(p) >> 31) // 0 or -1
	return (v ^ neg) - neg
}

// sumText returns the sum of the signed weights of t's text features and
// their number. It is featurizer.text and dot fused, for speed; the tests
// check that they agree. It also keeps in s.top the text features of
// highest positive weight.
func (s *Scorer) sumText(t *normalize.Text) (sum int64, n int) {
	w, bits, set := s.m.Weights, uint(s.m.Bits), s.m.Features
	minN, maxN := s.m.MinN, s.m.MaxN
	hw, hb, hc := fnvByte(fnvOffset, nsWord), fnvByte(fnvOffset, nsBigram), fnvByte(fnvOffset, nsChar)
	top := &s.top
	top.reset(s.keep)
	norm := t.Norm
	var bh uint64 // the bigram hash of the previous word and a space
	for i := range t.Words {
		word := norm[t.Words[i].Start:t.Words[i].End]
		// Three independent FNV chains in one pass: the word, the bigram
		// ending here, and the bigram starting here.
		uh, bi, next := hw, bh, hb
		var or byte
		for _, c := range word {
			uh = (uh ^ uint64(c)) * fnvPrime
			bi = (bi ^ uint64(c)) * fnvPrime
			next = (next ^ uint64(c)) * fnvPrime
			or |= c
		}
		bh = (next ^ ' ') * fnvPrime
		// A placeholder gives its bigrams only.
		placeholder := set&Placeholders != 0 && string(word) == Placeholder
		if set&Words != 0 && !placeholder {
			p := bucket(uh, bits)
			v := signed(w, p)
			sum += v
			n++
			if v > top.floor {
				top.add(p, v, origin{KindWord, int32(i), int32(i), int32(i)})
			}
		}
		if set&Bigrams != 0 && i > 0 {
			p := bucket(bi, bits)
			v := signed(w, p)
			sum += v
			n++
			if v > top.floor {
				top.add(p, v, origin{KindBigram, int32(i), int32(i - 1), int32(i)})
			}
		}
		if set&Chars == 0 || placeholder {
			continue
		}
		ascii := or < utf8.RuneSelf
		if !ascii {
			// Rare: the featurizer's general loop, with the origins.
			f := s.f
			f.feats, f.origins, f.explain = f.feats[:0], f.origins[:0], true
			f.chars(i, word)
			f.explain = false
			for j, p := range f.feats {
				v := signed(w, p)
				sum += v
				if v > top.floor {
					top.add(p, v, f.origins[j])
				}
			}
			n += len(f.feats)
			continue
		}
		// The n-grams of minN to maxN bytes of the padded word, L bytes:
		// Σ (L-k+1) for k from minN to min(maxN, L), without a loop.
		if L, hi := len(word)+2, min(maxN, len(word)+2); hi >= minN {
			c := hi - minN + 1
			n += c*(L+1) - (minN+hi)*c/2
		}
		// A word met before: its sum is known, and so are the n-grams of
		// it that may be among the text's best (the word's own best), or
		// else that none of them may be.
		var slot *wordSum
		key, short := shortkey.Of(word)
		if short {
			slot = &s.sums[uh*mixMul>>(64-wordCacheBits)]
			if slot.key == key {
				if int(slot.k) >= top.size {
					sum += int64(slot.sum)
					slot.replay(top, int32(i))
					continue
				}
				if int64(slot.max) <= top.floor {
					sum += int64(slot.sum)
					continue
				}
			}
		}
		pad := append(append(append(s.f.pad[:0], ' '), word...), ' ')
		s.f.pad = pad
		// Into the word's own best first, when the cache can hold them,
		// so that the word met again need not be read.
		into := top
		if slot != nil && top.size <= wordTop {
			into = &s.word
			into.reset(top.size)
		}
		var cs, mx int64
		if minN == 3 && maxN == 5 {
			cs, mx = charSum35(w, pad, bits, int32(i), into) // charSum's own choice, a call sooner
		} else {
			cs, mx = charSum(w, pad, hc, bits, minN, maxN, int32(i), into)
		}
		sum += cs
		if slot != nil {
			// Field by field: the candidates past n need no clearing.
			slot.key, slot.sum, slot.max, slot.k, slot.n = key, int32(cs), int32(mx), 0, 0
			if into != top {
				n := min(into.n, wordTop)
				for j := range n {
					c := &into.c[j]
					slot.c[j] = wordCand{p: c.p, w: int16(c.w), a: uint8(c.o.a), b: uint8(c.o.b)}
				}
				slot.k, slot.n = uint8(into.size), uint8(n)
				slot.replay(top, int32(i))
			}
		}
	}
	return sum, n
}

// wordCacheBits is log2 of the words Scorer.sums holds: 8,192 (512 KiB),
// enough for the words of many posts; with 1,024 the words of a few
// hundred posts already pushed each other out, and the 3,900 words of
// the suites' 1,432 posts missed often in 4,096 slots.
const wordCacheBits = 13

// A wordSum is the sum of the weights of a word's character n-grams, the
// highest of them (at least 0), and the word's own best n-grams: the
// first n of those that a topText of size k keeps (k is 0 when they were
// not kept).
type wordSum struct {
	key      shortkey.Key
	sum, max int32
	k, n     uint8
	c        [wordTop]wordCand
}

// wordTop is how many of a word's best n-grams the cache holds: enough
// for the three features a verdict names, in 64 bytes a word.
const wordTop = 4

// A wordCand is one of a word's best n-grams: its packed index, its
// signed weight and its bytes [a, b) in the padded word (at most 18).
type wordCand struct {
	p    uint32
	w    int16
	a, b uint8
}

// replay adds the word's best n-grams, those of word number i, to top
// (of size at most w.k). top then holds what it would after the add of
// each n-gram of the word: an n-gram that is not among the word's best
// k has k of them before it (of higher weight, or as high and met
// first), which keep it out of top as they would. The word's best are
// in order of weight, and of occurrence among equal weights, the order
// that decides ties.
func (w *wordSum) replay(top *topText, i int32) {
	for _, c := range w.c[:w.n] {
		v := int64(c.w)
		if v <= top.floor {
			return // and so are the rest, of lower weight
		}
		top.add(c.p, v, origin{KindChar, i, int32(c.a), int32(c.b)})
	}
}

// topText keeps the size (at most MaxTop) text features of highest
// positive weight, one per packed index (a feature that occurs twice has
// one weight), the first met kept on ties: what Top's choice among text
// features alone comes to, since every text feature's contribution is
// its weight times one positive value. Weights are compared here as
// integers, which that value orders the same way. The first k of a
// larger size are those of size k.
type topText struct {
	n, size int
	floor   int64 // the weight a feature must exceed to enter
	c       [MaxTop]candidate
}

// A candidate is a text feature: its packed index, its signed weight and
// where it came from.
type candidate struct {
	p uint32
	w int64
	o origin
}

func (t *topText) reset(size int) { t.n, t.size, t.floor = 0, size, 0 }

// add adds a feature of weight w > t.floor, unless it is there already.
func (t *topText) add(p uint32, w int64, o origin) {
	at := t.n
	for at > 0 && t.c[at-1].w < w {
		at--
	}
	// The same feature has the same weight: it can only stand among
	// those of weight w, just before at.
	for j := at - 1; j >= 0 && t.c[j].w == w; j-- {
		if t.c[j].p == p {
			return
		}
	}
	n := t.n
	if n == t.size {
		n-- // the last goes: w exceeds its weight
	}
	copy(t.c[at+1:n+1], t.c[at:n])
	t.c[at] = candidate{p, w, o}
	t.n = n + 1
	if t.n == t.size {
		t.floor = t.c[t.n-1].w
	}
}

// dot sums the signed int8 weights of packed features.
func dot(w []byte, feats []uint32) int64 {
	var sum int64
	for _, p := range feats {
		v := int64(int8(w[p&indexMask]))
		neg := int64(int32(p) >> 31) // 0 or -1
		sum += (v ^ neg) - neg
	}
	return sum
}

// charSum returns the sum of the signed weights of the n-grams of pad
// (ASCII) of minN to maxN bytes, and adds those of highest weight to top
// (word is the word's index, for their origins).
func charSum(w []byte, pad []byte, h0 uint64, bits uint, minN, maxN int, word int32, top *topText) (sum, max int64) {
	shift := 64 - bits
	if minN == 3 && maxN == 5 {
		return charSum35(w, pad, bits, word, top)
	}
	for st := 0; st+minN <= len(pad); st++ {
		h := h0
		g := pad[st:min(st+maxN, len(pad))]
		for k, c := range g {
			h = (h ^ uint64(c)) * fnvPrime
			if k+1 >= minN {
				m := h * mixMul
				v := int64(int8(w[m>>shift]))
				neg := int64(m<<bits) >> 63 // the bit below the index: 0 or -1
				v = (v ^ neg) - neg
				sum += v
				max = maxInt(max, v)
				if v > top.floor {
					top.add(bucket(h, bits), v, origin{KindChar, word, int32(st), int32(st + k + 1)})
				}
			}
		}
	}
	return sum, max
}

func maxInt(a, b int64) int64 {
	if b > a {
		return b
	}
	return a
}

// charStep1[c] is the FNV state of an n-gram after its first byte c.
var charStep1 = func() (t [256]uint64) {
	for c := range t {
		t[c] = fnvByte(fnvByte(fnvOffset, nsChar), byte(c))
	}
	return t
}()

// charSum35 is charSum for 3- to 5-grams, unrolled.
func charSum35(w []byte, pad []byte, bits uint, word int32, top *topText) (sum, max int64) {
	shift := 64 - bits
	get := func(h uint64) int64 {
		m := h * mixMul
		v := int64(int8(w[m>>shift]))
		neg := int64(m<<bits) >> 63
		return (v ^ neg) - neg
	}
	// Rarely taken: most n-grams weigh less than the text's best.
	keep := func(h uint64, v int64, st, end int) {
		top.add(bucket(h, bits), v, origin{KindChar, word, int32(st), int32(end)})
	}
	L := len(pad)
	for st := 0; st+3 <= L; st++ {
		g := pad[st : st+3 : st+3]
		h := ((charStep1[g[0]]^uint64(g[1]))*fnvPrime ^ uint64(g[2])) * fnvPrime
		v := get(h)
		sum += v
		max = maxInt(max, v)
		if v > top.floor {
			keep(h, v, st, st+3)
		}
		if st+4 <= L {
			h = (h ^ uint64(pad[st+3])) * fnvPrime
			v = get(h)
			sum += v
			max = maxInt(max, v)
			if v > top.floor {
				keep(h, v, st, st+4)
			}
			if st+5 <= L {
				h = (h ^ uint64(pad[st+4])) * fnvPrime
				v = get(h)
				sum += v
				max = maxInt(max, v)
				if v > top.floor {
					keep(h, v, st, st+5)
				}
			}
		}
	}
	return sum, max
}

// textValue is the value of each of a text's n text features.
func textValue(n int) float64 {
	if n == 0 {
		return 0
	}
	return 1 / math.Sqrt(float64(n))
}

// logit is the model's linear score for text-feature sum text over n
// features and extra-feature sum xs (sums of signed int8 weights).
func (m *Model) logit(text int64, n int, xs int64) float64 {
	return float64(m.Bias) + float64(m.Scale)*(float64(text)*textValue(n)+float64(xs))
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// A Contribution is one feature's share of a score: its value times its
// weight, in logit units (the model adds them to its bias).
type Contribution struct {
	Name         string // the word, "word word", the n-gram (" mus", "lim ") or the extra's name
	Kind         Kind
	Contribution float64
}

func (c Contribution) String() string {
	x := strconv.FormatFloat(c.Contribution, 'f', 3, 64)
	if x[0] != '-' && x[0] != '+' {
		x = "+" + x // as %+.3f
	}
	return c.Kind.String() + " " + strconv.Quote(c.Name) + " " + x
}

// Explain returns the k features that raise t's score most (largest
// positive contribution first; a feature that occurs twice counts twice).
// extraNames[i], when present, names extra[i]. Unlike Score, it allocates.
func (s *Scorer) Explain(t *normalize.Text, extra []uint64, extraNames []string, k int) []Contribution {
	f := s.f
	f.explain = true
	defer func() { f.explain = false }()
	n := f.text(t)
	f.extras(extra)
	type key struct {
		kind Kind
		name string
	}
	sum := make(map[key]float64)
	var order []key
	for j, p := range f.feats {
		v := float64(int8(s.m.Weights[p&indexMask])) * float64(s.m.Scale)
		if p>>31 != 0 {
			v = -v
		}
		if j < n {
			v *= textValue(n)
		}
		k := key{f.origins[j].kind, s.name(t, f.origins[j], extraNames)}
		if _, ok := sum[k]; !ok {
			order = append(order, k)
		}
		sum[k] += v
	}
	var out []Contribution
	for _, k := range order {
		if c := sum[k]; c > 0 {
			out = append(out, Contribution{k.name, k.kind, c})
		}
	}
	slices.SortStableFunc(out, func(a, b Contribution) int { return cmp.Compare(b.Contribution, a.Contribution) })
	if k >= 0 && len(out) > k {
		out = out[:k]
	}
	return out
}

// name returns the readable name of a feature.
func (s *Scorer) name(t *normalize.Text, o origin, extraNames []string) string {
	switch o.kind {
	case KindWord:
		return string(t.WordText(int(o.a)))
	case KindBigram:
		return string(t.WordText(int(o.a))) + " " + string(t.WordText(int(o.b)))
	case KindChar:
		pad := " " + string(t.WordText(int(o.word))) + " "
		return pad[o.a:o.b]
	}
	if int(o.a) < len(extraNames) {
		return extraNames[o.a]
	}
	return "extra#" + strconv.Itoa(int(o.a))
}

// MaxTop bounds the features Top names. Features are told apart by the
// weight they hash to, so two features that share one are named once.
const MaxTop = 8

// Top is Explain made for every flagged post: it names the k (at most
// MaxTop) features that raise t's score most, one name per distinct
// feature, into buf, and allocates nothing after warm-up. The names are
// valid until the next call of Top.
func (s *Scorer) Top(t *normalize.Text, extra []uint64, extraNames []string, k int) []string {
	keep := s.keep
	s.keep = MaxTop
	_, s.n = s.sumText(t)
	s.keep = keep
	return s.TopAfterScore(t, extra, extraNames, k)
}

// TopAfterScore is Top for t and extra, the text and extra features of
// the last call of Score (or Top), unchanged since: that call found the
// text's candidates already, and only the extras remain to be weighed.
func (s *Scorer) TopAfterScore(t *normalize.Text, extra []uint64, extraNames []string, k int) []string {
	s.names, s.buf = s.names[:0], s.buf[:0]
	k = min(k, MaxTop)
	if k <= 0 {
		return s.names
	}
	if k > s.top.size {
		return s.Top(t, extra, extraNames, k) // Score kept too few
	}
	// The best k occurrences whose names differ, by contribution: the
	// text's first, then the extras, each taking its rank. Among text
	// features alone, the first k of s.top are the best k.
	var best [MaxTop]struct {
		p uint32
		c float64
		o origin
	}
	tv := textValue(s.n)
	got := min(k, s.top.n)
	for b := range got {
		cd := &s.top.c[b]
		best[b].p, best[b].c, best[b].o = cd.p, float64(cd.w)*tv, cd.o
	}
	bits := uint(s.m.Bits)
	for j, h := range extra {
		p := bucket(h, bits)
		c := float64(signed(s.m.Weights, p))
		if c <= 0 {
			continue
		}
		dup := -1
		for b := range got { // the same feature hashes to the same weight
			if best[b].p == p {
				dup = b
				break
			}
		}
		if dup >= 0 {
			if c <= best[dup].c {
				continue
			}
			copy(best[dup:got], best[dup+1:got]) // re-insert it at its rank
			got--
		} else if got == k {
			if c <= best[got-1].c {
				continue
			}
			got--
		}
		at := got
		for at > 0 && best[at-1].c < c {
			best[at] = best[at-1]
			at--
		}
		best[at].p, best[at].c, best[at].o = p, c, origin{KindExtra, -1, int32(j), int32(j)}
		got++
	}
	for b := range got {
		start := len(s.buf)
		s.buf = s.appendName(s.buf, t, best[b].o, extraNames)
		s.ends = append(s.ends[:b], len(s.buf)-start)
	}
	// Strings over buf, made once it no longer grows.
	at := 0
	for b := range got {
		s.names = append(s.names, unsafe.String(unsafe.SliceData(s.buf[at:]), s.ends[b]))
		at += s.ends[b]
	}
	return s.names
}

// appendName appends the readable name of a feature to dst.
func (s *Scorer) appendName(dst []byte, t *normalize.Text, o origin, extraNames []string) []byte {
	switch o.kind {
	case KindWord:
		return append(dst, t.WordText(int(o.a))...)
	case KindBigram:
		return append(append(append(dst, t.WordText(int(o.a))...), ' '), t.WordText(int(o.b))...)
	case KindChar:
		w := t.WordText(int(o.word))
		for p := o.a; p < o.b; p++ { // the padded word: a space, w, a space
			if p == 0 || int(p) == len(w)+1 {
				dst = append(dst, ' ')
			} else {
				dst = append(dst, w[p-1])
			}
		}
		return dst
	}
	if int(o.a) < len(extraNames) {
		return append(dst, extraNames[o.a]...)
	}
	return strconv.AppendInt(append(dst, "extra#"...), int64(o.a), 10)
}
