package bundle

import (
	"crypto/ed25519"
	"fmt"

	"voile/shared/rules"
)

// OpenValidated is Open for a bundle whose list this device validated
// before, when it was first opened: the same signature, so the same
// bytes. It checks the signature and decodes the list like Open, but does
// not validate it again, which is most of the cost of opening a list (every
// pattern compiled and probed). The caller must know the list was
// validated, from a record it trusts as much as the bundle store.
func (b *Bundle) OpenValidated(key ed25519.PublicKey) (*rules.List, error) {
	if len(key) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("open list %q: public key of %q is %d bytes, want %d", b.ListID, b.Publisher, len(key), ed25519.PublicKeySize)
	}
	if !ed25519.Verify(key, message(b.List), b.Sig) {
		return nil, fmt.Errorf("open list %q version %d: %w for publisher %q", b.ListID, b.Version, ErrSignature, b.Publisher)
	}
	var l rules.List
	rest, err := l.UnmarshalMsg(b.List)
	if err != nil {
		return nil, fmt.Errorf("decode rule list: %w", err)
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("decode rule list %q: %d trailing bytes", l.ID, len(rest))
	}
	if l.ID != b.ListID || l.Publisher != b.Publisher || l.Version != b.Version {
		return nil, fmt.Errorf("open list: bundle says %s/%s v%d, signed list is %s/%s v%d",
			b.Publisher, b.ListID, b.Version, l.Publisher, l.ID, l.Version)
	}
	return &l, nil
}
