package shared

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedUpToDate regenerates every msgp-generated file under shared/
// into a temporary folder and fails if it differs from the committed one,
// so a type changed without `go generate` cannot land.
func TestGeneratedUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the msgp generator")
	}
	gens, err := filepath.Glob("*/*_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(gens) == 0 {
		t.Fatal("no generated files found under shared/")
	}
	for _, gen := range gens {
		src := strings.TrimSuffix(gen, "_gen.go") + ".go"
		out := filepath.Join(t.TempDir(), filepath.Base(gen))
		cmd := exec.Command("go", "tool", "msgp", "-file", src, "-o", out, "-tests=false")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go tool msgp -file %s: %v\n%s", src, err, b)
		}
		want, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		have, err := os.ReadFile(gen)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(have, want) {
			t.Errorf("%s is stale: run go generate ./shared/...", gen)
		}
	}
}
