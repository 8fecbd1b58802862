//go:build !verifyonly

// Not in a program that only verifies (voile.wasm, built verifyonly): it
// never shows a fingerprint (the extension computes its own), and
// crypto/sha256 would link the standard library's FIPS 140 module, as
// crypto/sha512 would (verify.go).

package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Fingerprint is the short form of a publisher's public key that readers
// compare when they trust the publisher: the first 16 bytes of the SHA-256
// of the key's text form ("voile-pub-…"), in hex groups of four
// ("a1b2 c3d4 …"). The extension computes the same
// (extension/src/common/publishers.js, keyFingerprint); a publisher gives
// it to readers by a channel of its own so that they can check it.
func Fingerprint(keyText string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(keyText)))
	h := hex.EncodeToString(sum[:16])
	var b strings.Builder
	for i := 0; i < len(h); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(h[i : i+4])
	}
	return b.String()
}

// KeyFingerprint is the Fingerprint of a public key.
func KeyFingerprint(k PublicKey) string { return Fingerprint(FormatPublicKey(k)) }
