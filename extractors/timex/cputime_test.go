//go:build unix

package timex

import (
	"syscall"
	"testing"
	"time"
)

// cpuNow is the CPU time (user + system) this process has used: on a
// shared, loaded machine it measures the work, where wall time measures
// the neighbours too.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPURate adds a cpu-MB/s metric: bytes per iteration over the CPU
// time spent since start. Run with -cpu 1 so that GC work is not spread
// over idle cores.
func reportCPURate(b *testing.B, start time.Duration, bytes int) {
	if d := cpuNow() - start; d > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
}
