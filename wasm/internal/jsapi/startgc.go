//go:build js && wasm

package jsapi

import "runtime/debug"

// startGC keeps the garbage collector from running during a warm start:
// from restoring the start-up cache to the first verdict.
//
// Until its first collection the runtime collects when the heap reaches
// 4 MB (× GOGC/100), and the start-up cache alone is megabytes (4 MB for
// the demo lists), copied into the heap by restoreCache. So a warm start
// collected once, while restoring the cache and opening the lists, and
// found nothing to free: all that start-up allocates (the cache, whose
// arrays the automaton uses in place, and the decoded lists) stays in use.
// That collection cost 10 to 30 ms of the start in WebAssembly, where it
// runs on the program's one thread and its code for the first time.
//
// So restoreCache raises GOGC until the heap may hold twice the cache and
// 16 MB more before a collection, and puts it back as soon as the start
// leaves the way of the cache, where garbage is made: at the first verdict
// (or exportCache), when a list loaded is not the cache's next one (it is
// validated, and the cache will not fit: the lists will be compiled), or
// at any call that is no part of a start (decodeMessage, encodeHello,
// unloadList). The collection that the start-up's allocations call for
// then comes after the first verdict. There is no timer: a program that
// restores a cache, loads its lists and does nothing else allocates
// nothing more, and a Go timer pending is a JavaScript timeout pending,
// which keeps node from exiting.
//
// jsapi's functions are called one at a time, from JavaScript.
type startGC struct {
	prev int  // GOGC before hold
	held bool // GOGC is raised
	done bool // hold was called: the start is over
}

// hold raises GOGC for a start-up cache of size bytes, the first time
// only: a cache restored later is no start.
func (g *startGC) hold(size int) {
	if g.done {
		return
	}
	g.done = true
	// The heap limit before the first collection is 4 MB × GOGC/100.
	pct := 100 * (2*size + 16<<20) / (4 << 20)
	if pct <= 100 {
		return
	}
	g.prev = debug.SetGCPercent(pct)
	if g.prev < 0 {
		debug.SetGCPercent(g.prev) // collection is off: leave it so
		return
	}
	g.held = true
}

// release puts GOGC back if hold raised it.
func (g *startGC) release() {
	if g.held {
		debug.SetGCPercent(g.prev)
		g.held = false
	}
}
