package store

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGeneratedUpToDate regenerates store_gen.go and fails if it differs
// from the committed one, so a record changed without `go generate`
// cannot land.
func TestGeneratedUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the msgp generator")
	}
	out := filepath.Join(t.TempDir(), "store_gen.go")
	cmd := exec.Command("go", "tool", "msgp", "-file", "store.go", "-o", out, "-tests=false", "-unexported")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go tool msgp: %v\n%s", err, b)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("store_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, have) {
		t.Error("store_gen.go is stale: run go generate ./server/store")
	}
}
