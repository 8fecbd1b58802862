package rules

import (
	"errors"
	"strconv"

	"voile/shared/internal/errwrap"
)

// Decode reads a list from its MessagePack form and validates it.
//
// The list shares b's memory: its strings, and its model's bytes, are
// views of b (msgp's zerocopy, which Voile's copy of msgp extends to
// strings: third_party/msgp/VOILE.md), so b must not change while the
// list is in use. Every caller passes a bundle's List, which
// bundle.Decode copied out of the message it came in and nothing writes.
// Decoding so allocates no string per rule, id, text, category and
// exception. In WebAssembly, where a start decodes the stored lists in
// V8's baseline tier, the two demo lists took 6.5 and 5.6 ms to decode
// instead of 10.3 and 9.4 with the baseline tier alone (node
// --liftoff-only, medians of eight warm starts), 16.9 and 10.7 instead
// of 21.2 and 18.6 without flags (twenty).
func Decode(b []byte) (*List, error) {
	l, err := DecodeUnvalidated(b)
	if err != nil {
		return nil, err
	}
	if err := l.Validate(); err != nil {
		return nil, err
	}
	return l, nil
}

// DecodeUnvalidated reads a list from its MessagePack form without
// validating it: only for the bytes of a list validated before
// (bundle.OpenValidated). The list shares b's memory, as Decode's does.
func DecodeUnvalidated(b []byte) (*List, error) {
	var l List
	rest, err := l.UnmarshalMsg(b)
	if err != nil {
		return nil, errwrap.Wrap("decode rule list: ", err, "")
	}
	if len(rest) != 0 {
		return nil, errors.New("decode rule list " + strconv.Quote(l.ID) + ": " + strconv.Itoa(len(rest)) + " trailing bytes")
	}
	return &l, nil
}

// Encode returns the list's MessagePack form.
func (l *List) Encode() []byte {
	b, err := l.MarshalMsg(nil)
	if err != nil {
		panic("rules: encode list: " + err.Error()) // plain data types always encode
	}
	return b
}
