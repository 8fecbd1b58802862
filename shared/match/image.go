package match

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"slices"
	"strconv"
	"unsafe"

	"voile/shared/internal/errwrap"
	"voile/shared/lang"
	"voile/shared/rules"
)

// An Engine's memory image, for a client that starts again from the
// automaton it compiled before, with the same build of the program: the
// wasm classifier's start-up cache.
//
// Rebuilding an Engine from a portable form checks every index, a loop
// over each state, edge, pattern and output: hundreds of thousands of
// elements for the starter lists. In WebAssembly that costs far more than
// natively, as a function called once runs in the engine's baseline tier
// (V8's Liftoff) throughout: such an import took 90 to 180 ms before the
// first verdict there, 5 ms natively. An image holds each of the Engine's
// arrays as it is in memory, slot for slot, and LoadImage uses them in
// place: it makes no loop over the automaton, only over the dictionary's
// words and the lists' rules.
//
// So an image is no exchange format and LoadImage trusts it: it is only
// for bytes that this very build of the program wrote (the layout of the
// Engine's structs is the build's), and whose integrity the caller has
// checked, by a digest of them kept beside them. LoadImage checks that
// the sections are there with the lengths the Engine's shape implies, so
// that a truncated or shuffled image is refused, but not the values of
// the arrays: an image damaged in a way that keeps its lengths makes an
// Engine that matches wrongly, may panic, or may loop for ever. Anything
// else should compile the lists.
//
// The element types written raw hold no pointers (image_test.go checks
// it), so that the garbage collector has nothing to follow in them.

// imageVersion changes with the format of AppendImage.
const imageVersion = 7

var imageMagic = [...]byte{'v', 'i', 'm', 'a', 'g', 'e', 0, imageVersion}

// AppendImage appends the memory image of e to dst. Sections start at a
// multiple of eight bytes from where the image starts in dst. It grows dst
// once, to ImageSize more bytes: the image is megabytes, and in
// WebAssembly memory once grown stays the program's.
func (e *Engine) AppendImage(dst []byte) []byte {
	dst = slices.Grow(dst, e.ImageSize())
	w := writer{b: dst, base: len(dst)}
	w.b = append(w.b, imageMagic[:]...)
	w.listShapes(e.Lists)
	w.words(e.words)
	writeRaw(&w, e.dict.slots)
	writeRaw(&w, e.lexWord)
	writeRaw(&w, e.kinds)

	writeRaw(&w, e.root)
	writeRaw(&w, e.next.keys)
	writeRaw(&w, e.next.to)
	writeRaw(&w, e.next.seen)
	w.count(e.next.n)
	writeRaw(&w, e.inner)
	writeRaw(&w, e.outAt)
	writeRaw(&w, e.hasOut)
	writeRaw(&w, e.outs)
	w.count(e.depth)

	writeRaw(&w, e.langOf)
	var covers []bool
	for _, c := range e.covers {
		covers = append(covers, c...)
	}
	writeRaw(&w, covers)

	if f := e.fuzzy; f != nil {
		w.count(1)
		writeRaw(&w, f.bits)
		writeRaw(&w, f.delKeys)
		writeRaw(&w, f.delAt)
		writeRaw(&w, f.delLen)
		writeRaw(&w, f.delIDs)
	} else {
		w.count(0)
	}
	return w.b
}

// ImageSize returns the number of bytes AppendImage appends.
func (e *Engine) ImageSize() int {
	textLen := 0
	for _, k := range e.words[1:] {
		textLen += len(k)
	}
	nrules := 0
	for _, l := range e.Lists {
		nrules += len(l.Rules)
	}
	n := len(imageMagic) + rawSize[uint32](len(e.Lists)) + rawSize[byte](textLen) + rawSize[uint32](len(e.words)-1) +
		rawSize[wordSlot](len(e.dict.slots)) + rawSize[uint8](len(e.lexWord)) + rawSize[pattern](len(e.kinds)) +
		rawSize[uint32](len(e.root)) + rawSize[uint64](len(e.next.keys)) + rawSize[uint32](len(e.next.to)) + rawSize[uint64](len(e.next.seen)) + 8 +
		rawSize[bool](len(e.inner)) + rawSize[uint32](len(e.outAt)) +
		rawSize[uint64](len(e.hasOut)) + rawSize[uint32](len(e.outs)) + 8 +
		rawSize[lang.Lang](len(e.langOf)) + rawSize[bool](nrules) + 8
	if f := e.fuzzy; f != nil {
		n += rawSize[uint64](len(f.bits)) + rawSize[uint64](len(f.delKeys)) + rawSize[uint32](len(f.delAt)) +
			rawSize[uint32](len(f.delLen)) + rawSize[uint32](len(f.delIDs))
	}
	return n
}

// rawSize returns the bytes of a section of n elements of type T: its
// count, then the elements padded to a multiple of eight bytes.
func rawSize[T any](n int) int {
	var zero T
	return 8 + (n*int(unsafe.Sizeof(zero))+7)&^7
}

// LoadImage returns the Engine whose image data is, compiled from lists:
// the same lists in the same order. It uses data in place where it is
// aligned: the caller must not change data afterwards. See above for what
// it does not check.
func LoadImage(data []byte, lists ...*rules.List) (*Engine, error) {
	e, err := loadImage(data, lists)
	if err != nil {
		return nil, errwrap.Wrap("load compiled lists: ", err, "")
	}
	return e, nil
}

func loadImage(data []byte, lists []*rules.List) (*Engine, error) {
	if len(data) < len(imageMagic) || [8]byte(data[:8]) != imageMagic {
		return nil, errors.New("not an image of this version")
	}
	r := reader{b: data, at: len(imageMagic)}
	if err := r.listShapes(lists); err != nil {
		return nil, err
	}
	nrules := 0
	for _, l := range lists {
		nrules += len(l.Rules)
	}
	e := &Engine{Lists: lists}

	// The words share the image's text, cut at their ends.
	text, ends := r.bytes(), r.u32s()
	if r.err != nil {
		return nil, r.err
	}
	nwords := len(ends)
	var all string
	if len(text) > 0 {
		all = unsafe.String(&text[0], len(text)) // in place: the caller keeps data
	}
	words, err := cutWords(all, ends)
	if err != nil {
		return nil, err
	}
	e.words = words
	e.dict = &wordTable{slots: readRaw[wordSlot](&r), words: words}
	e.lexWord = readRaw[uint8](&r)
	e.kinds = readRaw[pattern](&r)

	e.root = readRaw[uint32](&r)
	e.next.keys, e.next.to, e.next.seen = readRaw[uint64](&r), readRaw[uint32](&r), readRaw[uint64](&r)
	e.next.n = r.int()
	e.inner = readRaw[bool](&r)
	e.outAt = readRaw[uint32](&r)
	e.hasOut = readRaw[uint64](&r)
	e.outs = readRaw[uint32](&r)
	e.depth = r.int()
	if r.err != nil {
		return nil, r.err
	}
	nstates := len(e.outAt) - 1
	var ok bool
	if e.dict.shift, ok = shiftFor(len(e.dict.slots)); !ok || 2*nwords > len(e.dict.slots) {
		return nil, errors.New("a dictionary table of " + strconv.Itoa(len(e.dict.slots)) + " slots for " + strconv.Itoa(nwords) + " words")
	}
	if e.next.shift, ok = shiftFor(len(e.next.keys)); !ok || len(e.next.to) != len(e.next.keys) || len(e.next.seen) != seenWords(len(e.next.keys)) || edgeLoadDen*e.next.n > edgeLoadNum*len(e.next.keys) {
		return nil, errors.New("a transitions' table of " + strconv.Itoa(len(e.next.keys)) + " slots for " + strconv.Itoa(e.next.n) + " edges")
	}
	if len(e.lexWord) != nwords+1 || len(e.root) != nwords+1 || len(e.inner) != nwords+1 {
		return nil, errors.New("tables by word id of other lengths than the dictionary's " + strconv.Itoa(nwords+1))
	}
	if nstates <= 0 || len(e.hasOut) != (nstates+63)/64 || int(e.outAt[nstates]) != len(e.outs) {
		return nil, errors.New("tables by state of other lengths than the " + strconv.Itoa(nstates) + " states'")
	}

	e.langOf = readRaw[lang.Lang](&r)
	covers := readRaw[bool](&r)
	if r.err != nil {
		return nil, r.err
	}
	if len(e.langOf) != nwords+1 || len(covers) != nrules {
		return nil, errors.New("languages for " + strconv.Itoa(len(e.langOf)) + " words and " + strconv.Itoa(len(covers)) + " rules")
	}
	e.covers = make([][]bool, len(lists))
	for i, l := range lists {
		e.covers[i], covers = covers[:len(l.Rules):len(l.Rules)], covers[len(l.Rules):]
	}

	switch r.int() {
	case 0:
	case 1:
		f := &fuzzyIndex{bits: readRaw[uint64](&r), delKeys: readRaw[uint64](&r)}
		f.delAt, f.delLen, f.delIDs = readRaw[uint32](&r), readRaw[uint32](&r), readRaw[uint32](&r)
		if r.err != nil {
			return nil, r.err
		}
		if f.delShift, ok = shiftFor(len(f.delKeys)); !ok || len(f.bits) != 2*bitmapBits/64 || len(f.delAt) != len(f.delKeys) || len(f.delLen) != len(f.delKeys) {
			return nil, errors.New("a spelling variants' index of another shape than its table's")
		}
		f.markNames(e.words, e.lexWord)
		e.fuzzy = f
	default:
		if r.err == nil {
			r.err = errors.New("a bad spelling variants' flag")
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.at != len(r.b) {
		return nil, errors.New("trailing bytes")
	}
	return e, nil
}

// shiftFor returns the shift of an open-addressed table of size slots:
// 64 - log2(size). size must be a power of two, from 16.
func shiftFor(size int) (uint8, bool) {
	if size < 16 || size&(size-1) != 0 {
		return 0, false
	}
	return uint8(64 - bits.TrailingZeros(uint(size))), true
}

// writeRaw writes the memory of s: its length, then its elements as
// they are in memory, then zeros to a multiple of eight bytes.
func writeRaw[T any](w *writer, s []T) {
	w.count(len(s))
	if len(s) > 0 {
		w.b = append(w.b, unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(s[0])))...)
	}
	w.pad()
}

// readRaw reads a section of writeRaw, in place if it is aligned for T,
// else a copy.
func readRaw[T any](r *reader) []T {
	var zero T
	size := int(unsafe.Sizeof(zero))
	b := r.section(size)
	if len(b) == 0 {
		return nil
	}
	n := len(b) / size
	if uintptr(unsafe.Pointer(&b[0]))%unsafe.Alignof(zero) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
	}
	s := make([]T, n)
	copy(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(b)), b)
	return s
}

// int reads a number that writer.count wrote.
func (r *reader) int() int {
	if r.err == nil && len(r.b)-r.at < 8 {
		r.err = errors.New("truncated at byte " + strconv.Itoa(r.at))
	}
	if r.err != nil {
		return 0
	}
	n := binary.LittleEndian.Uint64(r.b[r.at:])
	r.at += 8
	if n > uint64(len(r.b)) {
		r.err = errors.New("a count of " + strconv.FormatUint(n, 10) + " at byte " + strconv.Itoa(r.at-8))
		return 0
	}
	return int(n)
}
