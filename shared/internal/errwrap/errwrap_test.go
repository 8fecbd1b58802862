package errwrap_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"voile/shared/internal/errwrap"
)

func TestWrapIsErrorfW(t *testing.T) {
	err := errwrap.Wrap("open list \"x\": ", io.ErrUnexpectedEOF, " for publisher \"p\"")
	want := fmt.Errorf("open list %q: %w for publisher %q", "x", io.ErrUnexpectedEOF, "p")
	if err.Error() != want.Error() {
		t.Errorf("message %q, want %q", err, want)
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Error("errors.Is does not find the wrapped error")
	}
	if errors.Is(err, io.EOF) {
		t.Error("errors.Is finds an error that is not wrapped")
	}
	if errors.Unwrap(err) != io.ErrUnexpectedEOF {
		t.Errorf("Unwrap gives %v", errors.Unwrap(err))
	}
}
