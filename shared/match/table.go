package match

import (
	"encoding/binary"
	"math/bits"
)

// The automaton steps once per word, and each step looks the word up in
// the dictionary and then its transition out of the current state. Go's
// maps did both and were most of the walk's time: hashing a string key,
// then finding its group. These two tables are open-addressed with linear
// probing, at most half full (the transitions' four fifths: newEdgeTable),
// and keep what a lookup compares in the slot
// itself: a lookup reads one slot, or a few neighbours, and nothing else
// unless a word is longer than eight bytes.

// wordTable maps dictionary keys to word ids (from 1).
type wordTable struct {
	slots []wordSlot
	shift uint8    // 64 - log2(len(slots)): the high bits of a hash choose the slot
	words []string // id → key; words[0] is unused
}

// A wordSlot holds one word: its length, and the word itself packed into
// key when it has at most eight bytes (most words), else its hash, which
// only a comparison of the words confirms. id is 0 in an empty slot.
type wordSlot struct {
	key     uint64
	id, len uint32
}

func newWordTable(capacity int) *wordTable {
	t := &wordTable{words: make([]string, 1, capacity+1)}
	t.resize(capacity)
	return t
}

// resize makes room for n words at most half full, and rehashes.
func (t *wordTable) resize(n int) {
	size := tableSize(n)
	t.slots = make([]wordSlot, size)
	t.shift = uint8(64 - bits.TrailingZeros(uint(size)))
	for id, w := range t.words[1:] {
		k, h := hashKey([]byte(w))
		t.place(wordSlot{key: k, id: uint32(id + 1), len: uint32(len(w))}, h)
	}
}

func (t *wordTable) place(s wordSlot, h uint64) {
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		if t.slots[i].id == 0 {
			t.slots[i] = s
			return
		}
	}
}

// len returns the number of words.
func (t *wordTable) len() int { return len(t.words) - 1 }

// find returns the id of key, or 0.
func (t *wordTable) find(key []byte) uint32 {
	if len(key) <= 8 {
		return t.findShort(pack(key), len(key))
	}
	k, h := hashKey(key)
	n := uint32(len(key))
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == k && s.len == n && s.id != 0 && t.words[s.id] == string(key) {
			return s.id
		}
		if s.id == 0 {
			return 0
		}
	}
}

// findShort returns the id of the key of n bytes, at most eight, packed
// into k (pack), or 0.
func (t *wordTable) findShort(k uint64, n int) uint32 {
	h := shortHash(k, n)
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == k && s.len == uint32(n) && s.id != 0 {
			return s.id
		}
		if s.id == 0 {
			return 0
		}
	}
}

// findKeyOf returns the id of the dictionary key of the normalised word w
// (appendKey's), or 0. A key of at most eight bytes, most of them, is
// packed straight from w; a longer one is written into buf.
func (t *wordTable) findKeyOf(w []byte, buf *[]byte) uint32 {
	n := len(w)
	cut, y := n, false
	switch {
	case n >= 5 && w[n-3] == 'i' && w[n-2] == 'e' && w[n-1] == 's':
		cut, y = n-3, true
	case n >= 4 && (w[n-1] == 's' || w[n-1] == 'x') && w[n-2] != 's':
		cut = n - 1
	}
	size := cut
	if y {
		size++
	}
	if size > 8 {
		*buf = appendKey((*buf)[:0], w)
		return t.find(*buf)
	}
	k := pack(w[:cut])
	if y {
		k |= 'y' << (8 * cut)
	}
	// findShort's loop, here: a call per word costs, in WebAssembly
	// most of all, and most words are short.
	h := shortHash(k, size)
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == k && s.len == uint32(size) && s.id != 0 {
			return s.id
		}
		if s.id == 0 {
			return 0
		}
	}
}

// pack returns the bytes of b, at most eight, as a little-endian number.
// Keys hold no zero byte, so that the number and the length tell keys
// apart. When b's array has eight bytes from its start, as the words of a
// normalised text mostly do, it reads them at once and masks what is not
// b's.
func pack(b []byte) uint64 {
	if cap(b) >= 8 {
		return binary.LittleEndian.Uint64(b[:8]) & (1<<(8*len(b)) - 1)
	}
	var k uint64
	for i, c := range b {
		k |= uint64(c) << (8 * i)
	}
	return k
}

func shortHash(k uint64, n int) uint64 {
	h := (k ^ uint64(n)) * 0x9e3779b97f4a7c15
	return h ^ h>>29
}

// add returns the id of key, adding it if it is new, and whether it was.
func (t *wordTable) add(key []byte) (id uint32, added bool) {
	if id := t.find(key); id != 0 {
		return id, false
	}
	t.words = append(t.words, string(key))
	id = uint32(len(t.words) - 1)
	if 2*len(t.words) > len(t.slots) {
		t.resize(len(t.words)) // places key with the others
	} else {
		k, h := hashKey(key)
		t.place(wordSlot{key: k, id: id, len: uint32(len(key))}, h)
	}
	return id, true
}

// hashKey returns what a slot keeps of key (key itself, packed, if it has
// at most eight bytes, else its hash) and the hash that chooses its slot.
// It reads eight bytes at a time: words are short, and a byte-at-a-time
// hash (FNV) cost more than the probe it leads to.
func hashKey(key []byte) (k, h uint64) {
	const m = 0x9e3779b97f4a7c15
	if len(key) <= 8 {
		k = pack(key)
		return k, shortHash(k, len(key))
	}
	h = uint64(len(key)) * m
	for len(key) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(key)) * m
		h ^= h >> 29
		key = key[8:]
	}
	var last uint64
	for i, c := range key {
		last |= uint64(c) << (8 * i)
	}
	h = (h ^ last) * m
	h ^= h >> 32
	return h, h * m
}

// edgeTable maps a state and a word id to the next state, for the states
// other than the root (whose edges are Engine.root, by word id). Most
// look-ups miss (most runs end at their second word), and a miss reads
// only keys: the states they lead to are apart.
type edgeTable struct {
	// keys hold state<<32 | word id, never 0 as the root's edges are
	// elsewhere; 0 marks an empty slot.
	keys  []uint64
	to    []uint32
	shift uint8
	n     int
	// seen has a bit per four slots, set for the keys of the table by
	// the high bits of their hash: a clear bit answers a miss. The keys
	// of the demo lists' automaton take a megabyte, and a miss would read
	// one slot of them out of cache; seen is a sixteenth of their size.
	seen []uint64
}

// tableSize returns the number of slots of an open-addressed table for n
// keys: the smallest power of two, from 16, that keeps it at most half
// full.
func tableSize(n int) int {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return size
}

func edgeKey(s, id uint32) uint64 { return uint64(s)<<32 | uint64(id) }

// The fuller tables (edges, deletions) are at most edgeLoadNum/edgeLoadDen
// full.
const edgeLoadNum, edgeLoadDen = 4, 5

// fullTableSize returns the number of slots of an open-addressed table
// for n keys that may be four fifths full: the smallest power of two,
// from 16, that holds them so.
func fullTableSize(n int) int {
	size := 16
	for edgeLoadNum*size < edgeLoadDen*n {
		size *= 2
	}
	return size
}

// newEdgeTable returns a table for n edges, at most four fifths full.
// Fuller than the other tables: it is the largest part of the compiled
// lists (and of their start-up image), a miss is most often answered by
// seen before any slot is read, and a list that grows past the load
// doubles it (3 MB more for the starter lists). From three quarters to
// four fifths, BenchmarkClassifyStarter did not change (medians of ten
// interleaved runs, 148,400 and 147,600 posts/s, on a machine whose runs
// spread ±15 %).
func newEdgeTable(n int) edgeTable {
	size := fullTableSize(n)
	return edgeTable{keys: make([]uint64, size), to: make([]uint32, size), shift: uint8(64 - bits.TrailingZeros(uint(size))), seen: make([]uint64, seenWords(size))}
}

// seenWords is the length of edgeTable.seen for a table of size slots.
func seenWords(size int) int { return max(1, 4*size/64) }

func (t *edgeTable) slot(k uint64) uint64 { return k * 0x9e3779b97f4a7c15 >> t.shift }

// seenBit returns the bit of seen for key k: the slot's bits and two more.
func (t *edgeTable) seenBit(k uint64) (word, bit uint64) {
	b := k * 0x9e3779b97f4a7c15 >> (t.shift - 2)
	return b / 64, b % 64
}

// see marks k in seen.
func (t *edgeTable) see(k uint64) {
	w, b := t.seenBit(k)
	t.seen[w] |= 1 << b
}

// get returns the state that key leads to, and whether there is one.
func (t *edgeTable) get(k uint64) (uint32, bool) {
	if !t.may(k) {
		return 0, false
	}
	return t.probe(k)
}

// may reports whether the table may hold key k: false answers a miss
// without reading the table. It is inlined where get would not be.
func (t *edgeTable) may(k uint64) bool {
	w, b := t.seenBit(k)
	return t.seen[w]&(1<<b) != 0
}

// probe is get's look-up in the table.
func (t *edgeTable) probe(k uint64) (uint32, bool) {
	mask := uint64(len(t.keys) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.to[i], true
		case 0:
			return 0, false
		}
	}
}

// set adds or replaces the transition of key.
func (t *edgeTable) set(k uint64, to uint32) {
	if edgeLoadDen*(t.n+1) > edgeLoadNum*len(t.keys) {
		old := *t
		*t = newEdgeTable(t.n + 1)
		for i, k := range old.keys {
			if k != 0 {
				t.set(k, old.to[i])
			}
		}
	}
	mask := uint64(len(t.keys) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			t.to[i] = to
			return
		case 0:
			t.keys[i], t.to[i] = k, to
			t.n++
			t.see(k)
			return
		}
	}
}
