package shortkey

import "encoding/binary"

// MaxLen is the length of the longest word a Key holds.
const MaxLen = 16

// A Key is a word of 1 to MaxLen bytes: its bytes and its length. The
// zero Key, of length 0, is no word's: it marks an empty slot.
type Key struct{ Lo, Hi, N uint64 }

// Of returns the Key of b, and false if b is empty or longer than MaxLen.
func Of(b []byte) (Key, bool) {
	if len(b) == 0 || len(b) > MaxLen {
		return Key{}, false
	}
	k := Key{N: uint64(len(b))}
	if len(b) >= 8 {
		k.Lo = binary.LittleEndian.Uint64(b)
		for i, c := range b[8:] {
			k.Hi |= uint64(c) << (8 * i)
		}
		return k, true
	}
	for i, c := range b {
		k.Lo |= uint64(c) << (8 * i)
	}
	return k, true
}
