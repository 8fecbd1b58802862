package store

import (
	"testing"

	"voile/internal/msgpcheck"
)

// TestGeneratedUpToDate fails if store_gen.go is stale, so a record
// changed without `go generate` cannot land.
func TestGeneratedUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the msgp generator")
	}
	msgpcheck.UpToDate(t, "store.go")
}
