package bundle_test

import (
	"crypto/ed25519"
	"errors"
	"fmt"

	"voile/shared/bundle"
	"voile/shared/rules"
)

// A publisher signs a list; a reader opens it with the publisher's pinned
// key, and a bundle changed on the way, or signed by another key, is
// refused.
func Example() {
	pub, priv, _ := ed25519.GenerateKey(nil)
	l := &rules.List{ID: "en", Publisher: "ngo", Version: 1, Langs: []string{"en"}, Rules: []rules.Rule{
		{ID: "r", Kind: rules.Term, Text: "slurword", Category: rules.Racism, Weight: 0.9},
	}}
	b, err := bundle.Sign(l, priv)
	if err != nil {
		panic(err)
	}
	got, err := b.Open(pub)
	fmt.Println(got.ID, got.Version, err)

	b.List[len(b.List)-1] ^= 1 // a byte flipped on the way
	_, err = b.Open(pub)
	fmt.Println(errors.Is(err, bundle.ErrSignature))

	other, _, _ := ed25519.GenerateKey(nil)
	b.List[len(b.List)-1] ^= 1
	_, err = b.Open(other)
	fmt.Println(errors.Is(err, bundle.ErrSignature))
	// Output:
	// en 1 <nil>
	// true
	// true
}
