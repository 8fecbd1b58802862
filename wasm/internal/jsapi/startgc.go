//go:build js && wasm

package jsapi

import (
	"runtime/debug"
	"sync"
	"time"
)

// startGC keeps the garbage collector from running during a warm start:
// from restoring the start-up cache to the first verdict.
//
// Until its first collection the runtime collects when the heap reaches
// 4 MB (× GOGC/100), and the start-up cache alone is megabytes (9 MB for
// the demo lists), copied into the heap by restoreCache. So a warm start
// collected once, while restoring the cache and opening the lists, and
// found nothing to free: all that start-up allocates (the cache, whose
// arrays the automaton uses in place, and the decoded lists) stays in use.
// That collection cost 10 to 30 ms of the start in WebAssembly, where it
// runs on the program's one thread and its code for the first time.
//
// So restoreCache raises GOGC until the heap may hold twice the cache and
// 16 MB more before a collection, and the first verdict, or a compilation
// from the bundles (when the cache does not fit the lists loaded, which
// makes garbage), or two seconds at most, puts it back. The collection
// that the start-up's allocations call for then comes after the first
// verdict.
type startGC struct {
	mu   sync.Mutex
	prev int  // GOGC before hold
	held bool // GOGC is raised
	done bool // hold was called: the start is over
}

// startGCWindow bounds how long GOGC stays raised if no verdict comes.
const startGCWindow = 2 * time.Second

// hold raises GOGC for a start-up cache of size bytes, the first time
// only: a cache restored later is no start.
func (g *startGC) hold(size int) {
	g.mu.Lock()
	defer g.mu.Unlock()
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
	time.AfterFunc(startGCWindow, g.release)
}

// release puts GOGC back if hold raised it.
func (g *startGC) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.held {
		debug.SetGCPercent(g.prev)
		g.held = false
	}
}
