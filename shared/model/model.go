package model

import (
	"encoding/binary"
	"errors"
	"math"
	"strconv"

	"voile/shared/internal/errwrap"
)

// Magic starts every encoded model; FormatVersion follows it.
const (
	Magic         = "VOILEMDL"
	FormatVersion = 1
)

// Limits on Bits, the number of hash bits (dim = 1<<Bits).
const (
	MinBits     = 10
	MaxBits     = 22
	DefaultBits = 18
)

// MaxNgram is the longest character n-gram a model may use.
const MaxNgram = 8

// FeatureSet says which kinds of text features a model uses.
type FeatureSet uint8

const (
	Words   FeatureSet = 1 << iota // word unigrams
	Bigrams                        // word bigrams
	Chars                          // character n-grams MinN..MaxN of each padded word
	// Placeholders: the word Placeholder gives no unigram and no
	// character n-grams, only its bigrams with its neighbours.
	Placeholders

	AllFeatures = Words | Bigrams | Chars | Placeholders
)

// Placeholder is the word a caller writes in place of a span it masks
// (verdict writes it for each group a post names). Under Placeholders a
// model weighs what stands around it ("hate qgroupq", "qgroupq are") and
// not its presence: a post that only names a group is not, by that alone,
// more likely to be hate, which the corpora, where groups are named
// mostly in hate, would otherwise teach. It is lower-case ASCII letters,
// so normalising it gives it back.
const Placeholder = "qgroupq"

// Model is a logistic regression over hashed features, with int8 weights.
//
// P(hate) = sigmoid(Bias + Scale * (Σ_text sign·int8(w[i]) / sqrt(N) + Σ_extra sign·int8(w[i]))),
// N being the number of text features of the post (see the package doc).
type Model struct {
	Bits       int        // hash bits: len(Weights) == 1<<Bits
	Features   FeatureSet // which text features are hashed
	MinN, MaxN int        // character n-gram lengths (0, 0 without Chars)

	Weights   []byte  // 1<<Bits weights, each an int8
	Scale     float32 // weight i is Scale * int8(Weights[i])
	Bias      float32
	Threshold float32 // decision threshold on P(hate), chosen on dev data

	Langs   []string // the languages it was trained for ("en", "fr")
	Trained string   // free text: data and settings, no date
}

// Dim returns the number of weights, 1<<Bits.
func (m *Model) Dim() int { return 1 << m.Bits }

// Validate reports what makes m unfit to encode or score.
func (m *Model) Validate() error {
	switch {
	case m.Bits < MinBits || m.Bits > MaxBits:
		return errors.New("model: " + strconv.Itoa(m.Bits) + " hash bits, want " + strconv.Itoa(MinBits) + " to " + strconv.Itoa(MaxBits))
	case m.Features&^AllFeatures != 0:
		return errors.New("model: unknown feature flags 0x" + strconv.FormatUint(uint64(uint8(m.Features&^AllFeatures)), 16))
	case m.Features&Chars != 0 && (m.MinN < 1 || m.MinN > m.MaxN || m.MaxN > MaxNgram):
		return errors.New("model: character n-grams " + strconv.Itoa(m.MinN) + ".." + strconv.Itoa(m.MaxN) + ", want 1 <= min <= max <= " + strconv.Itoa(MaxNgram))
	case m.Features&Chars == 0 && (m.MinN != 0 || m.MaxN != 0):
		return errors.New("model: character n-grams " + strconv.Itoa(m.MinN) + ".." + strconv.Itoa(m.MaxN) + " without the Chars feature, want 0..0")
	case len(m.Weights) != 1<<m.Bits:
		return errors.New("model: " + strconv.Itoa(len(m.Weights)) + " weights for " + strconv.Itoa(m.Bits) + " hash bits, want " + strconv.Itoa(1<<m.Bits))
	case !finite(m.Scale) || m.Scale < 0:
		return errors.New("model: weight scale " + formatFloat(m.Scale) + ", want a finite number >= 0")
	case !finite(m.Bias):
		return errors.New("model: bias " + formatFloat(m.Bias) + " is not finite")
	case !finite(m.Threshold):
		return errors.New("model: threshold " + formatFloat(m.Threshold) + " is not finite")
	case len(m.Langs) > math.MaxUint8:
		return errors.New("model: " + strconv.Itoa(len(m.Langs)) + " languages, at most " + strconv.Itoa(math.MaxUint8))
	case len(m.Trained) > math.MaxUint16:
		return errors.New("model: Trained description of " + strconv.Itoa(len(m.Trained)) + " bytes, at most " + strconv.Itoa(math.MaxUint16))
	}
	for _, l := range m.Langs {
		if len(l) > math.MaxUint8 {
			return errors.New("model: language name of " + strconv.Itoa(len(l)) + " bytes, at most " + strconv.Itoa(math.MaxUint8))
		}
	}
	return nil
}

func finite(f float32) bool { return !math.IsNaN(float64(f)) && !math.IsInf(float64(f), 0) }

// formatFloat writes f as fmt's %v does.
func formatFloat(f float32) string { return strconv.FormatFloat(float64(f), 'g', -1, 32) }

// Encode returns m in Voile's binary model format, little-endian:
//
//	"VOILEMDL" version:u8 bits:u8 features:u8 minN:u8 maxN:u8
//	scale:f32 bias:f32 threshold:f32
//	nlangs:u8 { len:u8 bytes }  trained: len:u16 bytes  weights: len:u32 bytes
//
// It panics if m is not valid (see Validate); Train's models are.
func (m *Model) Encode() []byte {
	if err := m.Validate(); err != nil {
		panic(err)
	}
	n := len(Magic) + 5 + 12 + 1 + 2 + len(m.Trained) + 4 + len(m.Weights)
	for _, l := range m.Langs {
		n += 1 + len(l)
	}
	b := make([]byte, 0, n)
	b = append(b, Magic...)
	b = append(b, FormatVersion, byte(m.Bits), byte(m.Features), byte(m.MinN), byte(m.MaxN))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Scale))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Bias))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Threshold))
	b = append(b, byte(len(m.Langs)))
	for _, l := range m.Langs {
		b = append(b, byte(len(l)))
		b = append(b, l...)
	}
	b = binary.LittleEndian.AppendUint16(b, uint16(len(m.Trained)))
	b = append(b, m.Trained...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.Weights)))
	b = append(b, m.Weights...)
	return b
}

// ErrTruncated is wrapped by Decode's error for data that ends early.
var ErrTruncated = errors.New("truncated model data")

// reader reads little-endian fields and remembers the first shortfall.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) next(n int, what string) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b)-r.off {
		r.err = errwrap.Wrap("model: ", ErrTruncated, ": "+what+" needs "+strconv.Itoa(n)+" bytes at offset "+strconv.Itoa(r.off)+", "+strconv.Itoa(len(r.b)-r.off)+" left")
		return nil
	}
	s := r.b[r.off : r.off+n : r.off+n]
	r.off += n
	return s
}

func (r *reader) u8(what string) int {
	if s := r.next(1, what); s != nil {
		return int(s[0])
	}
	return 0
}

func (r *reader) u16(what string) int {
	if s := r.next(2, what); s != nil {
		return int(binary.LittleEndian.Uint16(s))
	}
	return 0
}

func (r *reader) u32(what string) uint32 {
	if s := r.next(4, what); s != nil {
		return binary.LittleEndian.Uint32(s)
	}
	return 0
}

func (r *reader) f32(what string) float32 { return math.Float32frombits(r.u32(what)) }

// Decode parses a model written by Encode. It refuses a wrong magic, an
// unknown format version, truncated data, trailing bytes and invalid fields
// (see Validate). The model does not share memory with data.
func Decode(data []byte) (*Model, error) {
	if len(data) < len(Magic) || string(data[:len(Magic)]) != Magic {
		return nil, errors.New("model: not a Voile model (want the " + strconv.Quote(Magic) + " magic prefix)")
	}
	r := &reader{b: data, off: len(Magic)}
	v := r.u8("format version")
	if r.err == nil && v != FormatVersion {
		return nil, errors.New("model: unknown format version " + strconv.Itoa(v) + " (this build reads " + strconv.Itoa(FormatVersion) + ")")
	}
	m := &Model{}
	m.Bits = r.u8("bits")
	m.Features = FeatureSet(r.u8("features"))
	m.MinN = r.u8("n-gram min")
	m.MaxN = r.u8("n-gram max")
	m.Scale = r.f32("scale")
	m.Bias = r.f32("bias")
	m.Threshold = r.f32("threshold")
	if r.err == nil && (m.Bits < MinBits || m.Bits > MaxBits) {
		// Checked early, so that the weights length check below is sane.
		return nil, errors.New("model: " + strconv.Itoa(m.Bits) + " hash bits, want " + strconv.Itoa(MinBits) + " to " + strconv.Itoa(MaxBits))
	}
	nl := r.u8("language count")
	for i := 0; i < nl && r.err == nil; i++ {
		n := r.u8("language length")
		m.Langs = append(m.Langs, string(r.next(n, "language")))
	}
	m.Trained = string(r.next(r.u16("description length"), "description"))
	nw := r.u32("weights length")
	if r.err == nil && int64(nw) != int64(1)<<m.Bits {
		return nil, errors.New("model: " + strconv.FormatUint(uint64(nw), 10) + " weights for " + strconv.Itoa(m.Bits) + " hash bits, want " + strconv.Itoa(1<<m.Bits))
	}
	if w := r.next(int(nw), "weights"); w != nil {
		m.Weights = append([]byte(nil), w...)
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.off != len(data) {
		return nil, errors.New("model: " + strconv.Itoa(len(data)-r.off) + " trailing bytes after the weights")
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return m, nil
}
