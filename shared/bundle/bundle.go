package bundle

//go:generate go tool msgp -tests=false

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"

	"voile/shared/internal/errwrap"
	"voile/shared/rules"
)

// A Bundle is one signed list version.
type Bundle struct {
	// List is the list's MessagePack encoding, exactly as signed. Decode
	// copies it out of the message, and the list Open returns shares its
	// memory (rules.Decode): it is never written after.
	List []byte `msg:"list"`
	// ListID, Publisher and Version repeat the list's own fields, so that
	// servers and clients can route a bundle before opening it. Open checks
	// that they agree with the signed list.
	ListID    string `msg:"list_id"`
	Publisher string `msg:"publisher"`
	Version   uint64 `msg:"version"`
	Sig       []byte `msg:"sig"`
}

// MaxSize bounds an encoded bundle.
const MaxSize = 8 << 20

// domain separates Voile list signatures from anything else a key signs.
const domain = "voile list bundle v1\x00"

// ErrSignature is returned by Open when the signature does not verify.
var ErrSignature = errors.New("bad signature")

// Open verifies the bundle with the publisher's public key, then decodes
// and validates the list.
func (b *Bundle) Open(key PublicKey) (*rules.List, error) {
	if err := b.verify(key); err != nil {
		return nil, err
	}
	l, err := rules.Decode(b.List)
	if err != nil {
		return nil, err
	}
	if err := b.sameList(l); err != nil {
		return nil, err
	}
	return l, nil
}

// verify checks the bundle's signature with the publisher's public key.
func (b *Bundle) verify(key PublicKey) error {
	if len(key) != PublicKeySize {
		return errors.New("open list " + strconv.Quote(b.ListID) + ": public key of " + strconv.Quote(b.Publisher) + " is " +
			strconv.Itoa(len(key)) + " bytes, want " + strconv.Itoa(PublicKeySize))
	}
	if !verifySig(key, domain, b.List, b.Sig) {
		return errwrap.Wrap("open list "+strconv.Quote(b.ListID)+" version "+strconv.FormatUint(b.Version, 10)+": ",
			ErrSignature, " for publisher "+strconv.Quote(b.Publisher))
	}
	return nil
}

// sameList checks that the signed list is the one the bundle names.
func (b *Bundle) sameList(l *rules.List) error {
	if l.ID != b.ListID || l.Publisher != b.Publisher || l.Version != b.Version {
		return errors.New("open list: bundle says " + b.Publisher + "/" + b.ListID + " v" + strconv.FormatUint(b.Version, 10) +
			", signed list is " + l.Publisher + "/" + l.ID + " v" + strconv.FormatUint(l.Version, 10))
	}
	return nil
}

// Encode returns the bundle's MessagePack form.
func (b *Bundle) Encode() []byte {
	out, err := b.MarshalMsg(nil)
	if err != nil {
		panic("bundle: encode: " + err.Error())
	}
	return out
}

// Decode reads a bundle from its MessagePack form. It does not verify it:
// call Open.
func Decode(data []byte) (*Bundle, error) {
	if len(data) > MaxSize {
		return nil, errors.New("decode bundle: " + strconv.Itoa(len(data)) + " bytes, more than the limit of " + strconv.Itoa(MaxSize))
	}
	var b Bundle
	rest, err := b.UnmarshalMsg(data)
	if err != nil {
		return nil, errwrap.Wrap("decode bundle: ", err, "")
	}
	if len(rest) != 0 {
		return nil, errors.New("decode bundle: " + strconv.Itoa(len(rest)) + " trailing bytes")
	}
	return &b, nil
}

// Keys are written as text with a prefix that says what they are, so a
// private key is not pasted where a public one belongs.
const (
	publicPrefix  = "voile-pub-"
	privatePrefix = "voile-priv-"
)

// FormatPublicKey returns the text form of a public key.
func FormatPublicKey(k PublicKey) string {
	return publicPrefix + base64.RawURLEncoding.EncodeToString(k)
}

// ParsePublicKey reads the text form of a public key.
func ParsePublicKey(s string) (PublicKey, error) {
	b, err := parseKey(s, publicPrefix, PublicKeySize)
	return PublicKey(b), err
}

func parseKey(s, prefix string, size int) ([]byte, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, prefix) {
		return nil, errors.New("parse key: want a key starting with " + strconv.Quote(prefix))
	}
	b, err := base64.RawURLEncoding.DecodeString(s[len(prefix):])
	if err != nil {
		return nil, errors.New("parse key: " + err.Error())
	}
	if len(b) != size {
		return nil, errors.New("parse key: " + strconv.Itoa(len(b)) + " bytes, want " + strconv.Itoa(size))
	}
	return b, nil
}
