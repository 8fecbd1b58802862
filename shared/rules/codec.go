package rules

import (
	"errors"
	"strconv"

	"voile/shared/internal/errwrap"
)

// Decode reads a list from its MessagePack form and validates it.
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
// (bundle.OpenValidated).
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
