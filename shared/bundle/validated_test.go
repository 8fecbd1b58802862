package bundle

import (
	"crypto/ed25519"
	"reflect"
	"testing"
)

func TestOpenValidated(t *testing.T) {
	priv := key(1)
	pub := priv.Public().(ed25519.PublicKey)
	b, err := Sign(testList(), priv)
	if err != nil {
		t.Fatal(err)
	}
	want, err := b.Open(pub)
	if err != nil {
		t.Fatal(err)
	}
	got, err := b.OpenValidated(pub)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("OpenValidated() = %+v, %v; Open gave %+v", got, err, want)
	}
	// The signature is always checked, and the header against the list.
	for name, edit := range map[string]func(b *Bundle) ed25519.PublicKey{
		"other key":        func(b *Bundle) ed25519.PublicKey { return key(2).Public().(ed25519.PublicKey) },
		"signature":        func(b *Bundle) ed25519.PublicKey { b.Sig[3] ^= 8; return pub },
		"list byte":        func(b *Bundle) ed25519.PublicKey { b.List[len(b.List)-1] ^= 1; return pub },
		"header version":   func(b *Bundle) ed25519.PublicKey { b.Version++; return pub },
		"short key":        func(b *Bundle) ed25519.PublicKey { return pub[:5] },
		"trailing bytes":   func(b *Bundle) ed25519.PublicKey { b.List = append(b.List, 0); return pub },
		"truncated list":   func(b *Bundle) ed25519.PublicKey { b.List = b.List[:len(b.List)/2]; return pub },
		"no signature":     func(b *Bundle) ed25519.PublicKey { b.Sig = nil; return pub },
		"header list name": func(b *Bundle) ed25519.PublicKey { b.ListID = "x"; return pub },
	} {
		b, _ := Sign(testList(), priv)
		if l, err := b.OpenValidated(edit(b)); err == nil || l != nil {
			t.Errorf("%s: OpenValidated() = %v, %v; want no list and an error", name, l, err)
		}
	}
}
