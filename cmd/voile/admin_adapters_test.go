package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"voile/server"
	"voile/server/store/jetstore"
	"voile/shared/bundle"
	"voile/shared/wire"
)

// publish-adapters signs the built-in adapters and a reader connected to
// the server receives them, verifiable with the publisher's key.
func TestPublishAdapters(t *testing.T) {
	dir := t.TempDir()
	name, other := filepath.Join(dir, "ngo"), filepath.Join(dir, "other")
	for _, n := range []string{name, other} {
		if _, err := capture(t, func() error { return keygen([]string{"-out", n}) }); err != nil {
			t.Fatal(err)
		}
	}
	pubText, _ := os.ReadFile(name + ".pub")
	db, err := jetstore.OpenDir(filepath.Join(dir, "store"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, token, err := server.NewPublisher("ngo", "An NGO", string(pubText))
	if err != nil {
		t.Fatal(err)
	}
	db.PutPublisher(p)
	srv, err := server.New(server.Config{PublishRate: 100, PublishBurst: 100, AdapterPublishers: []string{"ngo"}}, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	defer srv.Shutdown(t.Context())
	t.Setenv("VOILE_SERVER", hs.URL)
	tokenFile := filepath.Join(dir, "token")
	os.WriteFile(tokenFile, []byte(token+"\n"), 0o600)

	ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(hs.URL, "http")+"/v1/sync", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	ws.WriteMessage(websocket.BinaryMessage, wire.NewHello(nil, nil).Encode())
	next := func() *wire.Message {
		t.Helper()
		ws.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, data, err := ws.ReadMessage()
		if err != nil {
			t.Fatal(err)
		}
		m, err := wire.Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	if m := next(); m.Type != wire.TCatalog {
		t.Fatalf("got %s, want catalog", m.Type)
	}
	if m := next(); m.Type != wire.TSynced {
		t.Fatalf("got %s, want synced", m.Type)
	}

	builtin, err := os.ReadFile("../../extension/src/adapters/builtin.json")
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "adapters.json")
	os.WriteFile(src, builtin, 0o644)
	run := func(args ...string) (string, error) {
		return capture(t, func() error { return publishAdapters(args) })
	}

	// Refused before anything is sent: a document that is not one, another
	// key than the registered one, a bad token.
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"format": 1, "version": 1, "adapters": []}`), 0o644)
	if _, err := run("-token-file", tokenFile, "-key", name+".key", bad); err == nil || !strings.Contains(err.Error(), "no adapters") {
		t.Errorf("empty document: %v", err)
	}
	if _, err := run("-token-file", tokenFile, "-key", other+".key", src); err == nil || !strings.Contains(err.Error(), "not the key registered") {
		t.Errorf("other key: %v", err)
	}
	t.Setenv("VOILE_TOKEN", "voile-tok-wrong")
	if _, err := run("-key", name+".key", src); err == nil || !strings.Contains(err.Error(), "unauthorized") {
		t.Errorf("bad token: %v", err)
	}
	if all, _ := db.AllAdapters(); len(all) != 0 {
		t.Fatalf("refused attempts stored %d documents", len(all))
	}

	out, err := run("-token-file", tokenFile, "-key", name+".key", src)
	if err != nil || !strings.Contains(out, "published the adapters of ngo") {
		t.Fatalf("publish-adapters: %q %v", out, err)
	}
	m := next()
	if m.Type != wire.TAdapters || m.Adapters.Publisher != "ngo" || !bytes.Equal(m.Adapters.Document, builtin) {
		t.Fatalf("reader got %s %+v", m.Type, m.Adapters)
	}
	pub, _ := bundle.ParsePublicKey(string(pubText))
	if err := bundle.VerifyAdapters(m.Adapters.Document, m.Adapters.Sig, pub); err != nil {
		t.Errorf("pushed document: %v", err)
	}
}
