package testlists

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"

	"voile/shared/bundle"
	"voile/shared/rules"
	"voile/shared/rules/rulestest"
)

// A Publisher signs lists with its own key.
type Publisher struct {
	ID     string
	Key    ed25519.PrivateKey
	Public string // bundle.FormatPublicKey of the key
}

// NewPublisher returns a publisher with a fresh key.
func NewPublisher(id string) *Publisher {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		panic("testlists: generate key: " + err.Error())
	}
	return &Publisher{ID: id, Key: priv, Public: bundle.FormatPublicKey(pub)}
}

// Sign returns the encoded bundle of l, which must be valid.
func (p *Publisher) Sign(l *rules.List) []byte {
	b, err := bundle.Sign(l, p.Key)
	if err != nil {
		panic(fmt.Sprintf("testlists: sign list %q: %v", l.ID, err))
	}
	return b.Encode()
}

// SignUnchecked returns a bundle of l signed without validating it, as a
// careless or hostile publisher could: clients must still refuse it. The
// signed message repeats shared/bundle's domain prefix, which that package
// keeps unexported so that nothing else signs list bundles.
func (p *Publisher) SignUnchecked(l *rules.List) []byte {
	enc := l.Encode()
	msg := append([]byte("voile list bundle v1\x00"), enc...)
	b := &bundle.Bundle{List: enc, ListID: l.ID, Publisher: l.Publisher, Version: l.Version, Sig: ed25519.Sign(p.Key, msg)}
	return b.Encode()
}

// Tampered returns a copy of a bundle's encoding with one byte of the
// signed list changed, so that its signature no longer verifies.
func Tampered(data []byte) []byte {
	b, err := bundle.Decode(data)
	if err != nil {
		panic("testlists: tamper: " + err.Error())
	}
	b.List = append([]byte(nil), b.List...)
	b.List[len(b.List)-1] ^= 1
	return b.Encode()
}

// List returns a list of p's with the given rules.
func (p *Publisher) List(id string, version uint64, rs ...rules.Rule) *rules.List {
	return &rules.List{ID: id, Publisher: p.ID, Version: version, Name: "Test list " + id, Langs: []string{"en"}, Rules: rs}
}

// Term returns a term rule.
func Term(id, text string, c rules.Category, weight float64, exceptions ...string) rules.Rule {
	return rules.Rule{ID: id, Kind: rules.Term, Text: text, Category: c, Weight: weight, Exceptions: exceptions}
}

// Phrase returns a phrase rule.
func Phrase(id, text string, c rules.Category, weight float64) rules.Rule {
	return rules.Rule{ID: id, Kind: rules.Phrase, Text: text, Category: c, Weight: weight}
}

// Pattern returns a pattern rule.
func Pattern(id, re string, c rules.Category, weight float64) rules.Rule {
	return rules.Rule{ID: id, Kind: rules.Pattern, Text: re, Category: c, Weight: weight}
}

// Generated returns a valid list of n invented words and phrases
// (rulestest.Generated), published by p.
func (p *Publisher) Generated(id string, version uint64, n int) *rules.List {
	return rulestest.Generated(id, p.ID, version, n)
}
