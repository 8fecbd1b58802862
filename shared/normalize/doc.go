// Package normalize turns a post into the canonical text that rules match:
// lower-case words of letters and digits separated by single spaces, with
// the tricks used to slip past word lists undone.
//
// It applies, in order: Unicode compatibility decomposition (NFKD, so that
// fullwidth forms, ligatures and styled letters become plain ones), removal
// of diacritics and of invisible characters, lower-casing, a homoglyph
// table (Cyrillic and Greek look-alikes of Latin letters), joining of words
// spelt out with separators (h.a.t.e, h a t e), leetspeak inside words that
// contain letters (4→a, 3→e, 0→o, 1→i, 5→s, 7→t, $→s, @→a), and shortening
// of letters repeated three times or more to two.
//
// Every byte of the normalised text remembers the span of the original text
// it came from, so a match can be highlighted where the reader sees it.
//
// Two choices are left to the matcher, which knows the rules: a word that
// had a long run of one letter (haaaate) or a 1 that may have stood for an
// l (ki11) is flagged, and its Skeleton, which folds both away, is worth a
// second look-up.
//
// Most posts take a fast path (fast.go) that writes each word in one pass
// over the bytes; a post where letters may be spelt out, or a symbol's
// meaning depends on its neighbours, goes through the general path. Both
// give the same text, offsets and flags (FuzzFastPath).
package normalize
