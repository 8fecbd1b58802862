package normalize

import (
	"encoding/binary"
	"math/bits"
	"sync/atomic"
	"unicode/utf8"
)

// The fast path normalises a text in one pass over its bytes, without the
// units and tokens of the general path, for the texts where no token
// joins its neighbours: most posts. A token then is a word of its own, and
// the fast path writes it straight into Norm, with the same case folding,
// leetspeak, shortened runs, flags, guesses and offsets as the general
// path (FuzzFastPath checks that they agree).
//
// Tokens join only when a single character stands next to a gap of one
// dot (n.ame, u.s.a) or when three single characters or more follow one
// another (h a t e). The fast path gives up on the first sign of either,
// and on the few symbols whose meaning depends on their neighbours (a '!'
// between letters, a look-alike that folds into a letter and a
// separator), and the general path starts over.

// A folded rune outside ASCII: what it becomes, and what its units are.
type folded struct {
	s    string
	kind uint8 // foldEmpty, foldToken, foldGap or foldMixed
	// For foldToken: whether a unit is a letter, whether one is not a
	// leet symbol, and whether the first unit is '@'.
	letter, word, at bool
	// For foldGap: the units, all dots, and the last rune.
	units int32
	dots  bool
	last  rune
}

const (
	foldEmpty uint8 = iota // invisible: no unit at all
	foldToken              // letters, digits and leet symbols only
	foldGap                // separators only
	foldMixed              // both: the fast path gives up
)

func makeFolded(r rune) folded {
	f := folded{s: foldRune(r)}
	if f.s == "" {
		return f
	}
	tok, gap := false, false
	first := true
	f.dots = true
	for _, c := range f.s {
		cls := class(c)
		if cls <= clsLeet {
			tok = true
			f.letter = f.letter || cls == clsLetter
			f.word = f.word || cls != clsLeet
			if first {
				f.at = c == '@'
			}
		} else {
			gap = true
			f.dots = f.dots && cls == clsDot
		}
		first = false
		f.units++
		f.last = c
	}
	switch {
	case tok && gap:
		f.kind = foldMixed
	case tok:
		f.kind = foldToken
	default:
		f.kind = foldGap
	}
	return f
}

// smallFolds holds the folded runes of two-byte UTF-8 (U+0080 to
// U+07FF: Latin, Greek, Cyrillic, Hebrew, Arabic), shared by every
// Normalizer, each folded when first met. Folding all of them in a package
// init cost 42-47 ms in WebAssembly on the way to the classifier's first
// verdict, for the few a post holds.
var smallFolds [0x800 - 0x80]atomic.Pointer[folded]

// lookup returns what r, outside ASCII, folds to.
func (n *Normalizer) lookup(r rune) *folded {
	if r < 0x800 {
		p := &smallFolds[r-0x80]
		if f := p.Load(); f != nil {
			return f
		}
		// Two goroutines may fold r at once: they store equal values.
		f := makeFolded(r)
		p.Store(&f)
		return &f
	}
	f, ok := n.fold[r]
	if !ok {
		v := makeFolded(r)
		f = &v
		n.fold[r] = f
	}
	return f
}

// letterLower maps the bytes of ASCII letters to their lower case, and
// every other byte to 0.
var letterLower = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

var lowerASCII = func() (t [utf8.RuneSelf]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] += 'a' - 'A'
		}
	}
	return t
}()

// fast normalises src in one pass and reports whether it could; when it
// could not, Text holds garbage and the general path must run.
func (n *Normalizer) fast(src string) bool {
	n.Norm = n.Norm[:0]
	n.orig = n.orig[:0]
	n.marks = n.marks[:0]
	n.Words = n.Words[:0]
	if cap(n.Norm) < len(src)+1 || cap(n.orig) < cap(n.Norm) {
		n.Norm = make([]byte, 0, len(src)+len(src)/4+1)
		n.orig = make([]span, 0, cap(n.Norm))
	}
	if cap(n.Words) < len(src)/2+1 {
		n.Words = make([]Word, 0, len(src)/2+1) // words and gaps alternate
	}
	// Singles among the last two tokens: bit 0 the last, bit 1 the one
	// before.
	singles := uint8(0)
	tokens := 0
	var gapSpan span // the last unit before the token
	i := 0
	for i < len(src) {
		// The gap: separators, and invisible characters that count for
		// nothing.
		gapUnits, gapDots, gapLast := 0, true, rune(0)
		for i < len(src) {
			c := src[i]
			if c < utf8.RuneSelf {
				cls := asciiClass[c]
				if cls <= clsLeet {
					if c == '@' && i+1 < len(src) && src[i+1] >= utf8.RuneSelf {
						return false // what follows decides whether it is a mention
					}
					if c != '@' || i+1 >= len(src) || asciiClass[src[i+1]] != clsLetter {
						break
					}
					// An '@' that starts a word is a mention, a separator.
					cls = clsSpace
				}
				gapUnits++
				gapDots = gapDots && cls == clsDot
				gapLast = rune(c)
				gapSpan = span{int32(i), int32(i + 1)}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(src[i:])
			f := n.lookup(r)
			switch f.kind {
			case foldEmpty:
				i += size
				continue
			case foldGap:
				gapUnits += int(f.units)
				gapDots = gapDots && f.dots
				gapLast = f.last
				gapSpan = span{int32(i), int32(i + size)}
				i += size
				continue
			case foldMixed:
				return false
			}
			if f.at {
				return false
			}
			break
		}
		if i >= len(src) {
			break
		}
		if gapUnits == 1 && gapLast == '!' {
			return false // n!gger
		}

		// The token. Most are ASCII letters alone, written as they are
		// read; the others are measured, then written by emitToken.
		start := i
		k := len(n.Norm)
		if cap(n.Norm)-k < len(src)-i+1 {
			n.grow(len(src) - i + 1)
		}
		norm, orig := n.Norm[:cap(n.Norm)], n.orig[:cap(n.Norm)]
		if len(n.Words) > 0 {
			norm[k], orig[k] = ' ', gapSpan
			k++
		}
		// The word's fields stay in registers until it is written whole
		// into Words: a Word built on the stack and copied in cost 6 % of
		// a classification natively (its four-byte stores, read back as
		// one sixteen-byte load, stall the load).
		wStart, wMarks, wFlags := int32(k), int32(len(n.marks)), Flags(0)
		last, run := byte(0), 0
		if i+8 <= len(src) && k+8 <= len(norm) {
			i, k, last, run = asciiLetters8(src, i, norm, orig, k)
		}
		for i < len(src) {
			b := letterLower[src[i]]
			if b == 0 {
				break
			}
			if b == last {
				run++
				if run >= 3 {
					wFlags |= LongRun
					if run == 3 {
						n.marks = append(n.marks, mark{int32(k - 1), LongRun})
					}
					orig[k-1].end = int32(i + 1)
					i++
					continue
				}
			} else {
				last, run = b, 1
			}
			norm[k], orig[k] = b, span{int32(i), int32(i + 1)}
			k++
			i++
		}
		units := i - start
		pure := i >= len(src) || src[i] < utf8.RuneSelf && asciiClass[src[i]] > clsLeet
		letter, word := units > 0, units > 0
		need := 1 + units
		if !pure {
			// Measure the rest of the token.
			for i < len(src) {
				c := src[i]
				if c < utf8.RuneSelf {
					cls := asciiClass[c]
					if cls > clsLeet {
						break
					}
					letter = letter || cls == clsLetter
					word = word || cls != clsLeet
					units++
					need++
					i++
					continue
				}
				r, size := utf8.DecodeRuneInString(src[i:])
				f := n.lookup(r)
				if f.kind == foldGap {
					break
				}
				if f.kind == foldMixed {
					return false
				}
				if f.kind == foldToken {
					letter = letter || f.letter
					word = word || f.word
					units += int(f.units)
					need += len(f.s)
				}
				i += size
			}
		}

		single := uint8(0)
		if units == 1 {
			single = 1
		}
		if tokens > 0 {
			if single&singles&(singles>>1) != 0 {
				return false // three single characters in a row
			}
			if (single|singles)&1 != 0 && gapUnits == 1 && gapDots {
				return false // a single character next to a dot
			}
		}
		singles = singles<<1 | single
		tokens++
		if pure {
			n.Norm, n.orig = norm[:k], orig[:k]
			n.Words = append(n.Words, Word{})
			w := &n.Words[len(n.Words)-1]
			w.Start, w.End, w.Flags = wStart, int32(k), wFlags
			w.marks[0], w.marks[1] = wMarks, int32(len(n.marks))
			continue
		}
		n.marks = n.marks[:wMarks]
		if word {
			n.emitToken(start, i, letter, need, gapSpan)
		}
	}
	return true
}

// asciiLetters8 writes the ASCII letters that start src[i:i+8] into norm
// and orig from k, lower-cased, reading the eight bytes as one number:
// most words are that short. It returns where it stopped in both, the
// last letter and how many times in a row it came; it writes nothing when
// a letter comes three times in a row (a run to shorten, which the loop
// after it does). The caller makes sure that src, norm and orig hold
// eight bytes from i and k.
func asciiLetters8(src string, i int, norm []byte, orig []span, k int) (int, int, byte, int) {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	s := src[i : i+8]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	y := x | 0x20*ones // lower case, for the bytes that are letters
	// A byte is a letter when y is in ['a', 'z']: y+0x1f reaches 0x80
	// from 'a', y+0x05 from '{'. A byte of 0x80 or more is none, and may
	// carry into the bytes after it, which are not read.
	letters := (y + 0x1f*ones) &^ (y + 0x05*ones) & high
	n := bits.TrailingZeros64(^letters&high) / 8 // letters before the first byte that is none
	if n == 0 {
		return i, k, 0, 0
	}
	// zero marks the bytes of y ^ y<<8 that are 0: a letter that repeats
	// the one before. Two marks in a row are a run of three.
	d := y ^ y<<8
	zero := ^((d&(0x7f*ones) + 0x7f*ones) | d) & high
	if zero&(zero<<8)&(1<<(8*n)-1) != 0 {
		return i, k, 0, 0
	}
	// All eight bytes and spans are written, without a loop: those past
	// the letters are written over by what follows, or lie past the end.
	binary.LittleEndian.PutUint64(norm[k:k+8], y)
	o, at := orig[k:k+8:k+8], int32(i)
	o[0], o[1], o[2], o[3] = span{at, at + 1}, span{at + 1, at + 2}, span{at + 2, at + 3}, span{at + 3, at + 4}
	o[4], o[5], o[6], o[7] = span{at + 4, at + 5}, span{at + 5, at + 6}, span{at + 6, at + 7}, span{at + 7, at + 8}
	last, run := byte(y>>(8*(n-1))), 1
	if n >= 2 && zero>>(8*(n-1))&0x80 != 0 {
		run = 2
	}
	return i + n, k + n, last, run
}

// grow makes room for need more bytes in Norm.
func (n *Normalizer) grow(need int) {
	k := len(n.Norm)
	norm := make([]byte, k, 2*cap(n.Norm)+need)
	copy(norm, n.Norm)
	orig := make([]span, k, cap(norm))
	copy(orig, n.orig)
	n.Norm, n.orig = norm, orig
}

// emitToken writes src[start:end], one token, as one word: what
// emitWord does for a word of one token.
func (n *Normalizer) emitToken(start, end int, hasLetter bool, need int, gap span) {
	src := n.src
	norm, orig := n.Norm, n.orig
	k := len(norm)
	if cap(norm)-k < need {
		n.grow(need)
		norm, orig = n.Norm, n.orig
	}
	norm, orig = norm[:cap(norm)], orig[:cap(norm)]
	if len(n.Words) > 0 {
		norm[k], orig[k] = ' ', gap
		k++
	}
	w := Word{Start: int32(k), marks: [2]int32{int32(len(n.marks)), 0}}
	var last1 rune
	run := 0
	for i := start; i < end; {
		c := src[i]
		if c < utf8.RuneSelf {
			r := rune(lowerASCII[c])
			out, from1 := r, false
			if hasLetter && asciiClass[c] != clsLetter {
				from1 = r == '1'
				out = leet[r]
			}
			if r == last1 {
				run++
				if run >= 3 {
					w.Flags |= LongRun
					if run == 3 {
						n.marks = append(n.marks, mark{int32(k - 1), LongRun})
					}
					for j := k - 1; j >= int(w.Start) && orig[j].start == orig[k-1].start; j-- {
						orig[j].end = int32(i + 1)
					}
					i++
					continue
				}
			} else {
				last1, run = r, 1
			}
			if from1 {
				w.Flags |= Leet1
				n.marks = append(n.marks, mark{int32(k), Leet1})
			}
			norm[k], orig[k] = byte(out), span{int32(i), int32(i + 1)}
			k++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		f := n.lookup(r)
		u := span{int32(i), int32(i + size)}
		for _, r := range f.s {
			k = n.emitUnit(norm, orig, k, &w, r, u, hasLetter, &last1, &run)
		}
		i += size
	}
	n.Norm, n.orig = norm[:k], orig[:k]
	w.End = int32(k)
	w.marks[1] = int32(len(n.marks))
	n.Words = append(n.Words, w)
}

// emitUnit writes one unit of a rune outside ASCII, as emitWord does, and
// returns the new length of norm.
func (n *Normalizer) emitUnit(norm []byte, orig []span, k int, w *Word, ur rune, u span, hasLetter bool, last1 *rune, run *int) int {
	r, from1 := ur, false
	if hasLetter && r < utf8.RuneSelf && asciiClass[r] != clsLetter {
		from1 = r == '1'
		r = leet[r]
	}
	if ur == *last1 {
		*run++
		if *run >= 3 {
			w.Flags |= LongRun
			if *run == 3 && r < utf8.RuneSelf {
				n.marks = append(n.marks, mark{int32(k - 1), LongRun})
			}
			for j := k - 1; j >= int(w.Start) && orig[j].start == orig[k-1].start; j-- {
				orig[j].end = u.end
			}
			return k
		}
	} else {
		*last1, *run = ur, 1
	}
	if from1 {
		w.Flags |= Leet1
		n.marks = append(n.marks, mark{int32(k), Leet1})
	}
	if r < utf8.RuneSelf {
		norm[k], orig[k] = byte(r), u
		return k + 1
	}
	size := utf8.EncodeRune(norm[k:], r)
	for range size {
		orig[k] = u
		k++
	}
	return k
}
