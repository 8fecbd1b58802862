// Package store defines where the sync server keeps publishers and every
// version of every list: the Store interface, its records, and a read-only
// Reader over a flat key-value snapshot (for the edge worker, which reads a
// copy of the store from Cloudflare KV). The embedded implementation is in
// store/bolt; a scaled deployment can put another behind the same interface.
//
// Every version is kept, so the server can serve deltas from any version a
// client holds and a publisher can roll back. Versions of a list only grow:
// Append refuses a version not above the latest, inside the same atomic
// step that stores it.
package store
