//go:build unix

package benchmarks

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user + system) the whole process has used:
// every goroutine, the fake server's and the garbage collector's included.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
