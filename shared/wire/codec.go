package wire

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/tinylib/msgp/msgp"

	"voile/shared/bundle"
)

// Encode returns the message's MessagePack form, stamped with Proto.
func (m *Message) Encode() []byte {
	m.Proto = Proto
	b, err := m.MarshalMsg(nil)
	if err != nil {
		panic("wire: encode message: " + err.Error()) // plain data types always encode
	}
	return b
}

// Decode reads one message and checks that it is whole, of this protocol
// version, and has exactly the body its type names. An unknown protocol
// version is reported as an *Error with CodeProto, every other problem as
// an *Error with CodeBadMessage or CodeTooLarge, so a server can send the
// error back as it is.
func Decode(data []byte) (*Message, error) {
	if len(data) > MaxMessage {
		return nil, &Error{Code: CodeTooLarge, Message: "message of " + itoa(len(data)) + " bytes, more than the limit of " + itoa(MaxMessage)}
	}
	if err := checkHello(data); err != nil {
		return nil, &Error{Code: CodeBadMessage, Message: err.Error()}
	}
	var m Message
	rest, err := m.UnmarshalMsg(data)
	if err != nil {
		return nil, &Error{Code: CodeBadMessage, Message: "decode message: " + err.Error()}
	}
	if len(rest) != 0 {
		return nil, &Error{Code: CodeBadMessage, Message: "decode message: " + itoa(len(rest)) + " trailing bytes"}
	}
	if m.Proto != Proto {
		return nil, &Error{Code: CodeProto, Message: "protocol version " + strconv.FormatUint(uint64(m.Proto), 10) + ", this side speaks " + itoa(Proto)}
	}
	if err := m.check(); err != nil {
		return nil, &Error{Code: CodeBadMessage, Message: err.Error()}
	}
	return &m, nil
}

// check verifies that exactly the body named by Type is present.
func (m *Message) check() error {
	bodies := map[Type]bool{
		THello:    m.Hello != nil,
		TCatalog:  m.Catalog != nil,
		TSnapshot: m.Snapshot != nil,
		TDelta:    m.Delta != nil,
		TSynced:   m.Synced != nil,
		TError:    m.Error != nil,
		TAdapters: m.Adapters != nil,
	}
	has, known := bodies[m.Type]
	if !known {
		return errors.New("unknown message type " + strconv.Quote(string(m.Type)))
	}
	if !has {
		return errors.New(string(m.Type) + " message without its " + string(m.Type) + " body")
	}
	for t, present := range bodies {
		if present && t != m.Type {
			return errors.New(string(m.Type) + " message also carries a " + string(t) + " body")
		}
	}
	if m.Hello != nil && len(m.Hello.Follow) > MaxFollow {
		return errors.New("hello follows " + itoa(len(m.Hello.Follow)) + " lists, more than the limit of " + itoa(MaxFollow))
	}
	if m.Hello != nil && len(m.Hello.Held) > MaxFollow {
		return errors.New("hello holds " + itoa(len(m.Hello.Held)) + " lists, more than the limit of " + itoa(MaxFollow))
	}
	if a := m.Adapters; a != nil {
		if len(a.Document) > bundle.MaxAdapters {
			return errors.New("adapter document of " + itoa(len(a.Document)) + " bytes, more than the limit of " + itoa(bundle.MaxAdapters))
		}
		if len(a.Sig) != bundle.SignatureSize {
			return errors.New("adapter signature of " + itoa(len(a.Sig)) + " bytes, want " + itoa(bundle.SignatureSize))
		}
	}
	return nil
}

// NewHello returns a client's hello following the given lists, with the
// versions it holds.
func NewHello(follow []ListRef, held []Held) *Message {
	return &Message{Proto: Proto, Type: THello, Hello: &Hello{Follow: follow, Held: held}}
}

// NewError returns an error message, its text formatted as by
// fmt.Sprintf. Only servers send errors: voile.wasm never calls it.
func NewError(code, format string, args ...any) *Message {
	return &Message{Proto: Proto, Type: TError, Error: &Error{Code: code, Message: fmt.Sprintf(format, args...)}}
}

// checkHello looks at a message's hello body, if it has one, before it is
// decoded: its arrays must not announce more than MaxFollow items. The
// generated decoder allocates what an array header announces (up to the
// package-wide limit) before reading the items, so without this check a
// 64 KiB hello of empty items would cost megabytes; with it, decoding a
// hello costs about its own size. Whatever this check does not understand
// is left to the decoder to refuse.
func checkHello(data []byte) error {
	n, rest, err := msgp.ReadMapHeaderBytes(data)
	if err != nil {
		return nil
	}
	for range n {
		var key []byte
		if key, rest, err = msgp.ReadMapKeyZC(rest); err != nil {
			return nil
		}
		if string(key) != "hello" || msgp.IsNil(rest) {
			if rest, err = msgp.Skip(rest); err != nil {
				return nil
			}
			continue
		}
		fields, body, err := msgp.ReadMapHeaderBytes(rest)
		if err != nil {
			return nil
		}
		for range fields {
			var f []byte
			if f, body, err = msgp.ReadMapKeyZC(body); err != nil {
				return nil
			}
			if (string(f) == "follow" || string(f) == "held") && msgp.NextType(body) == msgp.ArrayType {
				items, _, err := msgp.ReadArrayHeaderBytes(body)
				if err == nil && items > MaxFollow {
					return errors.New("hello " + string(f) + " of " + strconv.FormatUint(uint64(items), 10) + " items, more than the limit of " + itoa(MaxFollow))
				}
			}
			if body, err = msgp.Skip(body); err != nil {
				return nil
			}
		}
		return nil
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
