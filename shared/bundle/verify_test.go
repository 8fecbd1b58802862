package bundle

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"math/rand/v2"
	"testing"

	"filippo.io/edwards25519"
)

// verifySig must say what crypto/ed25519.Verify says of domain+msg.
func TestVerifySigAgreesWithStandardLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	seed := make([]byte, ed25519.SeedSize)
	for i := 0; i < 200; i++ {
		for j := range seed {
			seed[j] = byte(rng.Uint32())
		}
		priv := ed25519.NewKeyFromSeed(seed)
		pub := priv.Public().(ed25519.PublicKey)
		// Sizes around the chunk of 16 KiB that verifySig hashes at a time.
		sizes := []int{0, 1, 100, 16<<10 - 1, 16 << 10, 16<<10 + 1, 3*16<<10 + 7}
		msg := make([]byte, sizes[i%len(sizes)])
		for j := range msg {
			msg[j] = byte(rng.Uint32())
		}
		sig := ed25519.Sign(priv, append([]byte(domain), msg...))
		check := func(what string, key ed25519.PublicKey, dom string, msg, sig []byte) {
			t.Helper()
			want := ed25519.Verify(key, append([]byte(dom), msg...), sig)
			if got := verifySig(key, dom, msg, sig); got != want {
				t.Fatalf("case %d, %s: verifySig %v, crypto/ed25519 %v", i, what, got, want)
			}
		}
		check("signed", pub, domain, msg, sig)
		if !verifySig(pub, domain, msg, sig) {
			t.Fatalf("case %d: a good signature refused", i)
		}
		check("other domain", pub, adaptersDomain, msg, sig)
		if len(msg) > 0 {
			m := bytes.Clone(msg)
			m[rng.IntN(len(m))] ^= 1 << rng.IntN(8)
			check("message changed", pub, domain, m, sig)
		}
		s := bytes.Clone(sig)
		s[rng.IntN(len(s))] ^= 1 << rng.IntN(8)
		check("signature changed", pub, domain, msg, s)
		k := bytes.Clone(pub)
		k[rng.IntN(len(k))] ^= 1 << rng.IntN(8)
		check("key changed", k, domain, msg, sig)
	}
}

// The edge cases of the encodings, where implementations of Ed25519 are
// known to part: a non-canonical S, high bits of S, keys of small order
// or not on the curve, and short inputs.
func TestVerifySigEdgeCases(t *testing.T) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
	pub := priv.Public().(ed25519.PublicKey)
	msg := []byte("a list")
	sig := ed25519.Sign(priv, append([]byte(domain), msg...))

	// S + L, the same scalar not reduced: refused by both.
	S, err := new(edwards25519.Scalar).SetCanonicalBytes(sig[32:])
	if err != nil {
		t.Fatal(err)
	}
	l, _ := hex.DecodeString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010") // L, little-endian
	plusL := addLE(S.Bytes(), l)
	nonCanonical := append(bytes.Clone(sig[:32]), plusL...)
	highBits := bytes.Clone(sig)
	highBits[63] |= 0x80

	identity := make([]byte, 32)
	identity[0] = 1 // y = 1: the neutral point, of order 1
	notOnCurve := bytes.Repeat([]byte{0xff}, 32)
	smallOrderSig := append(bytes.Clone(identity), make([]byte, 32)...) // R = identity, S = 0

	cases := []struct {
		name     string
		key, sig []byte
	}{
		{"good", pub, sig},
		{"S not reduced", pub, nonCanonical},
		{"high bits of S", pub, highBits},
		{"key of order 1, R of order 1, S = 0", identity, smallOrderSig},
		{"key not on the curve", notOnCurve, sig},
		{"short signature", pub, sig[:63]},
		{"long signature", pub, append(bytes.Clone(sig), 0)},
	}
	for _, c := range cases {
		want := len(c.sig) == ed25519.SignatureSize && ed25519.Verify(c.key, append([]byte(domain), msg...), c.sig)
		if got := verifySig(c.key, domain, msg, c.sig); got != want {
			t.Errorf("%s: verifySig %v, crypto/ed25519 %v", c.name, got, want)
		}
	}
	if verifySig(pub[:31], domain, msg, sig) || verifySig(nil, domain, msg, sig) {
		t.Error("a short key accepted")
	}
}

// addLE returns a+b of two little-endian 32-byte numbers, in 33 bytes
// truncated to 32 (the sums here fit).
func addLE(a, b []byte) []byte {
	out := make([]byte, 32)
	carry := 0
	for i := range out {
		s := int(a[i]) + int(b[i]) + carry
		out[i], carry = byte(s), s>>8
	}
	return out
}

func TestSizesAreEd25519s(t *testing.T) {
	if PublicKeySize != ed25519.PublicKeySize || SignatureSize != ed25519.SignatureSize {
		t.Errorf("sizes %d and %d, crypto/ed25519's %d and %d", PublicKeySize, SignatureSize, ed25519.PublicKeySize, ed25519.SignatureSize)
	}
}

// BenchmarkVerifySig checks one signature of a message the size of a
// starter list's bundle (300 KB): the hash and the curve arithmetic a
// start-up pays for each list.
func BenchmarkVerifySig(b *testing.B) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{3}, ed25519.SeedSize))
	pub := priv.Public().(ed25519.PublicKey)
	msg := bytes.Repeat([]byte("voile "), 50_000)
	sig := ed25519.Sign(priv, append([]byte(domain), msg...))
	b.SetBytes(int64(len(msg)))
	for b.Loop() {
		if !verifySig(pub, domain, msg, sig) {
			b.Fatal("refused")
		}
	}
}

// BenchmarkVerifySigCurve is the curve arithmetic alone: an empty message.
func BenchmarkVerifySigCurve(b *testing.B) {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{3}, ed25519.SeedSize))
	pub := priv.Public().(ed25519.PublicKey)
	sig := ed25519.Sign(priv, []byte(domain))
	for b.Loop() {
		if !verifySig(pub, domain, nil, sig) {
			b.Fatal("refused")
		}
	}
}
