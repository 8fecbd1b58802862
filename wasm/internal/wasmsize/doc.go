// Command wasmsize tells what a Go-built WebAssembly module is made of:
// the size of each section, and the code bytes of each Go package, read
// from the function bodies and the name section, each package's code
// compressed alone (roughly what it adds to the gzipped file), the
// largest functions, and the data section by the parts the runtime's
// moduledata names: read-only data and types, the pclntab (function
// names, pc tables, function records), funcdata, findfunctab and the
// variables. In a Go wasm module the data section is mostly the runtime's
// tables about functions, which grow with the code: a wasm function's pcs
// span 65536 values, so findfunctab holds 16 buckets of 20 bytes for each
// function, mostly zeros that cost a segment header each. go tool nm
// does not read wasm modules, hence this. Build without -s so that the
// names are kept:
//
//	GOOS=js GOARCH=wasm go build -trimpath -tags verifyonly -o voile-names.wasm ./wasm
//	go run ./wasm/internal/wasmsize voile-names.wasm
package main
