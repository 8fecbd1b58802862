//go:build !verifyonly

package bundle

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"strconv"

	"voile/shared/rules"
)

// Signing, and the key types of crypto/ed25519. A program built with the
// tag verifyonly (voile.wasm: make wasm) has neither: it only checks
// signatures (verifySig), and crypto/ed25519 would link all of Ed25519
// into it whatever it calls, as the package init of its FIPS 140 module
// registers a self-test that signs and verifies (about 25 KB of gzipped
// WebAssembly, and an init that decodes two curve points at start-up).
// keys_verifyonly.go has the key type of such a program.

// A PublicKey is a publisher's Ed25519 public key.
type PublicKey = ed25519.PublicKey

func message(list []byte) []byte {
	m := make([]byte, 0, len(domain)+len(list))
	return append(append(m, domain...), list...)
}

// Sign writes the trees of l's patterns (rules.ParsePatterns), validates
// l and signs it with the publisher's private key, as bundles carry a list
// (rules.List.ForBundle: patterns as trees, without their text).
func Sign(l *rules.List, key ed25519.PrivateKey) (*Bundle, error) {
	l.ParsePatterns()
	if err := l.Validate(); err != nil {
		return nil, err
	}
	if len(key) != ed25519.PrivateKeySize {
		return nil, errors.New("sign list " + strconv.Quote(l.ID) + ": private key is " + strconv.Itoa(len(key)) + " bytes, want " + strconv.Itoa(ed25519.PrivateKeySize))
	}
	enc := l.ForBundle().Encode()
	return &Bundle{
		List:      enc,
		ListID:    l.ID,
		Publisher: l.Publisher,
		Version:   l.Version,
		Sig:       ed25519.Sign(key, message(enc)),
	}, nil
}

// FormatPrivateKey returns the text form of a private key (its seed).
func FormatPrivateKey(k ed25519.PrivateKey) string {
	return privatePrefix + base64.RawURLEncoding.EncodeToString(k.Seed())
}

// ParsePrivateKey reads the text form of a private key.
func ParsePrivateKey(s string) (ed25519.PrivateKey, error) {
	b, err := parseKey(s, privatePrefix, ed25519.SeedSize)
	if err != nil {
		return nil, err
	}
	return ed25519.NewKeyFromSeed(b), nil
}

func adaptersMessage(doc []byte) []byte {
	m := make([]byte, 0, len(adaptersDomain)+len(doc))
	return append(append(m, adaptersDomain...), doc...)
}

// SignAdapters signs an adapter document with the publisher's private key.
func SignAdapters(doc []byte, key ed25519.PrivateKey) ([]byte, error) {
	if len(key) != ed25519.PrivateKeySize {
		return nil, errors.New("sign adapters: private key is " + strconv.Itoa(len(key)) + " bytes, want " + strconv.Itoa(ed25519.PrivateKeySize))
	}
	if len(doc) > MaxAdapters {
		return nil, errors.New("sign adapters: document of " + strconv.Itoa(len(doc)) + " bytes, more than the limit of " + strconv.Itoa(MaxAdapters))
	}
	return ed25519.Sign(key, adaptersMessage(doc)), nil
}
