package syntax

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sayso-news/sayso/internal/benchdata"
)

// cpuTime returns the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkParse tags and parses EWT dev from its gold words on one
// goroutine and reports words per CPU-second (cpu-words/s), the speed per
// core whatever else the machine runs, besides the usual time per pass.
func BenchmarkParse(b *testing.B) {
	f, err := os.Open(filepath.Join(benchdata.DataDir(), "syntax", "ud-english-ewt", "dev.conllu"))
	if err != nil {
		b.Skipf("EWT dev not found (the shared data is absent; set SAYSO_DATA): %v", err)
	}
	sents, err := ReadCoNLLU(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	m, err := DefaultModel()
	if err != nil {
		b.Fatal(err)
	}
	forms := make([][]string, len(sents))
	words := 0
	for i, s := range sents {
		forms[i] = s.Forms()
		words += len(forms[i])
	}
	var t Tree
	var buf Buffers
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		for _, ws := range forms {
			m.ParseInto(&t, ws, &buf)
		}
	}
	if cpu := cpuTime() - start; cpu > 0 {
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "cpu-words/s")
	}
}
