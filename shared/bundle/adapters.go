package bundle

import (
	"crypto/ed25519"
	"fmt"
)

// Site adapters (which elements of a page are posts, where their text is)
// are data, and a publisher may ship a fix for a site whose markup
// changed. The fix is the adapter document (the UTF-8 JSON the extension
// reads) signed with the publisher's list key over a domain of its own, so
// that neither a list signature can pass for an adapter one nor the other
// way round. The extension checks the same bytes
// (extension/src/common/adapter-updates.js).

// adaptersDomain separates adapter signatures from list signatures.
const adaptersDomain = "voile adapters v1\x00"

// MaxAdapters bounds an adapter document. The built-in adapters are a few
// kilobytes. It stays below the byte-array limit of the wire decoder.
const MaxAdapters = 64 << 10

func adaptersMessage(doc []byte) []byte {
	m := make([]byte, 0, len(adaptersDomain)+len(doc))
	return append(append(m, adaptersDomain...), doc...)
}

// SignAdapters signs an adapter document with the publisher's private key.
func SignAdapters(doc []byte, key ed25519.PrivateKey) ([]byte, error) {
	if len(key) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("sign adapters: private key is %d bytes, want %d", len(key), ed25519.PrivateKeySize)
	}
	if len(doc) > MaxAdapters {
		return nil, fmt.Errorf("sign adapters: document of %d bytes, more than the limit of %d", len(doc), MaxAdapters)
	}
	return ed25519.Sign(key, adaptersMessage(doc)), nil
}

// VerifyAdapters checks sig over an adapter document with the publisher's
// public key, and returns an error wrapping ErrSignature when it does not
// verify.
func VerifyAdapters(doc, sig []byte, key ed25519.PublicKey) error {
	if len(key) != ed25519.PublicKeySize {
		return fmt.Errorf("verify adapters: public key is %d bytes, want %d", len(key), ed25519.PublicKeySize)
	}
	if len(doc) > MaxAdapters {
		return fmt.Errorf("verify adapters: document of %d bytes, more than the limit of %d", len(doc), MaxAdapters)
	}
	if len(sig) != ed25519.SignatureSize || !ed25519.Verify(key, adaptersMessage(doc), sig) {
		return fmt.Errorf("adapter document: %w", ErrSignature)
	}
	return nil
}
