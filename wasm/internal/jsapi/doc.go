//go:build js && wasm

// Package jsapi exposes an engine.Engine to JavaScript as an object of
// functions, which wasm/js/voile.js wraps into the public API.
//
// Every function returns either its result or a JavaScript Error object,
// never throws: a Go function called from JavaScript cannot throw, and a
// panic would end the wasm program. voile.js throws the Error it gets.
// Arguments are checked here, so a wrong call from anywhere gets a clear
// message naming the function and the argument.
package jsapi
