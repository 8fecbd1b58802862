package main

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time of the calling thread (the caller has
// locked its goroutine to it).
func threadCPU() time.Duration {
	const rusageThread = 1
	var ru syscall.Rusage
	if syscall.Getrusage(rusageThread, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
