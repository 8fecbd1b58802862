// Package bundle signs and opens rule-list bundles: a list version in its
// MessagePack form with its publisher's Ed25519 signature. The signature
// travels with the bundle to every client, and every client opens the
// bundle with the publisher's public key before using the list, so neither
// the sync server nor anyone between it and the reader can forge rules.
package bundle
