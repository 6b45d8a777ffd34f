package attrib

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/sayso-news/sayso/eval/attribution"
)

// cpuTime returns the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkAnalyze analyses every PolNeAR dev text on one goroutine, with
// the default model (which parses every sentence) and with the fast one.
// Besides the usual MB/s of wall time it reports cpu-MB/s, megabytes of
// text per second of CPU time: the speed per core, unaffected by other
// processes sharing the machine.
func BenchmarkAnalyze(b *testing.B) {
	for _, c := range []struct {
		name string
		new  func() (*Analyzer, error)
	}{{"syntax", New}, {"fast", NewFast}} {
		b.Run(c.name, func(b *testing.B) {
			an, err := c.new()
			if err != nil {
				b.Fatal(err)
			}
			benchmarkAnalyze(b, an)
		})
	}
}

func benchmarkAnalyze(b *testing.B, an *Analyzer) {
	docs, err := attribution.LoadSplit(polnearDir(b), "dev")
	if err != nil {
		b.Fatal(err)
	}
	total := 0
	for _, d := range docs {
		total += len(d.Text)
	}
	b.SetBytes(int64(total))
	ctx := context.Background()
	b.ResetTimer()
	start := cpuTime()
	for range b.N {
		for _, d := range docs {
			if _, err := an.Analyze(ctx, d.Text); err != nil {
				b.Fatal(err)
			}
		}
	}
	if cpu := cpuTime() - start; cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
}
