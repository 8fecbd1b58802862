package shared

import (
	"path/filepath"
	"strings"
	"testing"

	"voile/internal/msgpcheck"
)

// TestGeneratedUpToDate regenerates every msgp-generated file under shared/
// and fails if one differs from the committed file, so a type changed
// without `go generate` cannot land.
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
		msgpcheck.UpToDate(t, strings.TrimSuffix(gen, "_gen.go")+".go")
	}
}
