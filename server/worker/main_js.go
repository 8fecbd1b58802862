//go:build js && wasm

package main

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"syscall/js"

	"voile/server/store"
)

// binding is the Workers KV namespace holding the store export.
const binding = "VOILE_KV"

// main sets globalThis.voileFetch(request, env), which answers a Request
// with a Promise of a Response, tells the glue (js/worker.mjs) it is
// ready, and stays: every request of the isolate is served by this one
// instance.
func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	promise := js.Global().Get("Promise")
	fetch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		req, env := args[0], args[1]
		var executor js.Func
		executor = js.FuncOf(func(_ js.Value, p []js.Value) any {
			executor.Release()
			resolve, reject := p[0], p[1]
			// KV reads wait for JavaScript promises: they run off the
			// event loop's goroutine.
			go func() {
				res, err := serve(req, env, log)
				if err != nil {
					reject.Invoke(js.Global().Get("Error").New(err.Error()))
					return
				}
				resolve.Invoke(res)
			}()
			return nil
		})
		return promise.New(executor)
	})
	js.Global().Set("voileFetch", fetch)
	js.Global().Call("voileReady")
	select {}
}

// serve answers one request with the edge's handler over the KV binding
// of env.
func serve(req, env js.Value, log *slog.Logger) (js.Value, error) {
	ns := env.Get(binding)
	if ns.IsUndefined() {
		return js.Value{}, fmt.Errorf("the KV binding %s is not configured", binding)
	}
	hr, err := http.NewRequest(req.Get("method").String(), req.Get("url").String(), nil)
	if err != nil {
		return js.Value{}, err
	}
	if v := req.Get("headers").Call("get", "If-None-Match"); v.Type() == js.TypeString {
		hr.Header.Set("If-None-Match", v.String())
	}
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	handler(store.Flat{Get: func(key string) ([]byte, error) { return kvGet(ns, key) }}, log).ServeHTTP(rec, hr)

	if rec.header.Get("Content-Type") == "" && rec.body.Len() > 0 {
		rec.header.Set("Content-Type", http.DetectContentType(rec.body.Bytes())) // as net/http does
	}
	headers := js.Global().Get("Headers").New()
	for k, vs := range rec.header {
		for _, v := range vs {
			headers.Call("append", k, v)
		}
	}
	body := js.Null()
	if rec.status != http.StatusNotModified && rec.status != http.StatusNoContent {
		u8 := js.Global().Get("Uint8Array").New(rec.body.Len())
		js.CopyBytesToJS(u8, rec.body.Bytes())
		body = u8
	}
	return js.Global().Get("Response").New(body, map[string]any{"status": rec.status, "headers": headers}), nil
}

// recorder is the http.ResponseWriter of one request.
type recorder struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.body.Write(b)
}

// kvGet reads a key's bytes from the KV namespace ns.
func kvGet(ns js.Value, key string) ([]byte, error) {
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
