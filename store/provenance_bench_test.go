package store_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/benchdata"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/sqlite"
	"golang.org/x/sys/unix"
)

// BenchmarkProvenance measures the provenance indexes on the corpus named
// by $SAYSO_CORPUS, made by scripts/mkcorpus with $SAYSO_CORPUS_N
// articles (its default settings); without it the benchmark is skipped.
//
//	go run ./scripts/mkcorpus -db /tmp/c100k.db -n 100000
//	SAYSO_CORPUS=/tmp/c100k.db SAYSO_CORPUS_N=100000 go test ./store -run XXX -bench Provenance -benchtime 640x
//
// It works on a copy of the corpus. "index" saves the corpus's next
// articles (as mkcorpus would make them: new stories, syndicated copies,
// quotes of earlier articles) in batches of 64 as ingest does, and
// reports the median and 90th percentile of the CPU time an article spends
// in the provenance step (ns/op, wall time, also counts making the records
// and the rest of saving).
// "copies", "trace-article" and "trace-quote" time the store's answers
// for clustered articles, articles whose quotes travelled and the words
// of travelled quotes.
func BenchmarkProvenance(b *testing.B) {
	path := os.Getenv("SAYSO_CORPUS")
	if path == "" {
		b.Skip("set SAYSO_CORPUS to a corpus database made by scripts/mkcorpus (and SAYSO_CORPUS_N to its size)")
	}
	var n int
	if _, err := fmt.Sscan(os.Getenv("SAYSO_CORPUS_N"), &n); err != nil {
		b.Fatal("set SAYSO_CORPUS_N to the number of articles mkcorpus made")
	}
	// A copy, since the benchmark adds articles to it.
	work := filepath.Join(b.TempDir(), "corpus.db")
	if err := copyFile(work, path); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, work)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	next := 0 // articles added to the copy so far
	b.Run("index", func(b *testing.B) {
		synth, err := benchdata.NewSynth(benchdata.DataDir())
		if err != nil {
			b.Skip(err)
		}
		// Batches of 64, as ingest saves them; b.N counts articles.
		// The provenance step is timed in CPU time of the thread running
		// it (the driver is pure Go: it runs on the calling goroutine), so
		// that other jobs on the machine do not blur the figures.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		store.SetProvenanceClock(s, threadCPU)
		defer store.SetProvenanceClock(s, nil)
		var times []time.Duration
		i := 0
		for b.Loop() {
			if i%64 == 63 {
				var recs []*sayso.Record
				for k := i - 63; k <= i; k++ {
					recs = append(recs, synth.Record(n+next))
					next++
				}
				b.StopTimer()
				b.StartTimer()
				ts, err := store.ProvenanceTimes(ctx, s, recs)
				if err != nil {
					b.Fatal(err)
				}
				times = append(times, ts...)
			}
			i++
		}
		if len(times) == 0 {
			b.Skip("run at least 64 articles (-benchtime 640x)")
		}
		late := slices.Clone(times[len(times)/2:])
		slices.Sort(times)
		slices.Sort(late)
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "cpu-ms-median/article")
		b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "cpu-ms-p90/article")
		b.ReportMetric(float64(late[len(late)/2].Microseconds())/1000, "cpu-ms-median-2nd-half/article")
	})
	sample := func(query string) []string {
		rows, err := s.DB().QueryContext(ctx, query)
		if err != nil {
			b.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				b.Fatal(err)
			}
			out = append(out, v)
		}
		return out
	}
	clustered := sample(`SELECT article_id FROM copy_members WHERE article_id % 97 = 0 LIMIT 50`)
	traced := sample(`SELECT DISTINCT id / 1024 FROM quote_units WHERE trace IS NOT NULL AND id % 89 = 0 LIMIT 50`)
	if len(clustered) == 0 || len(traced) == 0 {
		b.Skip("the corpus has no clusters or traces")
	}
	var words []string
	for _, id := range traced {
		ts, err := s.TraceArticle(ctx, id)
		if err == nil && len(ts) > 0 {
			words = append(words, ts[0].Text)
		}
	}
	for _, c := range []struct {
		name string
		refs []string
		run  func(string) error
	}{
		{"copies", clustered, func(r string) error { _, err := s.Copies(ctx, r); return err }},
		{"trace-article", traced, func(r string) error { _, err := s.TraceArticle(ctx, r); return err }},
		{"trace-quote", words, func(r string) error { _, err := s.TraceQuote(ctx, r, 20); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if err := c.run(c.refs[i%len(c.refs)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// threadCPU returns the CPU time of the calling thread, or the wall clock
// where that is not available.
func threadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(ts.Nano())
}

// copyFile copies the file at src to dst.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
