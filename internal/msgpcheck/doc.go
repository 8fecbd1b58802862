// Package msgpcheck lets a test fail when msgp-generated code is stale: it
// runs the generator as the source's own //go:generate line says, into a
// temporary folder, and compares the result with the committed file.
package msgpcheck
