// Package testlists makes signed rule-list bundles for the wasm tests and
// benchmarks: publishers with fresh keys, small lists with known rules,
// generated lists of any size, and bundles that must be refused (bad
// signature, invalid list). Keys are generated at run time and never
// written to the repository.
package testlists
