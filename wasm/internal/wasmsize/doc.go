// Command wasmsize tells what a Go-built WebAssembly module is made of:
// the size of each section, and the code bytes of each Go package, read
// from the function bodies and the name section, each package's code
// compressed alone (roughly what it adds to the gzipped file), and the
// largest functions. go tool nm does not read
// wasm modules, hence this. Build without -s so that the names are kept:
//
//	GOOS=js GOARCH=wasm go build -trimpath -o voile-names.wasm ./wasm
//	go run ./wasm/internal/wasmsize voile-names.wasm
package main
