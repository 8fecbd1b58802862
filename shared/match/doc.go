// Package match finds every rule of a set of lists that a text matches.
//
// Compile turns the term, phrase and exception texts and the pattern
// trees of all lists into one deterministic automaton whose alphabet is
// words, not bytes: the normalised text is split into words once, each
// word is looked up in a dictionary of the words the rules use, and the
// automaton steps once per word, in one run for each word a phrase may
// start at. Matches therefore always fall on word boundaries, a word that
// merely contains a listed term never matches, and words no rule uses end
// the runs without any work. Pattern rules are finite sets of phrases,
// carried as syntax trees (rules.Node); their trees are built into the
// automaton without spelling their phrases (build.go, tree.go), so that
// phrases that end alike share its states: no regular expression runs
// over a post.
//
// A word's dictionary key drops a plural ending, so that a term matches its
// plural and a phrase its plural forms. A word in which the normaliser had
// to guess (haaate: one a or two? ki11: i or l?) is looked up once for each
// other guess, and matches if any does.
//
// A match of a rule written for other languages than the post's is
// dropped when package lang can tell the post's language; the stopwords
// it reads are words of the dictionary, counted by the ids the walk found.
package match
