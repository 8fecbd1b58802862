//go:build js && wasm

// Command voile.wasm is Voile's classifier for the browser: the rule
// engine of shared/, compiled to WebAssembly, behind the JavaScript API of
// js/voile.js. Posts are classified inside the reader's browser; nothing
// the reader reads leaves it.
//
// voile.js starts the program with one argument, the name of a global
// function; the program calls it with the object of functions that
// internal/jsapi builds, then waits for calls. Without the argument it
// sets globalThis.voileWasm instead, for tools that run it directly.
package main
