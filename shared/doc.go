// Package shared holds no code of its own: its sub-packages are the Go code
// that both the classifier in the browser (wasm/) and the sync server
// (server/) use. Its test checks that generated code is up to date.
//
//   - rules: rule lists, their source format, validation and binary form
//   - bundle: signed list versions, as they travel
//   - normalize: the canonical text that rules match
//   - match: the automaton that finds every rule a text matches
//   - verdict: scores, the decision and its reasons
//   - demo: the demo lists, written to show and test Voile
package shared
