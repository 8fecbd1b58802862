package rules

import "fmt"

// Decode reads a list from its MessagePack form and validates it.
func Decode(b []byte) (*List, error) {
	var l List
	rest, err := l.UnmarshalMsg(b)
	if err != nil {
		return nil, fmt.Errorf("decode rule list: %w", err)
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("decode rule list %q: %d trailing bytes", l.ID, len(rest))
	}
	if err := l.Validate(); err != nil {
		return nil, err
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
