package bundle

//go:generate go tool msgp -tests=false

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

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
		return nil, fmt.Errorf("sign list %q: private key is %d bytes, want %d", l.ID, len(key), ed25519.PrivateKeySize)
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
	if len(key) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("open list %q: public key of %q is %d bytes, want %d", b.ListID, b.Publisher, len(key), ed25519.PublicKeySize)
	}
	if !ed25519.Verify(key, message(b.List), b.Sig) {
		return nil, fmt.Errorf("open list %q version %d: %w for publisher %q", b.ListID, b.Version, ErrSignature, b.Publisher)
	}
	l, err := rules.Decode(b.List)
	if err != nil {
		return nil, err
	}
	if l.ID != b.ListID || l.Publisher != b.Publisher || l.Version != b.Version {
		return nil, fmt.Errorf("open list: bundle says %s/%s v%d, signed list is %s/%s v%d",
			b.Publisher, b.ListID, b.Version, l.Publisher, l.ID, l.Version)
	}
	return l, nil
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
		return nil, fmt.Errorf("decode bundle: %d bytes, more than the limit of %d", len(data), MaxSize)
	}
	var b Bundle
	rest, err := b.UnmarshalMsg(data)
	if err != nil {
		return nil, fmt.Errorf("decode bundle: %w", err)
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("decode bundle: %d trailing bytes", len(rest))
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
		return nil, fmt.Errorf("parse key: want a key starting with %q", prefix)
	}
	b, err := base64.RawURLEncoding.DecodeString(s[len(prefix):])
	if err != nil {
		return nil, fmt.Errorf("parse key: %v", err)
	}
	if len(b) != size {
		return nil, fmt.Errorf("parse key: %d bytes, want %d", len(b), size)
	}
	return b, nil
}
