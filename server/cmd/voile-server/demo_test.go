package main

import (
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
