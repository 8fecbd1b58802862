package main

import (
	"crypto/ed25519"
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"voile/shared/bundle"
	"voile/shared/demo"
	"voile/shared/wire"
)

func TestDemoSeededOnceUnderOneKey(t *testing.T) {
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for run := 0; run < 2; run++ {
		cmd, url := startServer(t, dir, "-demo")
		resp, err := http.Get(url + "/v1/catalog?format=json")
		if err != nil {
			t.Fatal(err)
		}
		var c wire.Catalog
		json.NewDecoder(resp.Body).Decode(&c)
		resp.Body.Close()
		pub, err := os.ReadFile(filepath.Join(dir, "demo.pub"))
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Lists) != 3 || c.Lists[0].List != "demo-en" || c.Lists[1].List != "demo-fr" || c.Lists[2].List != "demo-model" {
			t.Fatalf("run %d: catalog %+v", run, c.Lists)
		}
		for i, e := range c.Lists {
			// Each list at the version of its source: a second start
			// publishes nothing again.
			if e.PublicKey != strings.TrimSpace(string(pub)) || e.Version != lists[i].Version || !e.Demo {
				t.Errorf("run %d: entry %+v (source version %d), demo.pub %s", run, e, lists[i].Version, pub)
			}
		}
		cmd.Process.Signal(os.Interrupt)
		if err := cmd.Wait(); err != nil {
			t.Fatalf("run %d: graceful stop: %v", run, err)
		}
	}
}

func TestEnvironmentSetsUnsetFlags(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	addr := fs.String("addr", "default", "")
	n := fs.Int("max-conns-per-ip", 1, "")
	fs.Parse([]string{"-addr", "cli"})
	t.Setenv("VOILE_ADDR", "env")
	t.Setenv("VOILE_MAX_CONNS_PER_IP", "7")
	if err := envFlags(fs); err != nil {
		t.Fatal(err)
	}
	if *addr != "cli" || *n != 7 {
		t.Errorf("addr %q, max-conns-per-ip %d: want the command line to win and the environment to fill in", *addr, *n)
	}
	fs = flag.NewFlagSet("y", flag.ContinueOnError)
	fs.Int("max-conns-per-ip", 1, "")
	t.Setenv("VOILE_MAX_CONNS_PER_IP", "many")
	if err := envFlags(fs); err == nil || !strings.Contains(err.Error(), "VOILE_MAX_CONNS_PER_IP") {
		t.Errorf("bad variable: %v", err)
	}
}

// A data folder seeded by an older build keeps its demo lists only if
// they are the source's: a list stored without its patterns' trees, or
// with other rules, is published again as the next version.
func TestSameList(t *testing.T) {
	lists, err := demo.Lists()
	if err != nil {
		t.Fatal(err)
	}
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	l := lists[0]
	b, err := bundle.Sign(l, priv)
	if err != nil {
		t.Fatal(err)
	}
	if !sameList(b.Encode(), l) {
		t.Error("the source's own bundle is not the same list")
	}
	old := *l
	old.Rules = slices.Clone(l.Rules)
	for i := range old.Rules {
		old.Rules[i].Expr = nil
	}
	stale := &bundle.Bundle{List: old.Encode(), ListID: l.ID, Publisher: l.Publisher, Version: l.Version, Sig: make([]byte, 64)}
	if sameList(stale.Encode(), l) {
		t.Error("a list stored without its trees is the same list")
	}
	if sameList([]byte("not a bundle"), l) {
		t.Error("bytes that are no bundle are the same list")
	}
}
