// Command worker is the sync server's edge part, for Cloudflare Workers
// (built with GOOS=js GOARCH=wasm; js/worker.mjs is its glue, which starts
// one Go instance per isolate and hands it every request). It
// serves what needs no connection state from a read-only copy of the store
// kept in Workers KV (binding VOILE_KV, filled from `voile-server
// export-kv`): the catalog with publishers' keys, every signed bundle, and
// /healthz, with the same handlers as the server (server/listing).
//
// What does not run at the edge: the WebSocket sync (a Worker is
// stateless; live pushes to every subscriber need one process, or Durable
// Objects, which this entry does not use), publishing and rollback (KV
// writes are eventually consistent and not durable in the sense a publish
// acknowledgement promises), and status. Those answer 501 with a JSON
// error pointing to the origin server. Clients still verify every bundle
// with the publisher's key, so the edge can serve them no more than the
// origin could forge.
//
// Built for another platform, the same program serves a KV export file
// over plain HTTP, to try the edge's answers locally:
//
//	worker -kv kv.json [-addr 127.0.0.1:8788]
package main
