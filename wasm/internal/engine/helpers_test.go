package engine

import (
	"testing"

	"voile/shared/match"
	"voile/shared/rules"
)

func mustCompile(t *testing.T, l ...*rules.List) *match.Engine {
	t.Helper()
	m, err := match.Compile(l...)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
