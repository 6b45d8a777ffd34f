//go:build !unix

package main

import "time"

var start = time.Now()

// cpuTime falls back to the wall clock where the process's CPU time cannot
// be read.
func cpuTime() time.Duration { return time.Since(start) }
