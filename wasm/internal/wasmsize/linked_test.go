package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// voile.wasm links none of these: fmt (with its printer's reflection)
// and encoding/json cost about 90 and 140 KB of its gzipped size, and the
// classifier needs neither (third_party/msgp/VOILE.md; errors are built
// with strconv). A new fmt.Errorf in code the wasm reaches fails here.
// Of encoding/json, imported by msgp, only its package init is linked: a
// few functions; its encoder and decoder must not be.
//
// Nor does it link crypto/ed25519 (make wasm builds it with the tag
// verifyonly, as this test does): it verifies with filippo.io/edwards25519
// (shared/bundle/verify.go), and crypto/ed25519's FIPS module would link
// signing and its own copy of the curve. Nor crypto/sha256 or
// crypto/sha512: importing either links that FIPS module, whose package
// inits register self-tests of its AES-GCM, DRBG, SHA-3 and HMAC (51 KB
// of the gzipped wasm); SHA-512 is third_party/sha512, a copy of the
// module's own code. Nor regexp or regexp/syntax, with unicode's tables
// (155 KB): pattern rules reach it as trees (shared/rules/expr.go).
var unwanted = []struct{ pkg, fn string }{
	{"fmt", ""},
	{"internal/fmtsort", ""},
	{"encoding/json", "encodeState"},
	{"encoding/json", "decodeState"},
	{"crypto/ed25519", ""},
	{"crypto/internal/fips140/ed25519", ""},
	{"crypto/internal/fips140/edwards25519", ""},
	{"crypto/sha256", ""},
	{"crypto/sha512", ""},
	{"crypto/internal/fips140/sha256", ""},
	{"crypto/internal/fips140/sha512", ""},
	{"crypto/internal/fips140/aes", ""},
	{"crypto/internal/fips140/drbg", ""},
	{"regexp", ""},
	{"regexp/syntax", ""},
}

func TestWasmLinksNoFmt(t *testing.T) {
	if testing.Short() || runtime.GOOS == "js" {
		t.Skip("builds voile.wasm with the go command")
	}
	// go test caches a result by the files a test reads, and knows
	// nothing of what go build reads: stat the module's Go files so that a
	// change to any of them runs the test again.
	root := filepath.Join("..", "..", "..")
	for _, dir := range []string{"shared", "wasm", "third_party"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
				_, err = os.Stat(path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "voile.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-tags", "verifyonly", "-o", out, "voile/wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m, err := parse(data[8:])
	if err != nil {
		t.Fatal(err)
	}
	if len(m.names) == 0 {
		t.Fatal("no name section")
	}
	linked := map[string][]string{}
	for i := range m.bodies {
		name := m.names[m.imports+i]
		p := packageOf(name)
		linked[p] = append(linked[p], name)
	}
	// make wasm-size splits the data section by the runtime's moduledata:
	// a Go release that lays it out anew must be caught here.
	if parts, err := dataParts(m.memory()); err != nil {
		t.Errorf("data section: %v", err)
	} else if parts[0].end-parts[0].start < 1<<10 {
		t.Errorf("data section: read-only data of %d bytes: the moduledata was misread", parts[0].end-parts[0].start)
	}
	if len(linked["voile/shared/match"]) == 0 {
		t.Fatalf("no function of voile/shared/match among %d packages: the names are not read right", len(linked))
	}
	for _, u := range unwanted {
		var fs []string
		for _, f := range linked[u.pkg] {
			if strings.Contains(f, u.fn) {
				fs = append(fs, f)
			}
		}
		if len(fs) > 0 {
			t.Errorf("voile.wasm links %d functions of %s, such as %s; find who calls them with go build -ldflags=-dumpdep", len(fs), u.pkg, fs[0])
		}
	}
}
