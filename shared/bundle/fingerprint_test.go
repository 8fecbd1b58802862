//go:build !verifyonly

package bundle

import "testing"

// fingerprintVector is also checked by extension/test/settings.test.js
// against keyFingerprint, so that the command line and the extension show
// readers the same fingerprint.
const (
	fingerprintKey  = "voile-pub-AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"
	fingerprintWant = "a4b8 a555 5cd5 6947 0ec5 bc60 97b8 1a3f"
)

func TestFingerprint(t *testing.T) {
	if got := Fingerprint(fingerprintKey); got != fingerprintWant {
		t.Errorf("Fingerprint = %q, want %q", got, fingerprintWant)
	}
	if got := Fingerprint(" " + fingerprintKey + "\n"); got != fingerprintWant {
		t.Errorf("Fingerprint ignores surrounding space: got %q", got)
	}
	k, err := ParsePublicKey(fingerprintKey)
	if err != nil {
		t.Fatal(err)
	}
	if got := KeyFingerprint(k); got != fingerprintWant {
		t.Errorf("KeyFingerprint = %q, want %q", got, fingerprintWant)
	}
}
