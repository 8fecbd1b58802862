//go:build js && wasm

package main

import (
	"os"
	"syscall/js"

	"voile/wasm/internal/engine"
	"voile/wasm/internal/jsapi"
)

func main() {
	e := engine.New()
	if len(os.Args) > 2 {
		e.SetBuild(os.Args[2]) // voile.js reads the build id of voile.wasm
	}
	api := jsapi.New(e)
	if len(os.Args) > 1 && os.Args[1] != "" {
		ready := js.Global().Get(os.Args[1])
		if ready.Type() != js.TypeFunction {
			panic("voile.wasm: " + os.Args[1] + " is not a global function")
		}
		ready.Invoke(api)
	} else {
		js.Global().Set("voileWasm", api)
	}
	select {} // serve calls from JavaScript until the page goes
}
