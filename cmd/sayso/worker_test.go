package main

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to watch the queue
	"github.com/sayso-news/sayso/internal/fakesite"
	"github.com/sayso-news/sayso/store/postgres/pgtest"
)

// Sizes of the fault test: pages in the WARC file and pages served on
// loopback, 2,100 in all.
const (
	faultWARCPages = 1400
	faultWebPages  = 700
)

// syllables make the words of faultPage's made-up prose.
var syllables = []string{"ka", "lo", "mer", "tin", "sa", "dor", "vel", "an", "ri", "po", "gun", "ste", "bra", "mi", "tho", "ul", "zen", "fa", "qui", "ne"}

// faultPage returns article i of the fault test: a short news page of
// made-up words (so that pages are distinct and the provenance indexes
// have little to do), with two quoted sentences; every 40th page reprints
// the text of page i-17 under another title, a copy to be clustered
// whichever workers store the two.
func faultPage(i int) string {
	src := i
	if i%40 == 39 {
		src = i - 17
	}
	r := rand.New(rand.NewPCG(uint64(src), 7))
	word := func() string {
		w := ""
		for range 2 + r.IntN(2) {
			w += syllables[r.IntN(len(syllables))]
		}
		return w
	}
	sentence := func(n int) string {
		ws := make([]string, n)
		for j := range ws {
			ws[j] = word()
			if j%4 == 1 {
				ws[j] = []string{"the", "of", "and", "in", "to", "with"}[r.IntN(6)]
			}
		}
		return strings.ToUpper(ws[0][:1]) + ws[0][1:] + " " + strings.Join(ws[1:], " ")
	}
	name := func() string {
		w, v := word(), word()
		return strings.ToUpper(w[:1]) + w[1:] + " " + strings.ToUpper(v[:1]) + v[1:]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story %d</title></head><body><article><h1>Story %d: %s</h1>\n", i, i, sentence(6))
	for p := range 5 {
		if p == 2 || p == 4 {
			fmt.Fprintf(&b, "<p>\u201c%s, %s,\u201d said %s.</p>\n", sentence(14), sentence(8), name())
			continue
		}
		fmt.Fprintf(&b, "<p>%s. %s. %s.</p>\n", sentence(18), sentence(15), sentence(20))
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

// writeWARC writes a WARC file of n HTTP response records carrying test
// article pages (faultPage(first+i)) captured at base/news/i.
func writeWARC(t *testing.T, path, base string, first, n int) {
	t.Helper()
	var b bytes.Buffer
	for i := range n {
		body := faultPage(first + i)
		http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
		fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n"+
			"WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Target-URI: %s/news/%d\r\nContent-Type: application/http;msgtype=response\r\n"+
			"Content-Length: %d\r\n\r\n%s\r\n\r\n", i, base, i, len(http), http)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// corpusDigest describes a corpus by what does not depend on the order
// pages were stored in: counts of pages, articles and attributions, a
// checksum of every article's address and bytes (so that each page is
// there once), and the sizes of the copy clusters and quote traces.
func corpusDigest(t *testing.T, driver, dsn string) string {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func(q string) int {
		var n int
		if err := db.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	rows, err := db.Query(`SELECT p.url, p.body_hash FROM articles a JOIN pages p ON p.id = a.id ORDER BY p.url`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	h := sha256.New()
	for rows.Next() {
		var u string
		var hash []byte
		if err := rows.Scan(&u, &hash); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %x\n", u, hash)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("pages %d, articles %d (distinct addresses %d), attributions %d, articles checksum %x; "+
		"clustered %d in %d clusters; quotes %d, traced %d",
		count(`SELECT count(*) FROM pages`), count(`SELECT count(*) FROM articles`), count(`SELECT count(DISTINCT url) FROM pages`),
		count(`SELECT count(*) FROM attributions`), h.Sum(nil)[:8],
		count(`SELECT count(*) FROM copy_members`), count(`SELECT count(DISTINCT cluster) FROM copy_members`),
		count(`SELECT count(*) FROM quote_units`), count(`SELECT count(*) FROM quote_units WHERE trace IS NOT NULL`))
}

// TestWorkersFault is the scale-out fault test: three "sayso worker"
// processes share a queue of 2,100 pages (a WARC file, shared out in
// ranges of records, and pages served on loopback); one is killed with
// SIGKILL mid-way and another stopped and started again. When the queue
// has drained, every page is stored exactly once: the corpus equals that
// of one uninterrupted "sayso ingest" into SQLite of the same sources.
func TestWorkersFault(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sayso binary and runs workers; skipped in -short mode")
	}
	dsn := pgtest.NewDatabase(t)
	tmp := t.TempDir()
	bin := buildSayso(t, tmp)

	site := fakesite.New()
	defer site.Close()
	var urls strings.Builder
	for i := range faultWebPages {
		p := fmt.Sprintf("/news/%d", i)
		site.HTML(p, faultPage(faultWARCPages+i))
		fmt.Fprintln(&urls, site.URL(p))
	}
	list := filepath.Join(tmp, "urls.txt")
	if err := os.WriteFile(list, []byte(urls.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	warc := filepath.Join(tmp, "crawl.warc")
	writeWARC(t, warc, "https://warc.example", 0, faultWARCPages)
	// Attribution without the parse, and a high request rate for the
	// loopback site: the test is about the queue, not the reading.
	common := []string{"--allow-private", "--rate", "400", "--fast"}

	start := time.Now()
	ref := filepath.Join(tmp, "reference.db")
	if code, out, errs := runCmd(t, append(append([]string{"ingest", "--db", ref}, common...), warc, list)...); code != exitOK {
		t.Fatalf("reference run: exit %d\n%s\n%s", code, out, errs)
	}
	want := corpusDigest(t, "sqlite", ref)
	t.Logf("uninterrupted SQLite run in %v: %s", time.Since(start).Round(time.Millisecond), want)

	start = time.Now()
	if code, out, errs := runCmd(t, "ingest", "--db", dsn, "--enqueue", warc, list); code != exitOK {
		t.Fatalf("enqueue: exit %d\n%s\n%s", code, out, errs)
	}
	queue, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer queue.Close()
	// Short polls and a quick rescue of the killed worker's jobs (River's
	// rescuer then looks every 30 seconds); a job is a few seconds' work.
	workerArgs := append([]string{"worker", "--db", dsn, "--concurrency", "3", "--poll", "100ms",
		"--job-timeout", "25s", "--rescue-after", "26s"}, common...)
	type proc struct {
		cmd    *exec.Cmd
		exited chan error
		log    *syncLog
	}
	startWorker := func() *proc {
		p := &proc{cmd: exec.Command(bin, workerArgs...), exited: make(chan error, 1), log: &syncLog{}}
		p.cmd.Stderr = p.log
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { p.exited <- p.cmd.Wait() }()
		return p
	}
	var procs []*proc
	defer func() {
		for _, p := range procs {
			if p.cmd.ProcessState == nil {
				p.cmd.Process.Kill()
				<-p.exited
			}
		}
	}()
	for range 3 {
		procs = append(procs, startWorker())
	}
	articles := func() int {
		var n int
		if err := queue.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
			return -1
		}
		return n
	}
	waitFor := func(what string, limit time.Duration, done func() bool) {
		t.Helper()
		deadline := time.Now().Add(limit)
		for !done() {
			if time.Now().After(deadline) {
				for i, p := range procs {
					t.Logf("worker %d log:\n%s", i, p.log.String())
				}
				t.Fatalf("%s: not within %v", what, limit)
			}
			time.Sleep(50 * time.Millisecond) // polling interval, not synchronisation
		}
	}
	waitFor("600 articles stored", 2*time.Minute, func() bool { return articles() >= 600 })
	if err := procs[0].cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-procs[0].exited
	killedAt := articles()
	t.Logf("worker 0 killed with SIGKILL at %d articles, %v after the start", killedAt, time.Since(start).Round(time.Millisecond))
	waitFor("1,000 articles stored", 2*time.Minute, func() bool { return articles() >= 1000 })
	if err := procs[1].cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := <-procs[1].exited; err != nil {
		t.Errorf("worker 1 stopped with SIGTERM: %v\n%s", err, procs[1].log.String())
	}
	t.Logf("worker 1 stopped and started again at %d articles", articles())
	procs = append(procs, startWorker())
	if killedAt >= faultWARCPages+faultWebPages {
		t.Fatalf("every page was stored (%d) before a worker was killed", killedAt)
	}
	pending := func() int {
		var n int
		if err := queue.QueryRow(`SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'cancelled', 'discarded')`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	waitFor("the queue drained", 5*time.Minute, func() bool { return pending() == 0 })
	t.Logf("queue drained %v after the start", time.Since(start).Round(time.Millisecond))
	var failed int
	if err := queue.QueryRow(`SELECT count(*) FROM river_job WHERE state <> 'completed'`).Scan(&failed); err != nil {
		t.Fatal(err)
	}
	if failed != 0 {
		t.Errorf("%d jobs did not complete", failed)
	}
	var rerun int
	if err := queue.QueryRow(`SELECT count(*) FROM river_job WHERE attempt > 1`).Scan(&rerun); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d jobs ran more than once (the killed worker's, rescued)", rerun)
	if got := corpusDigest(t, "pgx", dsn); got != want {
		t.Errorf("after the fault:\n got %s\nwant %s", got, want)
	}
}

// syncLog is a buffer a process writes to while the test may read it.
type syncLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
