package model

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"voile/shared/normalize"
)

// Example is one training post.
type Example struct {
	Text   string
	Hate   bool
	Weight float64  // how much the example counts; 0 means 1
	Extra  []uint64 // extra features (see Feature); nil for none
}

// Config sets up Train. Zero fields take the defaults shown.
type Config struct {
	Bits   int   // hash bits, MinBits..MaxBits (18)
	Epochs int   // passes over the data (8)
	Seed   int64 // seeds the shuffle before each pass

	// L2 is the L2 penalty, applied to a weight each time an example uses
	// it (0: none).
	L2 float64
	// LearningRate is AdaGrad's step (0.03).
	LearningRate float64
	// PosWeight is how much a hate example counts against a non-hate one
	// (before Example.Weight). 0 balances the classes: (non-hate total
	// weight) / (hate total weight). Set Balance to scale that.
	PosWeight float64
	// Balance multiplies the balancing PosWeight when PosWeight is 0 (1):
	// 0.5 gives hate half the balanced weight.
	Balance float64

	Features   FeatureSet // text features (AllFeatures)
	MinN, MaxN int        // character n-gram lengths (3, 5)

	Langs   []string // recorded in the model
	Trained string   // recorded in the model; "" describes the settings
}

func (c Config) withDefaults() Config {
	if c.Bits == 0 {
		c.Bits = DefaultBits
	}
	if c.Epochs == 0 {
		c.Epochs = 8
	}
	if c.LearningRate == 0 {
		c.LearningRate = 0.03
	}
	if c.Balance == 0 {
		c.Balance = 1
	}
	if c.Features == 0 {
		c.Features = AllFeatures
	}
	if c.Features&Chars != 0 && c.MinN == 0 && c.MaxN == 0 {
		c.MinN, c.MaxN = 3, 5
	}
	return c
}

// Describe returns the settings in a few words, as Train records them.
func (c Config) Describe() string {
	c = c.withDefaults()
	var f []string
	if c.Features&Words != 0 {
		f = append(f, "words")
	}
	if c.Features&Bigrams != 0 {
		f = append(f, "bigrams")
	}
	if c.Features&Chars != 0 {
		f = append(f, fmt.Sprintf("chars %d-%d", c.MinN, c.MaxN))
	}
	if c.Features&Placeholders != 0 {
		f = append(f, "placeholders")
	}
	pw := "balanced"
	if c.PosWeight != 0 {
		pw = fmt.Sprint(c.PosWeight)
	} else if c.Balance != 1 {
		pw = fmt.Sprintf("balanced×%g", c.Balance)
	}
	return fmt.Sprintf("logistic regression (AdaGrad lr %g, %d epochs, L2 %g, hate weight %s, seed %d) over %s hashed to %d bits, int8 weights",
		c.LearningRate, c.Epochs, c.L2, pw, c.Seed, strings.Join(f, ", "), c.Bits)
}

// Train fits a model to ex. It is deterministic: the same examples,
// normaliser behaviour and cfg give the same model, byte for byte. norm may
// be nil (a new Normalizer is used). The model's Threshold is 0.5; choose
// a better one on dev data with ChooseThreshold.
func Train(ex []Example, norm *normalize.Normalizer, cfg Config) (*Model, error) {
	cfg = cfg.withDefaults()
	m := &Model{Bits: cfg.Bits, Features: cfg.Features, Threshold: 0.5, Langs: slices.Clone(cfg.Langs), Trained: cfg.Trained}
	if cfg.Features&Chars != 0 {
		m.MinN, m.MaxN = cfg.MinN, cfg.MaxN
	}
	if m.Trained == "" {
		m.Trained = cfg.Describe()
	}
	m.Weights = make([]byte, 1<<min(max(cfg.Bits, 0), MaxBits))
	if err := m.Validate(); err != nil {
		return nil, err
	}
	switch {
	case len(ex) == 0:
		return nil, errors.New("model: no training examples")
	case cfg.Epochs < 0 || cfg.L2 < 0 || cfg.LearningRate < 0 || cfg.PosWeight < 0 || cfg.Balance < 0:
		return nil, errors.New("model: negative Epochs, L2, LearningRate, PosWeight or Balance")
	}
	if norm == nil {
		norm = normalize.New()
	}

	// Featurise once: feats[off[i]:off[i+1]], the first ntext[i] being text
	// features.
	f := newFeaturizer(m.Bits, m.Features, m.MinN, m.MaxN)
	var feats []uint32
	off := make([]int, 1, len(ex)+1)
	ntext := make([]int, len(ex))
	var posW, negW float64
	for i, e := range ex {
		if e.Weight < 0 || math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0) {
			return nil, fmt.Errorf("model: example %d has weight %v", i, e.Weight)
		}
		ntext[i] = f.text(norm.Normalize(e.Text))
		f.extras(e.Extra)
		feats = append(feats, f.feats...)
		off = append(off, len(feats))
		if e.Hate {
			posW += weight(e)
		} else {
			negW += weight(e)
		}
	}
	if posW == 0 || negW == 0 {
		return nil, errors.New("model: training needs both hate and non-hate examples")
	}
	pos := cfg.PosWeight
	if pos == 0 {
		pos = cfg.Balance * negW / posW
	}

	dim := m.Dim()
	w := make([]float64, dim)
	g2 := make([]float64, dim)
	var b, gb float64
	lr, l2 := cfg.LearningRate, cfg.L2
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	rng := splitmix(uint64(cfg.Seed))
	for range cfg.Epochs {
		for i := len(order) - 1; i > 0; i-- {
			j := int(rng.next() % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, i := range order {
			fs, nt := feats[off[i]:off[i+1]], ntext[i]
			tv := textValue(nt)
			z := b
			for k, p := range fs {
				x := value(p, k < nt, tv)
				z += x * w[p&indexMask]
			}
			y, cw := 0.0, weight(ex[i])
			if ex[i].Hate {
				y, cw = 1, cw*pos
			}
			g := (sigmoid(z) - y) * cw
			for k, p := range fs {
				j := p & indexMask
				gr := float64(g*value(p, k < nt, tv)) + float64(l2*w[j])
				g2[j] += float64(gr * gr)
				w[j] -= float64(lr * gr / math.Sqrt(g2[j]+1e-8))
			}
			gb += float64(g * g)
			b -= float64(lr * g / math.Sqrt(gb+1e-8))
		}
	}
	quantise(m, w)
	m.Bias = float32(b)
	return m, nil
}

func weight(e Example) float64 {
	if e.Weight == 0 {
		return 1
	}
	return e.Weight
}

// value is a packed feature's value: ±tv for text features, ±1 for extras.
func value(p uint32, text bool, tv float64) float64 {
	x := 1.0
	if text {
		x = tv
	}
	if p>>31 != 0 {
		return -x
	}
	return x
}

// quantise sets m's int8 weights and scale from w.
func quantise(m *Model, w []float64) {
	var big float64
	for _, v := range w {
		big = max(big, math.Abs(v))
	}
	if big == 0 {
		m.Scale = 0
		clear(m.Weights)
		return
	}
	m.Scale = float32(big / 127)
	s := float64(m.Scale)
	for i, v := range w {
		q := math.Round(v / s)
		q = max(-127, min(127, q))
		m.Weights[i] = byte(int8(q))
	}
}

// splitmix is SplitMix64: a small generator whose sequence never changes
// with the Go version.
type splitmix uint64

func (s *splitmix) next() uint64 {
	*s += 0x9E3779B97F4A7C15
	z := uint64(*s)
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

// ChooseThreshold returns a threshold on scores (flag when score >=
// threshold) near the best F1 of the hate class (labels[i] true) on a dev
// set: of the cuts whose F1 is within F1Plateau of the best, the median.
// Near its top F1 changes little over a wide range of thresholds, and the
// best cut alone jumps within it from one training to the next; the
// middle of the plateau moves little, so that a retrained model flags
// about as much as the last. Without any hate example it returns 0.5.
func ChooseThreshold(scores []float64, labels []bool) float32 {
	idx := make([]int, len(scores))
	P := 0
	for i := range idx {
		idx[i] = i
		if labels[i] {
			P++
		}
	}
	if P == 0 {
		return 0.5
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if scores[a] > scores[b] {
			return -1
		} else if scores[a] < scores[b] {
			return 1
		}
		return 0
	})
	// cuts[j] is how many of the top scores a cut flags, f1s[j] its F1.
	var cuts []int
	var f1s []float64
	bestF1, tp := -1.0, 0
	for k := 0; k < len(idx); {
		s := scores[idx[k]]
		for ; k < len(idx) && scores[idx[k]] == s; k++ {
			if labels[idx[k]] {
				tp++
			}
		}
		f1 := 2 * float64(tp) / float64(k+P)
		cuts, f1s = append(cuts, k), append(f1s, f1)
		bestF1 = max(bestF1, f1)
	}
	var plateau []int
	for j, f1 := range f1s {
		if f1 >= bestF1-F1Plateau {
			plateau = append(plateau, cuts[j])
		}
	}
	best := plateau[len(plateau)/2]
	lo := scores[idx[best-1]] // the lowest flagged score
	mid := lo
	if best < len(idx) {
		mid = (lo + scores[idx[best]]) / 2
	}
	t := float32(mid)
	if float64(t) > lo {
		t = math.Nextafter32(t, float32(math.Inf(-1)))
	}
	return t
}

// F1Plateau is how far below the best F1 a cut may be and still count
// as near it, for ChooseThreshold.
const F1Plateau = 0.01

// F1 returns the precision, recall and F1 of the hate class when scores
// >= threshold are flagged.
func F1(scores []float64, labels []bool, threshold float32) (precision, recall, f1 float64) {
	var tp, fp, fn float64
	for i, s := range scores {
		switch flag := s >= float64(threshold); {
		case flag && labels[i]:
			tp++
		case flag:
			fp++
		case labels[i]:
			fn++
		}
	}
	if tp+fp > 0 {
		precision = tp / (tp + fp)
	}
	if tp+fn > 0 {
		recall = tp / (tp + fn)
	}
	if tp > 0 {
		f1 = 2 * tp / (2*tp + fp + fn)
	}
	return
}
