//go:build !(js && wasm)

package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"voile/server"
	"voile/server/store"
	"voile/server/store/jetstore"
	"voile/shared/bundle"
	"voile/shared/rules"
	"voile/shared/wire"
)

// The edge serves, from a KV export, the same catalog and bundles as the
// origin server, and refuses what only the origin does.
func TestEdgeServesExport(t *testing.T) {
	dir := t.TempDir()
	db, err := jetstore.OpenDir(filepath.Join(dir, "store"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	p, _, err := server.NewPublisher("ngo", "NGO", bundle.FormatPublicKey(pub))
	if err != nil {
		t.Fatal(err)
	}
	db.PutPublisher(p)
	srv, err := server.New(server.Config{PublishRate: 100, PublishBurst: 100}, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown(t.Context())
	for v := uint64(1); v <= 2; v++ {
		l := &rules.List{ID: "en", Publisher: "ngo", Version: v, Langs: []string{"en"},
			Rules: []rules.Rule{{ID: "r", Kind: rules.Term, Text: "slur", Category: rules.Racism, Weight: 0.9}}}
		b, _ := bundle.Sign(l, priv)
		if _, err := srv.Publish(p, b.Encode(), 0); err != nil {
			t.Fatal(err)
		}
	}
	origin := httptest.NewServer(srv.Handler())
	defer origin.Close()

	// The export as `voile-server export-kv` writes it.
	kv, err := store.Export(db)
	if err != nil {
		t.Fatal(err)
	}
	js, err := store.BulkJSON(kv)
	if err != nil {
		t.Fatal(err)
	}
	kvFile := filepath.Join(dir, "kv.json")
	os.WriteFile(kvFile, js, 0o644)
	r, err := loadKV(kvFile)
	if err != nil {
		t.Fatal(err)
	}
	edge := httptest.NewServer(handler(r, slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer edge.Close()

	get := func(base, path string) (int, []byte) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	for _, path := range []string{"/v1/catalog", "/v1/catalog?format=json", "/v1/lists/ngo/en", "/v1/lists/ngo/en/1", "/healthz"} {
		so, bo := get(origin.URL, path)
		se, be := get(edge.URL, path)
		if so != 200 || se != so || !bytes.Equal(bo, be) {
			t.Errorf("%s: origin %d (%d bytes), edge %d (%d bytes)", path, so, len(bo), se, len(be))
		}
	}
	if s, _ := get(edge.URL, "/v1/lists/ngo/en/9"); s != http.StatusNotFound {
		t.Errorf("unknown version at the edge: %d", s)
	}
	s, body := get(edge.URL, "/v1/sync")
	var we wire.Error
	json.Unmarshal(body, &we)
	if s != http.StatusNotImplemented || we.Code != wire.CodeUnavailable {
		t.Errorf("sync at the edge: %d %s", s, body)
	}
}

// The Workers entry builds for js/wasm, which `go test` on this platform
// does not otherwise compile.
func TestBuildsForWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with GOOS=js")
	}
	out := filepath.Join(t.TempDir(), "worker.wasm")
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("GOOS=js GOARCH=wasm go build: %v\n%s", err, b)
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Size() == 0 {
		t.Fatalf("no wasm written: %v", err)
	}
	t.Logf("worker.wasm: %d bytes", fi.Size())
}
