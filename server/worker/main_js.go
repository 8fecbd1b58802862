//go:build js && wasm

package main

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"syscall/js"

	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"

	"voile/server/store"
)

// binding is the Workers KV namespace holding the store export.
const binding = "VOILE_KV"

// main hands the edge's handler to syumai/workers, tells the glue it is
// ready, and stays. It does not wait on workers.Done, as workers.Serve
// does to end the program after its first response: the glue
// (js/edge.mjs) keeps this one instance for every request of the
// isolate.
func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	workers.ServeNonBlock(wholeBody(handler(store.Flat{Get: kvGet}, log)))
	workers.Ready()
	log.Info("edge instance ready", "binding", binding)
	select {}
}

// kvGet reads a key's bytes from KV. The namespace comes from the env of
// syumai/workers' runtime context, which the glue made with the isolate's
// env. It is read as one ArrayBuffer, not through kv.Namespace.GetReader,
// whose reader cannot tell a missing key (a null stream) from a value and
// pulls the value chunk by chunk across JavaScript promises.
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

// rawJSBodyWriter is the http.ResponseWriter of syumai/workers, which takes
// a JavaScript value as a response's whole body and passes it to `new
// Response` as is.
type rawJSBodyWriter interface {
	http.ResponseWriter
	WriteRawJSBody(body js.Value)
}

// wholeBody answers with h, handing each response's body to syumai/workers
// as one Uint8Array rather than writing it. syumai/workers (v0.31.0)
// streams a written body through a pipe, and closing that pipe closes the
// channel of workers.Done: the second response so streamed panics (close
// of a closed channel) and ends the instance. A body handed whole is
// neither streamed nor closed, so one instance serves any number of
// requests; it also costs no JavaScript promise per chunk. Should
// syumai's ResponseWriter not take raw bodies, the body is written to it.
func wholeBody(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := w.(rawJSBodyWriter)
		if !ok {
			h.ServeHTTP(w, r)
			return
		}
		b := &bufferedWriter{ResponseWriter: w}
		h.ServeHTTP(b, r)
		if b.status == 0 {
			b.status = http.StatusOK
		}
		if w.Header().Get("Content-Type") == "" && b.body.Len() > 0 {
			w.Header().Set("Content-Type", http.DetectContentType(b.body.Bytes())) // as net/http does
		}
		w.WriteHeader(b.status)
		if b.body.Len() > 0 {
			u8 := js.Global().Get("Uint8Array").New(b.body.Len())
			js.CopyBytesToJS(u8, b.body.Bytes())
			raw.WriteRawJSBody(u8)
		}
	})
}

// bufferedWriter keeps a response's status and body; its header is the
// underlying writer's.
type bufferedWriter struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (b *bufferedWriter) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}
