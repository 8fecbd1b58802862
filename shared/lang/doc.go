// Package lang guesses which language a post is written in, from its
// stopwords: frequent words of one language that are rare in the others
// ("the", "would"; « les », « sont »). The guess is deliberately
// cautious: it names a language only when at least two of its stopwords
// stand in the post and they outnumber the other language's two to one,
// and otherwise says it cannot tell.
//
// Package match uses the guess to keep a rule written for one language
// from matching in a post of another (a French word that is an English
// insult, or the reverse). It looks every word up in its dictionary
// anyway, so it keeps each stopword's language by word id (Of, once per
// compiled dictionary) and counts them in a Tally from the ids its walk
// found, without reading the words again.
//
// The languages it tells apart are those of the starter lists, English
// and French; a rule written for every one of them (Covers) is never
// dropped, and the language of a post is looked for only when a match
// depends on it.
package lang
