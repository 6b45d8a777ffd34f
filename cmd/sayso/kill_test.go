package main

import (
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	_ "modernc.org/sqlite"
)

// buildSayso compiles the sayso binary into dir.
func buildSayso(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "sayso")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(cmd.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// countArticles reads the article count of a database another process is
// writing, read-only; -1 while the schema does not exist yet.
func countArticles(t *testing.T, db string) int {
	t.Helper()
	h, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var n int
	if err := h.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return -1
	}
	return n
}

// TestKill9 kills a real "sayso ingest" process in the middle of its run,
// twice, runs the same command again, and checks the corpus equals that of
// an uninterrupted run: same articles, same attribution rows.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sayso binary; skipped in -short mode")
	}
	const pages = 400
	dir := pageFolder(t, pages)
	tmp := t.TempDir()
	bin := buildSayso(t, tmp)
	args := func(db string) []string {
		// One worker and small batches make the run long enough to be
		// killed in the middle, and commit often.
		return []string{"ingest", "--db", db, "--workers", "1", "--batch", "8", dir}
	}

	ref := filepath.Join(tmp, "reference.db")
	if code, out, errs := runCmd(t, args(ref)...); code != exitOK {
		t.Fatalf("reference run: exit %d\n%s\n%s", code, out, errs)
	}
	want := countArticles(t, ref)
	if want != pages {
		t.Fatalf("reference run stored %d articles, want %d", want, pages)
	}

	db := filepath.Join(tmp, "killed.db")
	for _, killAt := range []int{20, pages / 2} {
		cmd := exec.Command(bin, args(db)...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		deadline := time.Now().Add(2 * time.Minute)
		for countArticles(t, db) < killAt {
			select {
			case err := <-exited:
				t.Fatalf("ingest exited (%v) before %d articles were stored; stderr:\n%s", err, killAt, stderr.String())
			default:
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("no %d articles stored within 2 minutes; stderr:\n%s", killAt, stderr.String())
			}
			time.Sleep(5 * time.Millisecond) // polling interval, not synchronisation
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		err := <-exited
		got := countArticles(t, db)
		t.Logf("killed at %d articles (%v)", got, err)
		if got >= pages {
			t.Fatalf("the run finished (%d articles) before it was killed", got)
		}
	}

	code, out, errs := runCmd(t, args(db)...)
	if code != exitOK {
		t.Fatalf("rerun: exit %d\n%s\n%s", code, out, errs)
	}
	if got := countArticles(t, db); got != want {
		t.Errorf("after kill -9 and rerun: %d articles, want %d", got, want)
	}
	wantRows := attributionRows(t, ref)
	if diff := cmp.Diff(wantRows, attributionRows(t, db)); diff != "" {
		t.Errorf("attribution rows differ from the uninterrupted run (-want +got):\n%s", diff)
	}
	t.Logf("%d articles and %d attribution rows, as in the uninterrupted run", want, len(wantRows))
	t.Logf("rerun summary:\n%s", out)
}

// TestInterrupt stops a real "sayso ingest" process with SIGINT (Ctrl-C)
// in the middle of its run: it must exit promptly with status 1, having
// stored only whole work (no article whose attribution was cut short) and
// reported no failure; running the same command again finishes the corpus.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sayso binary; skipped in -short mode")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT on Windows")
	}
	const pages = 400
	dir := pageFolder(t, pages)
	tmp := t.TempDir()
	bin := buildSayso(t, tmp)
	db := filepath.Join(tmp, "stopped.db")
	args := []string{"ingest", "--db", db, "--workers", "1", "--batch", "8", dir}

	cmd := exec.Command(bin, args...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.Now().Add(2 * time.Minute)
	for countArticles(t, db) < 20 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no 20 articles stored within 2 minutes; stderr:\n%s", stderr.String())
		}
		time.Sleep(5 * time.Millisecond) // polling interval, not synchronisation
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	var err error
	select {
	case err = <-exited:
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatalf("ingest still running a minute after SIGINT; stderr:\n%s", stderr.String())
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitFailure || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("after SIGINT: %v, want exit status %d saying it was interrupted; stderr:\n%s", err, exitFailure, stderr.String())
	}
	if !strings.Contains(stdout.String(), "failed       0") {
		t.Errorf("an interrupted run reports failures:\n%s", stdout.String())
	}
	got := countArticles(t, db)
	if got >= pages {
		t.Fatalf("the run finished (%d articles) before it was interrupted", got)
	}
	h, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var partial int
	if err := h.QueryRow(`SELECT count(*) FROM articles WHERE analyzer_version IS NULL OR analysis_error IS NOT NULL`).Scan(&partial); err != nil {
		t.Fatal(err)
	}
	if partial != 0 {
		t.Errorf("%d of %d articles stored without their attribution", partial, got)
	}
	t.Logf("interrupted at %d articles; summary:\n%s", got, stdout.String())

	if code, out, errs := runCmd(t, args...); code != exitOK {
		t.Fatalf("rerun: exit %d\n%s\n%s", code, out, errs)
	}
	if got := countArticles(t, db); got != pages {
		t.Errorf("after the rerun: %d articles, want %d", got, pages)
	}
}
