package main

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"voile/server"
	"voile/server/store/jetstore"
	"voile/shared/bundle"
)

// An operator registers a publisher over HTTP while the server runs; the
// publisher's token lands in a file and publishes.
func TestAdminAddPublisher(t *testing.T) {
	dir := t.TempDir()
	db, err := jetstore.OpenDir(filepath.Join(dir, "store"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	opToken := server.NewOperatorToken()
	srv, err := server.New(server.Config{PublishRate: 100, PublishBurst: 100, OperatorTokenHash: server.HashToken(opToken)}, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	defer srv.Shutdown(t.Context())
	t.Setenv("VOILE_SERVER", hs.URL)

	name := filepath.Join(dir, "ngo")
	out, err := capture(t, func() error { return keygen([]string{"-out", name}) })
	if err != nil {
		t.Fatal(err)
	}
	pubText, _ := os.ReadFile(name + ".pub")
	fp := bundle.Fingerprint(string(pubText))
	if !strings.Contains(out, "fingerprint: "+fp) {
		t.Errorf("keygen does not print the fingerprint %s:\n%s", fp, out)
	}
	if _, err := capture(t, func() error { return keygen([]string{"-out", name}) }); err == nil {
		t.Error("keygen overwrote a private key")
	}
	if out, _ := capture(t, func() error { return fingerprint([]string{name + ".key"}) }); strings.TrimSpace(out) != fp {
		t.Errorf("fingerprint of the private key: %q, want %q", out, fp)
	}

	opFile := filepath.Join(dir, "operator.token")
	os.WriteFile(opFile, []byte(opToken+"\n"), 0o600)
	tokFile := filepath.Join(dir, "ngo.token")
	add := func(token string) (string, error) {
		os.WriteFile(opFile, []byte(token+"\n"), 0o600)
		return capture(t, func() error {
			return admin([]string{"add-publisher", "-operator-token-file", opFile, "-id", "ngo", "-name", "An NGO", "-pub", name + ".pub", "-out", tokFile})
		})
	}
	if _, err := add("voile-op-wrong-wrong-wrong"); err == nil || !strings.Contains(err.Error(), "unauthorized") {
		t.Errorf("a wrong operator token: %v", err)
	}
	out, err = add(opToken)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "registered publisher ngo (An NGO)") || !strings.Contains(out, fp) || strings.Contains(out, "voile-tok-") {
		t.Errorf("add-publisher printed:\n%s", out)
	}
	os.Remove(tokFile + ".x")
	if _, err := capture(t, func() error {
		return admin([]string{"add-publisher", "-operator-token-file", opFile, "-id", "ngo", "-pub", name + ".pub", "-out", tokFile + ".x"})
	}); err == nil || !strings.Contains(err.Error(), "publisher_exists") {
		t.Errorf("registering ngo twice: %v", err)
	}
	if st, err := os.Stat(tokFile); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("token file: %v %v", st, err)
	}
	src := filepath.Join(dir, "list.yaml")
	os.WriteFile(src, []byte(listV1), 0o644)
	out, err = capture(t, func() error { return publish([]string{"-token-file", tokFile, "-key", name + ".key", src}) })
	if err != nil || !strings.Contains(out, "published ngo/test-en version 1") || !strings.Contains(out, fp) {
		t.Errorf("publish with the registered token: %v\n%s", err, out)
	}

	// A list signed with another key is refused, and the message names
	// both fingerprints.
	other := filepath.Join(dir, "other")
	capture(t, func() error { return keygen([]string{"-out", other}) })
	os.WriteFile(src, []byte(strings.Replace(listV1, "version: 1", "version: 2", 1)), 0o644)
	_, err = capture(t, func() error { return publish([]string{"-token-file", tokFile, "-key", other + ".key", src}) })
	if err == nil || !strings.Contains(err.Error(), "bad_signature") || !strings.Contains(err.Error(), "registered key's fingerprint is "+fp) {
		t.Errorf("publish with another key: %v", err)
	}
}

// Without an operator token, a server refuses registrations, and says how
// to allow them.
func TestAddPublisherNeedsOperatorToken(t *testing.T) {
	dir := t.TempDir()
	db, _ := jetstore.OpenDir(filepath.Join(dir, "store"), nil)
	defer db.Close()
	srv, _ := server.New(server.Config{}, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	defer srv.Shutdown(t.Context())
	t.Setenv("VOILE_SERVER", hs.URL)
	t.Setenv("VOILE_OPERATOR_TOKEN", "voile-op-anything-at-all")
	name := filepath.Join(dir, "ngo")
	capture(t, func() error { return keygen([]string{"-out", name}) })
	_, err := capture(t, func() error {
		return admin([]string{"add-publisher", "-id", "ngo", "-pub", name + ".pub", "-out", filepath.Join(dir, "t")})
	})
	if err == nil || !strings.Contains(err.Error(), "-operator-token-file") {
		t.Errorf("registration without an operator token: %v", err)
	}
}

// Every command's -h names its positional arguments.
func TestHelpShowsArguments(t *testing.T) {
	want := map[string]string{
		"classify": "LIST", "validate": "LIST.yaml", "keygen": "-out NAME", "sign": "LIST.yaml",
		"publish": "LIST.yaml", "rollback": "PUBLISHER/LIST", "diff": "PUBLISHER/LIST", "status": "voile status",
		"fingerprint": "NAME.pub", "publish-adapters": "ADAPTERS.json", "eval": "FILE.jsonl", "console": "LIST.yaml",
	}
	for name, arg := range want {
		r, w, _ := os.Pipe()
		old := os.Stderr
		os.Stderr = w
		err := commands[name]([]string{"-h"})
		w.Close()
		os.Stderr = old
		b, _ := io.ReadAll(r)
		if err == nil || !strings.Contains(err.Error(), "help") {
			t.Errorf("%s -h: %v, want flag.ErrHelp", name, err)
		}
		if !strings.Contains(string(b), arg) {
			t.Errorf("%s -h does not show %q:\n%s", name, arg, b)
		}
	}
}
