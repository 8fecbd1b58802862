//go:build !unix

package server

// RaiseFileLimit does nothing where there is no descriptor limit to
// raise.
func RaiseFileLimit() (uint64, error) { return 0, nil }

func fileLimit() uint64 { return 0 }
