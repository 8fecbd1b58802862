// Package literals finds what a regular expression's matches cannot do
// without: clauses of literals, one of each held by every match, and the
// strings of a pattern that matches only a few.
//
// Package match's prefilter runs a pattern only on a text that holds one
// literal of each of its clauses; package rules' validation proves with
// them that a pattern cannot match ordinary text, without running it.
// Both rely on the same property, so one analysis serves both. Both check
// the clauses against lower-case text (a normalised post, the probe
// text): a literal that folds case is given in lower case.
package literals
