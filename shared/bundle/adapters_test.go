package bundle

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"testing"

	"voile/shared/rules"
)

func TestAdaptersSignature(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	other, _, _ := ed25519.GenerateKey(rand.Reader)
	doc := []byte(`{"version":1,"adapters":[]}`)
	sig, err := SignAdapters(doc, priv)
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyAdapters(doc, sig, pub); err != nil {
		t.Fatalf("verify: %v", err)
	}
	// The signature is over the domain and the document, as the
	// extension checks it.
	if !ed25519.Verify(pub, append([]byte("voile adapters v1\x00"), doc...), sig) {
		t.Error("signature is not over \"voile adapters v1\\x00\" || document")
	}
	tampered := bytes.Replace(doc, []byte("1"), []byte("2"), 1)
	for name, c := range map[string]struct {
		doc, sig []byte
		key      ed25519.PublicKey
	}{
		"tampered document": {tampered, sig, pub},
		"other key":         {doc, sig, other},
		"short signature":   {doc, sig[:10], pub},
		"no signature":      {doc, nil, pub},
	} {
		if err := VerifyAdapters(c.doc, c.sig, c.key); !errors.Is(err, ErrSignature) {
			t.Errorf("%s: got %v, want ErrSignature", name, err)
		}
	}
	if _, err := SignAdapters(make([]byte, MaxAdapters+1), priv); err == nil {
		t.Error("signed a document over MaxAdapters")
	}
	if err := VerifyAdapters(doc, sig, pub[:5]); err == nil || errors.Is(err, ErrSignature) {
		t.Errorf("short key: got %v, want a key error", err)
	}

	// A list signature never passes for an adapter one, nor the reverse.
	l := &rules.List{ID: "l", Publisher: "p", Version: 1, Name: "L", Langs: []string{"en"},
		Rules: []rules.Rule{{ID: "r", Kind: rules.Term, Text: "slur", Category: rules.Racism, Weight: 0.5}}}
	b, err := Sign(l, priv)
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyAdapters(b.List, b.Sig, pub); !errors.Is(err, ErrSignature) {
		t.Errorf("list signature verified as an adapter signature: %v", err)
	}
	asig, _ := SignAdapters(b.List, priv)
	b.Sig = asig
	if _, err := b.Open(pub); !errors.Is(err, ErrSignature) {
		t.Errorf("adapter signature opened a bundle: %v", err)
	}
}
