// Package listing serves what any copy of the store can serve over plain
// HTTP, without subscriptions: the catalog of lists with their publishers'
// keys, the signed bundle of any version, and a health check. The sync
// server mounts it beside its WebSocket and publishing endpoints; the edge
// worker serves it alone over a read-only copy of the store.
package listing
