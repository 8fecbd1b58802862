// Package bolt is the embedded Store of the sync server, in one bbolt file.
// Every write is one bbolt transaction, committed with fsync before it
// returns, so an acknowledged publish survives a crash; bbolt's
// copy-on-write pages leave the file consistent whatever moment the process
// dies at.
package bolt
