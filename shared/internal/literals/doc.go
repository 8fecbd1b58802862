// Package literals finds what a regular expression's matches cannot do
// without: clauses of literals, one of each held by every match, and the
// strings of a pattern that matches only a few.
//
// Package rules' validation of a pattern's text proves with them that a
// pattern cannot match ordinary text, without running it. It checks the
// clauses against lower-case text (the probe text): a literal that folds
// case is given in lower case.
package literals
