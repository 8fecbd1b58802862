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
// than the starter ones). The start ends at the first verdict, or at the
// first call that is no part of it. GOGC put back then would start a
// collection at once: the runtime paces it from the heap it last marked,
// before the start, and the heap is now several times that. It ran during
// the next verdicts, the first page's, in the baseline tier as well: in
// node, a first page of 200 posts after a warm start took a median 173 ms
// with the demo lists and model, 110 with the collection deferred (make
// bench-wasm, lists alone: 108-117 ms, 35-40 deferred), and a collection
// forced at the end of the start cost about as much as it saved. So the
// collector stays off after a start while only calls that allocate little
// follow (deferred: verdicts, and the sync messages' encoding and
// decoding, which the extension's host makes as it connects, often just
// before a page's first verdicts), and is put back as it was at the first
// call after a collection has run (the memory limit), or at a call that
// may allocate much (exportCache, which the extension makes once things
// settle; a list loaded or unloaded). The heap then collects the start's
// garbage at the pace GOGC sets. A WebAssembly memory never shrinks, so the
// start's garbage kept a while costs no memory the start did not take
// already.
//
// There is no timer: a program that loads its lists and does nothing else
// allocates nothing more, and a Go timer pending is a JavaScript timeout
// pending, which keeps node from exiting.
//
// jsapi's functions are called one at a time, from JavaScript.
type startGC struct {
	state       gcState
	prevPercent int         // GOGC before the start
	prevLimit   int64       // the memory limit before the start
	done        bool        // begin was called: the start is under way or over
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

// begin is called by the calls of a start (restoreCache, loadBundle): the
// first one holds the collector; one after the start ends a deferral.
func (g *startGC) begin() {
	if g.done {
		if g.state == gcDeferred {
			g.end()
		}
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

// light is called by the calls that allocate little (classify,
// encodeHello, decodeMessage): the first ends a start, and the collector
// stays off until a collection has run.
func (g *startGC) light() {
	switch g.state {
	case gcHeld:
		g.state = gcDeferred
		// The first collection from now on finds this unreachable. A
		// finalizer (syscall/js has them linked already), not a count of
		// collections read at each call: runtime/metrics added 9 KB to
		// the gzipped voile.wasm, runtime.AddCleanup 5 KB, and
		// runtime.ReadMemStats took 3 ms of the first verdict.
		runtime.SetFinalizer(new([2]*byte), func(*[2]*byte) { g.collected.Store(true) })
	case gcDeferred:
		if g.collected.Load() {
			g.end()
		}
	}
}

// end puts the collector back as it was, if begin changed it: called by
// the calls that may allocate much and are no part of a start
// (unloadList, exportCache).
func (g *startGC) end() {
	if g.state != gcAsBefore {
		debug.SetGCPercent(g.prevPercent)
		debug.SetMemoryLimit(g.prevLimit)
		g.state = gcAsBefore
	}
}
