package msgpcheck

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const directive = "//go:generate go tool msgp"

// UpToDate regenerates the code of src (a Go file with a msgp
// //go:generate line) and fails t if it differs from src's _gen.go file.
func UpToDate(t *testing.T, src string) {
	t.Helper()
	text, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var flags []string
	found := false
	for _, line := range strings.Split(string(text), "\n") {
		if rest, ok := strings.CutPrefix(line, directive); ok {
			flags, found = strings.Fields(rest), true
			break
		}
	}
	if !found {
		t.Fatalf("%s has no %q line", src, directive)
	}
	gen := strings.TrimSuffix(src, ".go") + "_gen.go"
	out := filepath.Join(t.TempDir(), filepath.Base(gen))
	args := append([]string{"tool", "msgp", "-file", src, "-o", out}, flags...)
	if b, err := exec.Command("go", args...).CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, b)
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
		t.Errorf("%s is stale: run go generate ./...", gen)
	}
}
