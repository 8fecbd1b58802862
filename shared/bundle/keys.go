package bundle

// Sizes of Ed25519 keys and signatures (RFC 8032), those of crypto/ed25519,
// which a program built with the tag verifyonly does not link (sign.go).
const (
	PublicKeySize = 32
	SignatureSize = 64
)
