// Package errwrap makes an error that says what failed around an error it
// wraps, as fmt.Errorf with %w does, for errors.Is and errors.As.
//
// The packages of shared/ that voile.wasm links build their messages
// without fmt: fmt brings its printer, reflect and their tables into the
// wasm, about 90 KB of its gzip size.
package errwrap
