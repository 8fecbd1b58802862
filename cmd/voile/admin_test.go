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
)

// capture runs f with os.Stdout going to a pipe and returns what it wrote.
func capture(t *testing.T, f func() error) (string, error) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	out := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		out <- string(b)
	}()
	ferr := f()
	w.Close()
	os.Stdout = old
	return <-out, ferr
}

const listV1 = `id: test-en
publisher: ngo
version: 1
name: Test list
langs: [en]
rules:
  - {id: r1, kind: term, text: slurone, category: racism, weight: 0.9}
  - {id: r2, kind: term, text: slurtwo, category: sexism, weight: 0.8}
`

// A publisher's whole round: keys, publish, diff, publish with -bump,
// rollback and status, against a server on loopback.
func TestAdminCommands(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "ngo")
	if _, err := capture(t, func() error { return keygen([]string{"-out", name}) }); err != nil {
		t.Fatal(err)
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
	srv, err := server.New(server.Config{PublishRate: 100, PublishBurst: 100}, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	defer srv.Shutdown(t.Context())
	t.Setenv("VOILE_SERVER", hs.URL)
	tokenFile := filepath.Join(dir, "token")
	os.WriteFile(tokenFile, []byte(token+"\n"), 0o600)
	src := filepath.Join(dir, "list.yaml")
	os.WriteFile(src, []byte(listV1), 0o644)

	run := func(cmd func([]string) error, args ...string) string {
		t.Helper()
		out, err := capture(t, func() error { return cmd(args) })
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return out
	}
	if out := run(diff, src); !strings.Contains(out, "not published yet") {
		t.Errorf("diff before publishing: %q", out)
	}
	if out := run(publish, "-token-file", tokenFile, "-key", name+".key", src); !strings.Contains(out, "published ngo/test-en version 1") {
		t.Errorf("publish: %q", out)
	}
	// Publishing the same version again is refused, with the server's code.
	if _, err := capture(t, func() error { return publish([]string{"-token-file", tokenFile, "-key", name + ".key", src}) }); err == nil || !strings.Contains(err.Error(), "stale_version") || !strings.Contains(err.Error(), "-bump") {
		t.Errorf("republish: %v, want stale_version and a hint of -bump", err)
	}
	// A wrong token is refused.
	t.Setenv("VOILE_TOKEN", "voile-tok-wrong")
	if _, err := capture(t, func() error { return status(nil) }); err == nil || !strings.Contains(err.Error(), "unauthorized") {
		t.Errorf("status with a bad token: %v", err)
	}
	t.Setenv("VOILE_TOKEN", token)

	edited := strings.Replace(listV1, "slurtwo, category: sexism", "slurtwo, category: lgbtphobia", 1)
	edited = strings.Replace(edited, "  - {id: r1, kind: term, text: slurone, category: racism, weight: 0.9}\n", "", 1)
	edited += "  - {id: r3, kind: phrase, text: go back home, category: xenophobia, weight: 0.6}\n"
	os.WriteFile(src, []byte(edited), 0o644)
	out := run(diff, "-pub", name+".pub", src)
	for _, want := range []string{"- rule r1:", "+ rule r3:", "~ rule r2", "category: sexism -> lgbtphobia", "1 rule(s) removed, 1 added, 1 changed"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	if out := run(publish, "-key", name+".key", "-bump", src); !strings.Contains(out, "version 2") || !strings.Contains(out, "now says version: 2") {
		t.Errorf("publish -bump: %q", out)
	}
	if b, _ := os.ReadFile(src); !strings.Contains(string(b), "\nversion: 2\n") {
		t.Errorf("-bump left the file at:\n%s", b)
	}
	// diff and rollback name a list the same way: PUBLISHER/LIST or its source.
	if out := run(diff, "-to", "1", "ngo/test-en"); !strings.Contains(out, "+ rule r1:") || !strings.Contains(out, "(rolled back to)") {
		t.Errorf("diff -to 1: %q", out)
	}
	if out := run(rollback, "-key", name+".key", "-to", "1", src); !strings.Contains(out, "back to the content of version 1, as version 3") {
		t.Errorf("rollback: %q", out)
	}
	// Version 3 is version 1's rules again.
	os.WriteFile(src, []byte(listV1), 0o644)
	if out := run(diff, src); !strings.Contains(out, "no differences but the version") {
		t.Errorf("diff after rollback: %q", out)
	}
	out = run(status, "-versions")
	fp, _ := capture(t, func() error { return fingerprint([]string{name + ".pub"}) })
	for _, want := range []string{"publisher ngo (An NGO)", "test-en", "v3 (rollback to 1)", "fingerprint " + strings.TrimSpace(fp)} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
}
