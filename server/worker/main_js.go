//go:build js && wasm

package main

import (
	"fmt"
	"log/slog"
	"os"
	"syscall/js"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"

	"voile/server/store"
)

// binding is the Workers KV namespace holding the store export.
const binding = "VOILE_KV"

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	workers.Serve(handler(store.Flat{Get: kvGet}, log))
}

// kvGet reads a key's bytes from KV, within a request.
func kvGet(key string) ([]byte, error) {
	ns := cloudflare.GetBinding(binding)
	if ns.IsUndefined() {
		return nil, fmt.Errorf("the KV binding %s is not configured", binding)
	}
	v, err := await(ns.Call("get", key, "arrayBuffer"))
	if err != nil {
		return nil, fmt.Errorf("KV get %q: %w", key, err)
	}
	if v.IsNull() || v.IsUndefined() {
		return nil, fmt.Errorf("KV key %q: %w", key, store.ErrNotFound)
	}
	u8 := js.Global().Get("Uint8Array").New(v)
	b := make([]byte, u8.Get("length").Int())
	js.CopyBytesToGo(b, u8)
	return b, nil
}

// await waits for a JavaScript promise.
func await(p js.Value) (js.Value, error) {
	vc := make(chan js.Value, 1)
	ec := make(chan error, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		vc <- args[0]
		return nil
	})
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ec <- fmt.Errorf("%s", args[0].Call("toString").String())
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then).Call("catch", catch)
	select {
	case v := <-vc:
		return v, nil
	case err := <-ec:
		return js.Undefined(), err
	}
}
