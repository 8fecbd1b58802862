package match

import (
	"encoding/binary"
	"errors"
	"strconv"
	"unsafe"

	"voile/shared/rules"
)

// The memory image (image.go) is a sequence of sections, each a count of
// elements as eight bytes, the elements, then zeros up to a multiple of
// eight bytes from where the image starts, so that its arrays may be used
// in place.

// writer appends sections from base, where the image starts.
type writer struct {
	b    []byte
	base int
}

func (w *writer) count(n int) { w.b = binary.LittleEndian.AppendUint64(w.b, uint64(n)) }

func (w *writer) pad() {
	for (len(w.b)-w.base)%8 != 0 {
		w.b = append(w.b, 0)
	}
}

func (w *writer) bytes(b []byte) {
	w.count(len(b))
	w.b = append(w.b, b...)
	w.pad()
}

func (w *writer) u32s(s []uint32) {
	w.count(len(s))
	for _, v := range s {
		w.b = binary.LittleEndian.AppendUint32(w.b, v)
	}
	w.pad()
}

// listShapes writes how many rules each of lists has: an image is of
// these lists only.
func (w *writer) listShapes(lists []*rules.List) {
	n := make([]uint32, len(lists))
	for i, l := range lists {
		n[i] = uint32(len(l.Rules))
	}
	w.u32s(n)
}

// words writes the dictionary's words (words[0] is no word) end to end,
// then where each ends.
func (w *writer) words(words []string) {
	ends := make([]uint32, 0, len(words))
	var text []byte
	for _, k := range words[1:] {
		text = append(text, k...)
		ends = append(ends, uint32(len(text)))
	}
	w.bytes(text)
	w.u32s(ends)
}

// reader reads writer's sections. After an error, every read returns
// nothing and r.err stays the first error.
type reader struct {
	b   []byte
	at  int
	err error
}

// section returns the next section, of elements of size bytes.
func (r *reader) section(size int) []byte {
	if r.err != nil {
		return nil
	}
	if len(r.b)-r.at < 8 {
		r.err = errors.New("truncated at byte " + strconv.Itoa(r.at))
		return nil
	}
	n := binary.LittleEndian.Uint64(r.b[r.at:])
	left := uint64(len(r.b) - r.at - 8)
	if n > left/uint64(size) {
		r.err = errors.New("truncated: a section of " + strconv.FormatUint(n, 10) + " elements at byte " + strconv.Itoa(r.at) + ", " + strconv.FormatUint(left, 10) + " bytes left")
		return nil
	}
	end := r.at + 8 + int(n)*size
	b := r.b[r.at+8 : end]
	r.at += 8 + (int(n)*size+7)&^7
	if r.at > len(r.b) {
		r.err = errors.New("truncated in the padding of a section")
		return nil
	}
	// The padding is zeros: a flipped byte there is damage too.
	for _, c := range r.b[end:r.at] {
		if c != 0 {
			r.err = errors.New("padding of the section ending at byte " + strconv.Itoa(end) + " is not zero")
			return nil
		}
	}
	return b
}

func (r *reader) bytes() []byte { return r.section(1) }

func (r *reader) u32s() []uint32 {
	b := r.section(4)
	if len(b) == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), len(b)/4)
	}
	s := make([]uint32, len(b)/4)
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s
}

// listShapes reads what writer.listShapes wrote and checks that lists
// have those shapes.
func (r *reader) listShapes(lists []*rules.List) error {
	rulesPer := r.u32s()
	if r.err == nil && len(rulesPer) != len(lists) {
		return errors.New("compiled from " + strconv.Itoa(len(rulesPer)) + " lists, given " + strconv.Itoa(len(lists)))
	}
	for i, l := range lists {
		if r.err == nil && int(rulesPer[i]) != len(l.Rules) {
			return errors.New("list " + strconv.Itoa(i) + " (" + strconv.Quote(l.ID) + ") had " + strconv.Itoa(int(rulesPer[i])) + " rules, has " + strconv.Itoa(len(l.Rules)))
		}
	}
	return nil
}

// cutWords returns the dictionary's words, all cut at ends, with an empty
// words[0]: what writer.words wrote.
//
// Not inlined, so that its loop over every word (11,265 for the demo
// lists) runs in a small function (wasm/README.md, functions a start runs
// once): inlined, it made V8 recompile all of loadImage during every warm
// start, 17-18 ms of compiling; cutWords alone takes 1 ms.
//
//go:noinline
func cutWords(all string, ends []uint32) ([]string, error) {
	words := make([]string, len(ends)+1)
	at := uint32(0)
	for i, end := range ends {
		if end <= at || int(end) > len(all) {
			return nil, errors.New("an empty word in the dictionary, or one past its text")
		}
		words[i+1], at = all[at:end], end
	}
	if int(at) != len(all) {
		return nil, errors.New("text after the dictionary's last word")
	}
	return words, nil
}

// littleEndian: the machine stores numbers as the image does, so that
// its arrays may be read in place.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()
