//go:build !unix

package jetstore

import "os"

// lockDir creates dir; other systems go without the lock.
func lockDir(dir string) (*os.File, error) {
	return nil, os.MkdirAll(dir, 0o700)
}
