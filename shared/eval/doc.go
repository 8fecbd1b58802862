// Package eval measures a classifier on labelled posts: accuracy,
// precision, recall and F1, overall and per language, category and
// function, with the false positives and the misses, and the posts whose
// verdict changes between two classifiers (a list's published version and
// its next one).
//
// It reads two shapes of JSON Lines: the functional suites of this
// package's testdata ({"text", "lang", "hateful", "function", "category",
// "split"}) and the corpora of the team's data folder ({"text", "lang",
// "label": "hate" | "offensive" | "normal", "split"}), where only "hate" is
// hateful.
package eval
