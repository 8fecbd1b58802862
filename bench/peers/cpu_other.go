//go:build !linux

package main

import "time"

// threadCPU is not measured here: rates fall back to the wall clock.
func threadCPU() time.Duration { return 0 }
