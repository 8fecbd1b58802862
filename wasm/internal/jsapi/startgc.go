//go:build js && wasm

package jsapi

import (
	"runtime"
	"runtime/debug"
	"sync/atomic"
)

// startGC keeps the garbage collector from running during a start and
// from the first pages' verdicts after it.
//
// In WebAssembly a collection runs on the program's one thread, and at
// start its code runs for the first time, in V8's baseline tier. A start
// allocates much that stays in use (the start-up cache, whose arrays the
// automaton uses in place, and the decoded lists), and the collections
// the runtime made on the way found little to free: with the start-up
// cache, one collection cost 10 to 30 ms; with none, compiling the starter
// lists collected several times, 60 to 80 ms of a cold start of about
// 500 ms (make bench-wasm), for 11 MB less memory at the end (26 MB of
// WebAssembly memory with the collections, 37 MB without; the trie that
// the lists compiled into before took 41 MB with them).
//
// So the collector is off during a start (held), with a memory limit that
// makes it run all the same if the heap nears startLimit (lists far larger
// than the starter ones). The start ends at the first verdict (or
// exportCache), or at any call that is no part of a start (decodeMessage,
// encodeHello, unloadList). GOGC put back then would start a collection at
// once: the runtime paces it from the heap it last marked, before the
// start, and the heap is now several times that. It ran during the next
// verdicts, the first page's, in the baseline tier as well: in node, a
// first page of 200 posts after a warm start took a median 173 ms with the
// demo lists and model, 110 with the collection deferred (make bench-wasm,
// lists alone: 108-117 ms, 35-40 deferred), and a collection forced at the
// end of the start cost about as much as it saved. So the collection is deferred: the collector stays off
// with a memory limit of twice the memory in use at the end of the start,
// the pace GOGC=100 would keep had the start's garbage been live, and
// GOGC and the limit are put back at the first call after a collection
// has run. A WebAssembly memory never shrinks, so the start's garbage kept
// a while costs no memory the start did not take already, until the heap
// grows past it.
//
// There is no timer: a program that loads its lists and does nothing else
// allocates nothing more, and a Go timer pending is a JavaScript timeout
// pending, which keeps node from exiting.
//
// jsapi's functions are called one at a time, from JavaScript.
type startGC struct {
	state       gcState
	prevPercent int         // GOGC before hold
	prevLimit   int64       // the memory limit before hold
	done        bool        // hold was called: the start is under way or over
	collected   atomic.Bool // a collection ran since the start ended
}

type gcState uint8

const (
	gcAsBefore gcState = iota // as the program had it
	gcHeld                    // off, for a start
	gcDeferred                // off after a start, until a collection runs
)

// startLimit is the heap size from which the collector runs during a
// start all the same.
const startLimit = 64 << 20

// hold turns the collector off for a start, the first time only: a later
// call is no start.
func (g *startGC) hold() {
	if g.done {
		return
	}
	g.done = true
	g.prevPercent = debug.SetGCPercent(-1)
	if g.prevPercent < 0 {
		return // collection is off already: leave it so
	}
	g.prevLimit = debug.SetMemoryLimit(startLimit)
	g.state = gcHeld
}

// release ends a start: a held collector is deferred, and a deferred one
// is put back as it was once a collection has run.
func (g *startGC) release() {
	switch g.state {
	case gcHeld:
		// The memory the runtime counts against its limit: mapped, not
		// released (runtime/debug.SetMemoryLimit).
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		g.state = gcDeferred
		debug.SetMemoryLimit(min(2*int64(m.Sys-m.HeapReleased), g.prevLimit))
		// The first collection from now on finds this unreachable. A
		// finalizer (syscall/js has them linked already), not a count of
		// collections read at each call: runtime/metrics added 9 KB to the
		// gzipped voile.wasm, runtime.AddCleanup 5 KB.
		runtime.SetFinalizer(new([2]*byte), func(*[2]*byte) { g.collected.Store(true) })
	case gcDeferred:
		if g.collected.Load() {
			debug.SetGCPercent(g.prevPercent)
			debug.SetMemoryLimit(g.prevLimit)
			g.state = gcAsBefore
		}
	}
}
