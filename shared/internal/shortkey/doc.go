// Package shortkey packs a word of at most 16 bytes into a comparable
// key: its bytes and its length. The caches of words kept per post by
// package model (the sums of a word's n-grams) and package match (the
// look-ups that found nothing) are keyed by it, exactly, without hashing
// a string or holding one.
package shortkey
