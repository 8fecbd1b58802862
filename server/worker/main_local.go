//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"

	"voile/server/store"
)

func main() {
	kvFile := flag.String("kv", "", "KV export of a store (voile-server export-kv)")
	addr := flag.String("addr", "127.0.0.1:8788", "listen address")
	flag.Parse()
	if err := serveLocal(*kvFile, *addr); err != nil {
		fmt.Fprintln(os.Stderr, "worker:", err)
		os.Exit(1)
	}
}

// loadKV reads a KV bulk file into a Reader.
func loadKV(path string) (store.Reader, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	kv, err := store.ParseBulkJSON(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return store.MapReader(kv), nil
}

func serveLocal(kvFile, addr string) error {
	if kvFile == "" {
		return fmt.Errorf("usage: worker -kv kv.json [-addr HOST:PORT] (GOOS=js GOARCH=wasm builds the Workers entry)")
	}
	r, err := loadKV(kvFile)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	log.Info("serving the edge routes", "kv", kvFile, "addr", addr)
	return http.ListenAndServe(addr, handler(r, log))
}
