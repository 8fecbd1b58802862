package normalize

//go:generate go run gen_decompose.go

import (
	"slices"
	"unicode/utf8"
)

// decompose appends to dst the compatibility decomposition (NFKD) of r,
// which is r itself for most runes. It reads the table that
// gen_decompose.go makes from golang.org/x/text/unicode/norm, so that the
// classifier does not link that package; TestDecompose checks every rune
// against it.
func decompose(dst []byte, r rune) []byte {
	if hangulFirst <= r && r <= hangulLast {
		return decomposeHangul(dst, r)
	}
	i, ok := slices.BinarySearch(decompRunes[:], r)
	if !ok {
		return utf8.AppendRune(dst, r)
	}
	start := uint16(0)
	if i > 0 {
		start = decompEnds[i-1]
	}
	return append(dst, decompText[start:decompEnds[i]]...)
}

// The Hangul syllables, 11,172 of them, decompose into a leading
// consonant, a vowel and maybe a trailing consonant by arithmetic
// (Unicode, chapter 3.12): listing them would triple the table.
const (
	hangulFirst = 0xAC00
	hangulLast  = 0xD7A3
	jamoL       = 0x1100 // the first leading consonant
	jamoV       = 0x1161 // the first vowel
	jamoT       = 0x11A7 // one before the first trailing consonant
	jamoVCount  = 21
	jamoTCount  = 28
)

func decomposeHangul(dst []byte, r rune) []byte {
	s := r - hangulFirst
	dst = utf8.AppendRune(dst, jamoL+s/(jamoVCount*jamoTCount))
	dst = utf8.AppendRune(dst, jamoV+s%(jamoVCount*jamoTCount)/jamoTCount)
	if t := s % jamoTCount; t != 0 {
		dst = utf8.AppendRune(dst, jamoT+t)
	}
	return dst
}
