//go:build verifyonly

package rules

// checkPatternText has nothing to check in a program that only verifies
// signed lists: it has no parser of patterns' text (pattern.go), and
// Validate checks the tree a pattern rule carries, which the list's
// signature covers.
func checkPatternText(*Rule) string { return "" }

// probePatterns: a program that only verifies signed lists does not look
// for over-broad patterns, which takes spelling every phrase (a tenth of
// a client's first start): that is a check of authorship, which the
// publisher's tools and the server make before a list is signed and
// stored. What keeps a client safe, a tree's shape and bounds and its
// phrases' form, it checks.
const probePatterns = false

// probeRuns is left empty: no probe text to look phrases up in.
var probeRuns map[string]string
