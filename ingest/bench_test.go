//go:build unix

package ingest_test

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sayso-news/sayso/attrib"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/internal/benchdata"
	"github.com/sayso-news/sayso/store/sqlite"
)

// benchPages is the size of the benchmark WARC: the 181 scrapinghub pages
// six times over (copies from other outlets, with new bytes).
const benchPages = 1086

// BenchmarkIngestWARC ingests a WARC of real pages — read, extracted,
// attributed and stored in a fresh SQLite file — and reports pages/s and
// the process's peak resident memory. Run it with -benchtime 1x:
//
//	go test ./ingest -run XXX -bench IngestWARC -benchtime 1x
func BenchmarkIngestWARC(b *testing.B) {
	pages, err := benchdata.Scrapinghub(benchdata.DataDir())
	if err != nil {
		b.Skipf("shared scrapinghub data not available (%v); set SAYSO_DATA", err)
	}
	dir := b.TempDir()
	warc := filepath.Join(dir, "bench.warc.gz")
	f, err := os.Create(warc)
	if err != nil {
		b.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	if _, err := benchdata.WriteWARC(bw, pages, benchPages); err != nil {
		b.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	pages = nil
	runtime.GC()
	b.Run("extract", func(b *testing.B) { benchIngest(b, dir, warc, nil) })
	for name, newAnalyzer := range map[string]func() (*attrib.Analyzer, error){
		"extract+attrib": attrib.New, "extract+attrib-fast": attrib.NewFast,
	} {
		b.Run(name, func(b *testing.B) {
			an, err := newAnalyzer()
			if err != nil {
				b.Fatal(err)
			}
			benchIngest(b, dir, warc, an.Analyze)
		})
	}
}

func benchIngest(b *testing.B, dir, warc string, analyze ingest.AnalyzeFunc) {
	cpu := cpuTime()
	for i := range b.N {
		b.StopTimer()
		db := filepath.Join(dir, "bench.db")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(db + suffix)
		}
		s, err := sqlite.Open(context.Background(), db)
		if err != nil {
			b.Fatal(err)
		}
		in, err := ingest.New(ingest.Config{Store: s, Extract: extract.FromPage, Analyze: analyze,
			Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := in.Run(context.Background(), []string{warc})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if sum.Read != benchPages || sum.Stored != benchPages {
			b.Fatalf("read %d, stored %d of %d pages", sum.Read, sum.Stored, benchPages)
		}
		if i == 0 {
			b.Logf("%d pages: %d articles, %d not articles, %d extraction failures, %d attribution failures",
				sum.Read, sum.Articles, sum.NoArticle, sum.ExtractFailed, sum.AttributionFailed)
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(benchPages*b.N)/b.Elapsed().Seconds(), "pages/s")
	if c := cpuTime() - cpu; c > 0 {
		// CPU time per page is what the machine's other load cannot skew.
		b.ReportMetric(float64(c.Milliseconds())/float64(benchPages*b.N), "cpu-ms/page")
	}
	if mb := peakRSSMB(); mb > 0 {
		b.ReportMetric(mb, "peak-RSS-MB")
	}
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSSMB returns the process's peak resident set size in MB (Linux's
// VmHWM), or 0 where unknown.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}
