//go:build js && wasm

package jsapi

import "runtime/debug"

// startGC keeps the garbage collector from running during a start: from
// the first call of one (restoreCache, or loadBundle when there is no
// start-up cache) to the first verdict.
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
// So the collector is off during a start, with a memory limit that makes
// it run all the same if the heap nears startLimit (lists far larger than
// the starter ones), and both are put back at the first verdict (or
// exportCache), or at any call that is no part of a start
// (decodeMessage, encodeHello, unloadList). The collection that the
// start's garbage calls for then comes after the first verdict. There is
// no timer: a program that loads its lists and does nothing else
// allocates nothing more, and a Go timer pending is a JavaScript timeout
// pending, which keeps node from exiting.
//
// jsapi's functions are called one at a time, from JavaScript.
type startGC struct {
	prevPercent int   // GOGC before hold
	prevLimit   int64 // the memory limit before hold
	held        bool  // hold turned the collector off
	done        bool  // hold was called: the start is under way or over
}

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
	g.held = true
}

// release puts GOGC and the memory limit back if hold changed them.
func (g *startGC) release() {
	if g.held {
		debug.SetGCPercent(g.prevPercent)
		debug.SetMemoryLimit(g.prevLimit)
		g.held = false
	}
}
