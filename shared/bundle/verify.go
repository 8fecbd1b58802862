package bundle

import (
	"crypto/subtle"

	"filippo.io/edwards25519"

	"voile/third_party/sha512"
)

// verifySig reports whether sig is key's Ed25519 signature (RFC 8032,
// pure Ed25519) of domain followed by msg: what crypto/ed25519.Verify(key,
// domain+msg, sig) reports, and the same checks in the same order (key a
// point's encoding, S canonical, [S]B = R + [k]A without the cofactor),
// on filippo.io/edwards25519, the standard library's curve as a module.
//
// It is crypto/ed25519.Verify taken apart for WebAssembly, where opening
// the stored lists at start-up verified a few hundred kilobytes of them:
//
//   - the message is hashed a chunk at a time. V8 runs a wasm function in
//     its baseline tier (Liftoff) until it is called again after being
//     optimised, and crypto/ed25519 hashes the whole message in one call
//     of SHA-512's block function, which so stays in Liftoff for the
//     first list: 40 to 80 ms of the start against a few once optimised;
//   - no copy of domain and message joined;
//   - [k](-A) + [S]B is computed by VarTimeMultiScalarMult, whose tables
//     are made per call in projective coordinates, rather than by
//     VarTimeDoubleScalarBaseMult, whose first call fills a table of 64
//     multiples of the base point in affine coordinates, an inversion each
//     (20 ms in Liftoff, for one verification or two per start);
//   - SHA-512 is the standard library's own code, copied out of its FIPS
//     140 module (third_party/sha512/VOILE.md): crypto/sha512 imports
//     that module, and its packages' inits register self-tests, so
//     importing it links the module's AES-GCM, DRBG, SHA-3 and HMAC, and
//     os (51 KB of the gzipped voile.wasm), to hash with one function.
//
// verify_test.go checks it against crypto/ed25519.Verify.
func verifySig(key PublicKey, domain string, msg, sig []byte) bool {
	if len(key) != PublicKeySize || len(sig) != SignatureSize || sig[63]&224 != 0 {
		return false
	}
	A, err := new(edwards25519.Point).SetBytes(key)
	if err != nil {
		return false
	}
	h := sha512.New()
	h.Write(sig[:32])
	h.Write(key)
	h.Write([]byte(domain))
	const chunk = 16 << 10
	for len(msg) > chunk {
		h.Write(msg[:chunk])
		msg = msg[chunk:]
	}
	h.Write(msg)
	var digest [64]byte // a SHA-512
	k, err := new(edwards25519.Scalar).SetUniformBytes(h.Sum(digest[:0]))
	if err != nil {
		return false
	}
	S, err := new(edwards25519.Scalar).SetCanonicalBytes(sig[32:])
	if err != nil {
		return false
	}
	// [S]B = R + [k]A, so R = [k](-A) + [S]B.
	minusA := new(edwards25519.Point).Negate(A)
	R := new(edwards25519.Point).VarTimeMultiScalarMult(
		[]*edwards25519.Scalar{k, S},
		[]*edwards25519.Point{minusA, edwards25519.NewGeneratorPoint()})
	return subtle.ConstantTimeCompare(sig[:32], R.Bytes()) == 1
}
