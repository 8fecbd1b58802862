package model

import (
	"unicode/utf8"

	"voile/shared/normalize"
)

// FNV-1a 64.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Namespaces: the first byte hashed for each kind of feature, so that the
// kinds cannot collide by construction (only by the hashing into buckets).
const (
	nsWord   = 'w'
	nsBigram = 'b'
	nsChar   = 'c'
	nsExtra  = 'x'
)

// mixMul spreads FNV's bits before the top ones choose a bucket.
const mixMul = 0x9E3779B97F4A7C15

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func fnvBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// Feature returns the hash of a named extra feature, such as
// "frame:dehumanise" or "cue:negation", for Score's extra argument.
func Feature(name string) uint64 {
	h := fnvByte(fnvOffset, nsExtra)
	for i := 0; i < len(name); i++ {
		h = fnvByte(h, name[i])
	}
	return h
}

// bucket maps a feature hash to a packed weight index: the index in the low
// bits, the sign (1 = negative) in bit 31.
func bucket(h uint64, bits uint) uint32 {
	m := h * mixMul
	return uint32(m>>(64-bits)) | uint32(m>>(63-bits))&1<<31
}

const indexMask = 1<<31 - 1

// Kind is the kind of a feature, in explanations.
type Kind uint8

const (
	KindWord Kind = iota
	KindBigram
	KindChar
	KindExtra
)

func (k Kind) String() string {
	switch k {
	case KindWord:
		return "word"
	case KindBigram:
		return "bigram"
	case KindChar:
		return "chars"
	case KindExtra:
		return "extra"
	}
	return "unknown"
}

// origin says where a feature came from, for explanations: for words and
// bigrams a and b are word indexes; for n-grams word is the word and a:b
// the byte span in the padded word; for extras a is the index.
type origin struct {
	kind Kind
	word int32
	a, b int32
}

// featurizer turns texts into packed weight indexes. Its buffers are
// reused: after warm-up it allocates nothing.
type featurizer struct {
	bits       uint
	set        FeatureSet
	minN, maxN int

	feats   []uint32 // packed indexes (see bucket)
	origins []origin // when explaining: where each feature came from
	explain bool
	pad     []byte  // the current word with a space on each side
	runes   []int32 // rune starts in pad, then len(pad)
}

func newFeaturizer(bits int, set FeatureSet, minN, maxN int) *featurizer {
	return &featurizer{bits: uint(bits), set: set, minN: minN, maxN: maxN}
}

func (f *featurizer) add(h uint64, o origin) {
	f.feats = append(f.feats, bucket(h, f.bits))
	if f.explain {
		f.origins = append(f.origins, o)
	}
}

// text replaces f.feats by the text features of t and returns their number.
func (f *featurizer) text(t *normalize.Text) int {
	f.feats = f.feats[:0]
	f.origins = f.origins[:0]
	for i := range t.Words {
		w := t.WordText(i)
		placeholder := f.set&Placeholders != 0 && string(w) == Placeholder
		if f.set&Words != 0 && !placeholder {
			f.add(fnvBytes(fnvByte(fnvOffset, nsWord), w), origin{KindWord, int32(i), int32(i), int32(i)})
		}
		if f.set&Bigrams != 0 && i > 0 {
			h := fnvBytes(fnvByte(fnvOffset, nsBigram), t.WordText(i-1))
			h = fnvBytes(fnvByte(h, ' '), w)
			f.add(h, origin{KindBigram, int32(i), int32(i - 1), int32(i)})
		}
		if f.set&Chars != 0 && !placeholder {
			f.chars(i, w)
		}
	}
	return len(f.feats)
}

// chars adds the character n-grams of word i, w, padded with spaces.
func (f *featurizer) chars(i int, w []byte) {
	pad := append(append(append(f.pad[:0], ' '), w...), ' ')
	f.pad = pad
	h0 := fnvByte(fnvOffset, nsChar)
	minN, maxN := f.minN, f.maxN
	ascii := true
	for _, c := range w {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for s := 0; s+minN <= len(pad); s++ {
			h := h0
			for e := s; e < s+maxN && e < len(pad); e++ {
				h = fnvByte(h, pad[e])
				if e+1-s >= minN {
					f.add(h, origin{KindChar, int32(i), int32(s), int32(e + 1)})
				}
			}
		}
		return
	}
	r := f.runes[:0]
	for k := 0; k < len(pad); {
		r = append(r, int32(k))
		_, size := utf8.DecodeRune(pad[k:])
		k += size
	}
	r = append(r, int32(len(pad)))
	f.runes = r
	nr := len(r) - 1
	for s := 0; s+minN <= nr; s++ {
		h := h0
		for e := s; e < s+maxN && e < nr; e++ {
			h = fnvBytes(h, pad[r[e]:r[e+1]])
			if e+1-s >= minN {
				f.add(h, origin{KindChar, int32(i), r[s], r[e+1]})
			}
		}
	}
}

// extras appends the extra features.
func (f *featurizer) extras(extra []uint64) {
	for k, h := range extra {
		f.add(h, origin{KindExtra, -1, int32(k), int32(k)})
	}
}
