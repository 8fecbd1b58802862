package bundle

//go:generate go tool msgp -tests=false

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"

	"voile/shared/internal/errwrap"
	"voile/shared/rules"
)

// A Bundle is one signed list version.
type Bundle struct {
	// List is the list's MessagePack encoding, exactly as signed.
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

func message(list []byte) []byte {
	m := make([]byte, 0, len(domain)+len(list))
	return append(append(m, domain...), list...)
}

// Sign validates l and signs it with the publisher's private key.
func Sign(l *rules.List, key ed25519.PrivateKey) (*Bundle, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	if len(key) != ed25519.PrivateKeySize {
		return nil, errors.New("sign list " + strconv.Quote(l.ID) + ": private key is " + strconv.Itoa(len(key)) + " bytes, want " + strconv.Itoa(ed25519.PrivateKeySize))
	}
	enc := l.Encode()
	return &Bundle{
		List:      enc,
		ListID:    l.ID,
		Publisher: l.Publisher,
		Version:   l.Version,
		Sig:       ed25519.Sign(key, message(enc)),
	}, nil
}

// ErrSignature is returned by Open when the signature does not verify.
var ErrSignature = errors.New("bad signature")

// Open verifies the bundle with the publisher's public key, then decodes
// and validates the list.
func (b *Bundle) Open(key ed25519.PublicKey) (*rules.List, error) {
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
func (b *Bundle) verify(key ed25519.PublicKey) error {
	if len(key) != ed25519.PublicKeySize {
		return errors.New("open list " + strconv.Quote(b.ListID) + ": public key of " + strconv.Quote(b.Publisher) + " is " +
			strconv.Itoa(len(key)) + " bytes, want " + strconv.Itoa(ed25519.PublicKeySize))
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
func FormatPublicKey(k ed25519.PublicKey) string {
	return publicPrefix + base64.RawURLEncoding.EncodeToString(k)
}

// FormatPrivateKey returns the text form of a private key (its seed).
func FormatPrivateKey(k ed25519.PrivateKey) string {
	return privatePrefix + base64.RawURLEncoding.EncodeToString(k.Seed())
}

// ParsePublicKey reads the text form of a public key.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := parseKey(s, publicPrefix, ed25519.PublicKeySize)
	return ed25519.PublicKey(b), err
}

// ParsePrivateKey reads the text form of a private key.
func ParsePrivateKey(s string) (ed25519.PrivateKey, error) {
	b, err := parseKey(s, privatePrefix, ed25519.SeedSize)
	if err != nil {
		return nil, err
	}
	return ed25519.NewKeyFromSeed(b), nil
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
