package sha512

import (
	"bytes"
	stdsha512 "crypto/sha512"
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// The copy hashes as crypto/sha512 does: FIPS 180-4's examples, then
// every length across the padding boundaries and random messages written
// in random pieces, against the standard library.

func TestVectors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"},
		{"abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"},
		{"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"},
	} {
		h := New()
		h.Write([]byte(c.in))
		if got := hex.EncodeToString(h.Sum(nil)); got != c.want {
			t.Errorf("SHA-512(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestAgainstStandardLibrary(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	msg := make([]byte, 4096)
	for i := range msg {
		msg[i] = byte(r.Uint32())
	}
	check := func(n int, pieces []int) {
		t.Helper()
		h := New()
		rest := msg[:n]
		for _, p := range pieces {
			p = min(p, len(rest))
			h.Write(rest[:p])
			rest = rest[p:]
		}
		h.Write(rest)
		want := stdsha512.Sum512(msg[:n])
		if got := h.Sum(nil); !bytes.Equal(got, want[:]) {
			t.Fatalf("%d bytes in pieces %v: %x, want %x", n, pieces, got, want)
		}
		// Sum leaves the state as it was: writing on goes on hashing.
		h.Write(msg[n : n+7])
		want = stdsha512.Sum512(msg[:n+7])
		if got := h.Sum(nil); !bytes.Equal(got, want[:]) {
			t.Fatalf("%d bytes, summed, then 7 more: %x, want %x", n, got, want)
		}
	}
	for n := 0; n <= 3*chunk+1; n++ {
		check(n, nil)
	}
	for range 500 {
		n := r.IntN(len(msg) - 8)
		pieces := make([]int, r.IntN(6))
		for i := range pieces {
			pieces[i] = r.IntN(300)
		}
		check(n, pieces)
	}
}
