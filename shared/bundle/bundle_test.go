package bundle

import (
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"

	"voile/shared/rules"
)

func testList() *rules.List {
	return &rules.List{ID: "l", Publisher: "ngo", Version: 4, Langs: []string{"fr"},
		Rules: []rules.Rule{{ID: "a", Kind: rules.Term, Text: "mot", Category: rules.Racism, Weight: 0.8}}}
}

func key(seed byte) ed25519.PrivateKey {
	s := make([]byte, ed25519.SeedSize)
	s[0] = seed
	return ed25519.NewKeyFromSeed(s)
}

func TestSignOpen(t *testing.T) {
	priv := key(1)
	b, err := Sign(testList(), priv)
	if err != nil {
		t.Fatal(err)
	}
	msg := b.Encode()
	d, err := Decode(msg)
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.Open(priv.Public().(ed25519.PublicKey))
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "l" || l.Version != 4 || l.Rules[0].Text != "mot" {
		t.Errorf("opened %+v", l)
	}

	// What lets an opened list share the bundle's List (rules.Decode):
	// Decode copies List out of the message, so the list stays whole when
	// the buffer the message came in is reused.
	for i := range msg {
		msg[i] = 'x'
	}
	if l.ID != "l" || l.Publisher != "ngo" || l.Langs[0] != "fr" || l.Rules[0].ID != "a" || l.Rules[0].Text != "mot" || l.Rules[0].Category != rules.Racism {
		t.Errorf("after the message's buffer was overwritten, the list reads %+v", l)
	}
	if _, err := d.Open(priv.Public().(ed25519.PublicKey)); err != nil {
		t.Errorf("after the message's buffer was overwritten, the bundle no longer opens: %v", err)
	}
}

func TestOpenRefuses(t *testing.T) {
	priv := key(1)
	pub := priv.Public().(ed25519.PublicKey)
	tests := []struct {
		name string
		edit func(b *Bundle) ed25519.PublicKey
		want string
	}{
		{"other publisher's key", func(b *Bundle) ed25519.PublicKey { return key(2).Public().(ed25519.PublicKey) }, "bad signature"},
		{"list changed after signing", func(b *Bundle) ed25519.PublicKey {
			l := testList()
			l.Rules[0].Text = "autre"
			b.List = l.Encode()
			return pub
		}, "bad signature"},
		{"signature changed", func(b *Bundle) ed25519.PublicKey { b.Sig[0] ^= 1; return pub }, "bad signature"},
		{"no signature", func(b *Bundle) ed25519.PublicKey { b.Sig = nil; return pub }, "bad signature"},
		{"header names another version", func(b *Bundle) ed25519.PublicKey { b.Version = 5; return pub }, "signed list is ngo/l v4"},
		{"header names another list", func(b *Bundle) ed25519.PublicKey { b.ListID = "x"; return pub }, "bundle says ngo/x v4"},
		{"short key", func(b *Bundle) ed25519.PublicKey { return pub[:5] }, "public key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Sign(testList(), priv)
			if err != nil {
				t.Fatal(err)
			}
			k := tc.edit(b)
			l, err := b.Open(k)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Open() = %v, want an error containing %q", err, tc.want)
			}
			if l != nil {
				t.Errorf("Open() gave a list with its error")
			}
		})
	}
}

func TestSignedInvalidListRefused(t *testing.T) {
	// A publisher's tool could sign a list that fails validation; clients
	// must still refuse it.
	l := testList()
	l.Rules[0].Category = "nope"
	enc := l.Encode()
	priv := key(1)
	b := &Bundle{List: enc, ListID: l.ID, Publisher: l.Publisher, Version: l.Version, Sig: ed25519.Sign(priv, message(enc))}
	_, err := b.Open(priv.Public().(ed25519.PublicKey))
	var ve *rules.Error
	if !errors.As(err, &ve) {
		t.Errorf("Open() = %v, want a validation error", err)
	}
	if _, err := Sign(l, priv); err == nil {
		t.Error("Sign accepted an invalid list")
	}
}

func TestKeys(t *testing.T) {
	priv := key(3)
	pubText := FormatPublicKey(priv.Public().(ed25519.PublicKey))
	privText := FormatPrivateKey(priv)
	pub, err := ParsePublicKey(pubText + "\n")
	if err != nil || !pub.Equal(priv.Public()) {
		t.Errorf("ParsePublicKey: %v", err)
	}
	p2, err := ParsePrivateKey(privText)
	if err != nil || !p2.Equal(priv) {
		t.Errorf("ParsePrivateKey: %v", err)
	}
	if _, err := ParsePublicKey(privText); err == nil {
		t.Error("a private key was accepted as a public key")
	}
	if _, err := ParsePublicKey("voile-pub-AAAA"); err == nil {
		t.Error("a short key was accepted")
	}
	if _, err := ParsePublicKey("voile-pub-!!!"); err == nil {
		t.Error("bad base64 was accepted")
	}
}

func TestDecodeLimits(t *testing.T) {
	if _, err := Decode(make([]byte, MaxSize+1)); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("oversized: %v", err)
	}
	if _, err := Decode([]byte{0xc1}); err == nil {
		t.Error("garbage accepted")
	}
}

func FuzzDecode(f *testing.F) {
	priv := key(1)
	b, err := Sign(testList(), priv)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b.Encode())
	f.Add([]byte{0x85})
	pub := priv.Public().(ed25519.PublicKey)
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Decode(data)
		if err != nil {
			return
		}
		l, err := b.Open(pub)
		if err != nil {
			return
		}
		// Only the signed bytes can open.
		if l.ID != "l" || l.Rules[0].Text != "mot" {
			t.Fatalf("opened a forged list %+v", l)
		}
	})
}
