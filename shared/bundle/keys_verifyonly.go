//go:build verifyonly

package bundle

// A PublicKey is a publisher's Ed25519 public key: in a program that only
// verifies (sign.go), its bytes, without crypto/ed25519's type.
type PublicKey = []byte
