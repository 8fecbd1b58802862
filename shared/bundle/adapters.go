package bundle

import (
	"errors"
	"strconv"

	"voile/shared/internal/errwrap"
)

// Site adapters (which elements of a page are posts, where their text is)
// are data, and a publisher may ship a fix for a site whose markup
// changed. The fix is the adapter document (the UTF-8 JSON the extension
// reads) signed with the publisher's list key over a domain of its own, so
// that neither a list signature can pass for an adapter one nor the other
// way round. The extension checks the same bytes
// (extension/src/common/adapter-updates.js).

// adaptersDomain separates adapter signatures from list signatures.
const adaptersDomain = "voile adapters v1\x00"

// MaxAdapters bounds an adapter document. The built-in adapters are a few
// kilobytes. It stays below the byte-array limit of the wire decoder.
const MaxAdapters = 64 << 10

// VerifyAdapters checks sig over an adapter document with the publisher's
// public key, and returns an error wrapping ErrSignature when it does not
// verify.
func VerifyAdapters(doc, sig []byte, key PublicKey) error {
	if len(key) != PublicKeySize {
		return errors.New("verify adapters: public key is " + strconv.Itoa(len(key)) + " bytes, want " + strconv.Itoa(PublicKeySize))
	}
	if len(doc) > MaxAdapters {
		return errors.New("verify adapters: document of " + strconv.Itoa(len(doc)) + " bytes, more than the limit of " + strconv.Itoa(MaxAdapters))
	}
	if !verifySig(key, adaptersDomain, doc, sig) {
		return errwrap.Wrap("adapter document: ", ErrSignature, "")
	}
	return nil
}
