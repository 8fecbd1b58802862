// Command worker is the sync server's edge part, for Cloudflare Workers
// (built with GOOS=js GOARCH=wasm, through github.com/syumai/workers). It
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
// # One Go instance per isolate
//
// syumai/workers' own entry (the worker.mjs its workers-assets-gen writes)
// starts a new Go instance for every request, and workers.Serve ends the
// program after its first response: 10-23 ms of CPU a request under
// workerd, most of it starting Go. Here the Go side calls
// workers.ServeNonBlock and workers.Ready and then blocks for good, never
// waiting on workers.Done; the entry js/edge.mjs, beside syumai's
// generated glue (wasm_exec.js, runtime.mjs, worker.mjs, imported for the
// globals the Go side uses), starts the instance once per isolate as
// syumai's entry does, with syumai's runtime context, and hands every
// request to binding.handleRequest: 2.5-4.5 ms a request (figures in
// server/DEPLOY.md).
//
// What the requests of an isolate share: the instance, and its runtime
// context, which holds the env of the request that started it (Workers
// gives every request of an isolate the same env; the KV binding is read
// from it with cloudflare.GetBinding). The runtime context holds no ctx:
// a request's ExecutionContext is its own, so cloudflare.WaitUntil and
// PassThroughOnException would fail here instead of acting on another
// request (the edge uses neither). Should the program exit, the next
// request starts another instance.
//
// syumai/workers v0.31.0 closes the channel of workers.Done whenever a
// response body it streamed is closed, so a second streamed response
// panics (close of a closed channel). The handler's responses are
// therefore handed to syumai whole, as one Uint8Array through its
// ResponseWriter's WriteRawJSBody, which it passes to `new Response` as
// is, without streaming or closing anything (wholeBody in main_js.go).
// The ETag, Cache-Control and 304 of a bundle come from the handler
// (server/listing), as at the origin.
//
// Built for another platform, the same program serves a KV export file
// over plain HTTP, to try the edge's answers locally:
//
//	worker -kv kv.json [-addr 127.0.0.1:8788]
package main
