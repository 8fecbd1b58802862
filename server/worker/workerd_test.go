//go:build !(js && wasm)

package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"voile/server"
	"voile/server/store"
	"voile/server/store/jetstore"
	"voile/shared/bundle"
	"voile/shared/rules"
)

// workerdBin is the workerd binary of the npm package (package.json here,
// installed by `make worker-deps`).
const workerdBin = "node_modules/.bin/workerd"

// The Worker runs for real: the js/wasm build with syumai/workers' glue and
// the entry js/edge.mjs under workerd,
// the Workers runtime, with a KV namespace filled from `voile-server
// export-kv`. Catalog and bundles are byte for byte the origin's; a
// version's bundle is cacheable for good, with an ETag; and one Go
// instance serves every request (CPU per request is logged).
func TestEdgeUnderWorkerd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the worker and runs workerd")
	}
	if runtime.GOOS != "linux" {
		t.Skip("CPU time is read from /proc")
	}
	bin, err := filepath.Abs(workerdBin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Skipf("workerd not installed (make worker-deps, or npm ci in server/worker): %v", err)
	}
	dir := t.TempDir()
	storeDir := filepath.Join(dir, "store")

	// The origin: a store with two lists, two versions of one.
	paths := []string{"/v1/catalog", "/v1/catalog?format=json", "/v1/lists/ngo/en", "/v1/lists/ngo/en/1", "/v1/lists/ngo/en/2", "/v1/lists/ngo/fr/1", "/healthz"}
	origin := map[string][]byte{}
	originHeaders := map[string]http.Header{}
	func() {
		db, err := jetstore.OpenDir(storeDir, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		pub, priv, _ := ed25519.GenerateKey(rand.Reader)
		p, _, _ := server.NewPublisher("ngo", "NGO", bundle.FormatPublicKey(pub))
		db.PutPublisher(p)
		srv, err := server.New(server.Config{PublishRate: 100, PublishBurst: 100}, db, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Shutdown(t.Context())
		for _, lv := range []struct {
			id string
			v  uint64
		}{{"en", 1}, {"en", 2}, {"fr", 1}} {
			l := &rules.List{ID: lv.id, Publisher: "ngo", Version: lv.v, Langs: []string{lv.id}}
			for i := 0; i < 300; i++ {
				l.Rules = append(l.Rules, rules.Rule{ID: fmt.Sprintf("r%d", i), Kind: rules.Term, Text: fmt.Sprintf("slur%d%s%d", i, lv.id, lv.v), Category: rules.Racism, Weight: 0.9})
			}
			b, _ := bundle.Sign(l, priv)
			if _, err := srv.Publish(p, b.Encode(), 0); err != nil {
				t.Fatal(err)
			}
		}
		hs := httptest.NewServer(srv.Handler())
		defer hs.Close()
		for _, path := range paths {
			resp, err := http.Get(hs.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			origin[path], _ = io.ReadAll(resp.Body)
			originHeaders[path] = resp.Header
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("origin %s: %d", path, resp.StatusCode)
			}
		}
	}()

	// The KV namespace, filled by voile-server export-kv and served as
	// workerd's KV binding expects: GET /<key>.
	kvFile := filepath.Join(dir, "kv.json")
	run(t, "", nil, "go", "run", "voile/server/cmd/voile-server", "export-kv", "-data", storeDir, "-out", kvFile)
	kvJSON, err := os.ReadFile(kvFile)
	if err != nil {
		t.Fatal(err)
	}
	kv, err := store.ParseBulkJSON(kvJSON)
	if err != nil {
		t.Fatal(err)
	}
	kvSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, err := url.PathUnescape(strings.TrimPrefix(r.URL.EscapedPath(), "/"))
		v, ok := kv[key]
		if r.Method != "GET" || err != nil || !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(v)
	}))
	defer kvSrv.Close()

	// The worker as `make server` builds it: syumai/workers' glue from its
	// workers-assets-gen, js/edge.mjs as the entry, and app.wasm. Or, to
	// compare, another build in the folder VOILE_EDGE_BUILD (its entry is
	// edge.mjs if it has one, else worker.mjs).
	wd := filepath.Join(dir, "worker")
	if other := os.Getenv("VOILE_EDGE_BUILD"); other != "" {
		os.MkdirAll(wd, 0o755)
		for _, f := range []string{"edge.mjs", "worker.mjs", "runtime.mjs", "wasm_exec.js", "app.wasm"} {
			if _, err := os.Stat(filepath.Join(other, f)); err == nil {
				copyFile(t, filepath.Join(other, f), filepath.Join(wd, f))
			}
		}
		t.Logf("measuring the build in %s", other)
	} else {
		run(t, "", nil, "go", "run", "github.com/syumai/workers/cmd/workers-assets-gen", "-mode=go", "-o", wd)
		run(t, "", []string{"GOOS=js", "GOARCH=wasm"}, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(wd, "app.wasm"), ".")
		copyFile(t, "js/edge.mjs", filepath.Join(wd, "edge.mjs"))
	}
	// The first module is the entry.
	var modules []string
	for _, f := range []string{"edge.mjs", "worker.mjs", "runtime.mjs", "wasm_exec.js"} {
		if _, err := os.Stat(filepath.Join(wd, f)); err == nil {
			modules = append(modules, fmt.Sprintf("(name = %q, esModule = embed %q),", f, f))
		}
	}
	modules = append(modules, `(name = "app.wasm", wasm = embed "app.wasm"),`)
	port := freePort(t)
	config := fmt.Sprintf(`using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "edge", worker = .edge),
    (name = "kv", external = (address = %q, http = ())),
  ],
  sockets = [(name = "http", address = "127.0.0.1:%d", http = (), service = "edge")],
);
const edge :Workerd.Worker = (
  modules = [
    %s
  ],
  compatibilityDate = "2025-01-01",
  bindings = [(name = "VOILE_KV", kvNamespace = "kv")],
);
`, strings.TrimPrefix(kvSrv.URL, "http://"), port, strings.Join(modules, "\n    "))
	os.WriteFile(filepath.Join(wd, "config.capnp"), []byte(config), 0o644)
	cmd := exec.Command(bin, "serve", "config.capnp")
	cmd.Dir = wd
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
		// One instance, started once and never ended, served every
		// request (a build to compare may start one per request).
		if n := strings.Count(logs.String(), "edge instance ready"); os.Getenv("VOILE_EDGE_BUILD") == "" && n != 1 {
			t.Errorf("%d Go instances started, want one for every request", n)
		}
		if strings.Contains(logs.String(), "panic:") || strings.Contains(logs.String(), "exit code:") {
			t.Errorf("the Go program ended")
		}
		if t.Failed() {
			t.Logf("workerd:\n%s", logs.String())
		}
	}()
	edge := fmt.Sprintf("http://127.0.0.1:%d", port)
	started := time.Now()
	for {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			break
		}
		if time.Since(started) > 20*time.Second {
			t.Fatal("workerd did not listen within 20s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("workerd listening after %v", time.Since(started).Round(time.Millisecond))

	get := func(path string, header ...string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", edge+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	first := time.Now()
	get("/healthz")
	t.Logf("first request: %v", time.Since(first).Round(time.Millisecond))
	for _, path := range paths {
		resp, body := get(path)
		if resp.StatusCode != 200 || !bytes.Equal(body, origin[path]) {
			t.Errorf("%s: edge %d with %d bytes, origin 200 with %d bytes", path, resp.StatusCode, len(body), len(origin[path]))
		}
		for _, h := range []string{"Content-Type", "ETag", "Cache-Control", "X-Voile-Version"} {
			if resp.Header.Get(h) != originHeaders[path].Get(h) {
				t.Errorf("%s: %s %q at the edge, %q at the origin", path, h, resp.Header.Get(h), originHeaders[path].Get(h))
			}
		}
	}
	resp, _ := get("/v1/lists/ngo/en/1")
	etag := resp.Header.Get("ETag")
	if etag == "" || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") || !strings.Contains(resp.Header.Get("Cache-Control"), "max-age=31536000") {
		t.Errorf("versioned bundle: ETag %q, Cache-Control %q; want an ETag and a long-lived immutable Cache-Control", etag, resp.Header.Get("Cache-Control"))
	}
	if resp, body := get("/v1/lists/ngo/en/1", "If-None-Match", etag); resp.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("revalidation with the ETag: %d with %d bytes, want 304 without a body", resp.StatusCode, len(body))
	}
	if resp, _ := get("/v1/lists/ngo/en/9"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown version at the edge: %d", resp.StatusCode)
	}
	if resp, _ := get("/v1/publish"); resp.StatusCode != http.StatusNotImplemented {
		t.Errorf("publish at the edge: %d", resp.StatusCode)
	}

	// CPU per request, from workerd's own CPU time over many requests
	// (KV reads included: each is an HTTP request to the KV service).
	const n = 100
	for _, path := range []string{"/healthz", "/v1/catalog", "/v1/lists/ngo/en/2"} {
		cpu0 := cpuTime(t, cmd.Process.Pid)
		t0 := time.Now()
		for i := 0; i < n; i++ {
			get(path)
		}
		wall := time.Since(t0)
		cpu := cpuTime(t, cmd.Process.Pid) - cpu0
		t.Logf("GET %s: %.2f ms CPU per request in workerd (%.2f ms wall), over %d requests", path,
			float64(cpu.Microseconds())/1000/n, float64(wall.Microseconds())/1000/n, n)
	}
}

func run(t *testing.T, dir string, env []string, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("%s %v: %v\n%s", name, args, err, stderr)
	}
	return out
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// cpuTime is a process's user and system CPU time so far.
func cpuTime(t *testing.T, pid int) time.Duration {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatal(err)
	}
	// Fields after the command name, which is in parentheses.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / 100 // clock ticks: 100 a second on Linux
}
