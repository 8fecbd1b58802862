// Package engine is what one Voile wasm instance keeps between calls from
// JavaScript: the publishers' keys the reader trusts, the lists loaded
// from signed bundles, and one compiled matcher with its Classifier.
//
// It is plain Go, so that it is tested natively as well as under js/wasm,
// and it speaks the compact binary formats (batch.go) in which a whole
// batch of posts crosses the JavaScript boundary in one call each way:
// building one JavaScript value per field from Go costs a boundary
// crossing each, far more than classifying a post.
//
// Loading is all or nothing: a bundle is decoded, verified with its
// publisher's trusted key, validated and compiled together with the lists
// already loaded, and only then replaces what was in use. Any failure
// leaves the previous lists in use.
package engine
