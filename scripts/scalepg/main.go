// Command scalepg measures how ingestion scales out on PostgreSQL: for
// each number of workers asked for, it makes a fresh database, queues one
// WARC file ("sayso ingest --enqueue"), starts that many "sayso worker"
// processes and times them until the queue has drained. It prints the
// throughput, the CPU time each worker spent per page and the CPU time
// the PostgreSQL server spent per page (its backends serving the
// database, read from /proc), from which the throughput of more workers on more
// machines can be projected: workers add pages per second until the
// database server's share, or the serialised writes, are the limit.
//
//	go run ./scripts/mkwarc -o /tmp/bench.warc.gz -n 1086
//	go build -o /tmp/sayso ./cmd/sayso
//	go run ./scripts/scalepg -server postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable \
//	    -warc /tmp/bench.warc.gz -sayso /tmp/sayso -workers 1,2
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

func main() {
	server := flag.String("server", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "PostgreSQL server `URL` whose user may create databases")
	warc := flag.String("warc", "bench.warc.gz", "WARC `file` to ingest")
	bin := flag.String("sayso", "sayso", "sayso `binary`")
	counts := flag.String("workers", "1,2", "numbers of workers to try, comma-separated")
	procs := flag.Int("procs", 1, "cores each worker may use (GOMAXPROCS)")
	concurrency := flag.Int("concurrency", 2, "jobs each worker runs at once")
	extra := flag.String("args", "--fast", "further worker flags, space-separated")
	flag.Parse()
	abs, err := filepath.Abs(*warc)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%-8s %8s %10s %10s %16s %16s %12s\n", "workers", "pages", "seconds", "pages/s", "worker CPU ms/p", "server CPU ms/p", "write lock")
	for _, c := range strings.Split(*counts, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || n < 1 {
			log.Fatalf("bad -workers %q", *counts)
		}
		r, err := measure(*server, abs, *bin, n, *procs, *concurrency, strings.Fields(*extra))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-8d %8d %10.1f %10.1f %16.1f %16.1f %11.0f%%\n", n, r.pages, r.wall.Seconds(), float64(r.pages)/r.wall.Seconds(),
			ms(r.workerCPU)/float64(r.pages), ms(r.serverCPU)/float64(r.pages), 100*r.locked)
	}
}

// writeLockKey is the store's write lock (store/postgres).
const writeLockKey = 0x736179736f02

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

type result struct {
	pages                int
	wall                 time.Duration
	workerCPU, serverCPU time.Duration
	// locked is the share of samples in which a writer held the store's
	// write lock: the serialised part of the work. At a throughput of
	// pages/s with the lock held a share u of the time, writes cap the
	// throughput at about (pages/s)/u whatever the number of workers.
	locked float64
}

// measure runs n workers on a fresh database over the WARC file.
func measure(server, warc, bin string, n, procs, concurrency int, extra []string) (*result, error) {
	ctx := context.Background()
	admin, err := sql.Open("pgx", server)
	if err != nil {
		return nil, err
	}
	defer admin.Close()
	name := fmt.Sprintf("sayso_scale_%d", n)
	for _, stmt := range []string{"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name} {
		if _, err := admin.ExecContext(ctx, stmt); err != nil {
			return nil, fmt.Errorf("%s: %w", stmt, err)
		}
	}
	u, err := url.Parse(server)
	if err != nil {
		return nil, err
	}
	u.Path = "/" + name
	dsn := u.String()
	if out, err := exec.Command(bin, "ingest", "--db", dsn, "--enqueue", warc).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("enqueue: %v\n%s", err, out)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	serverStart := serverCPU(name)
	start := time.Now()
	var cmds []*exec.Cmd
	for range n {
		args := append([]string{"worker", "--db", dsn, "--concurrency", strconv.Itoa(concurrency), "--poll", "200ms"}, extra...)
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(procs))
		if err := cmd.Start(); err != nil {
			return nil, err
		}
		cmds = append(cmds, cmd)
	}
	samples, held := 0, 0
	for {
		var pending, locks int
		if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'cancelled', 'discarded')),
			(SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
				AND objid = $1::bigint & 4294967295 AND classid = $1::bigint >> 32)`, writeLockKey).Scan(&pending, &locks); err != nil {
			return nil, err
		}
		if pending == 0 {
			break
		}
		samples++
		if locks > 0 {
			held++
		}
		time.Sleep(50 * time.Millisecond) // sampling interval
	}
	wall := time.Since(start)
	serverUsed := serverCPU(name) - serverStart
	r := &result{wall: wall, serverCPU: serverUsed, locked: float64(held) / float64(max(samples, 1))}
	for _, cmd := range cmds {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		r.workerCPU += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pages`).Scan(&r.pages); err != nil {
		return nil, err
	}
	return r, nil
}

// serverCPU returns the CPU time used so far by this machine's PostgreSQL
// backends serving database (their command lines start with "postgres"
// and name it), from /proc. The workers' connections live until they are
// stopped, after the measurement; the server's shared processes (WAL
// writer, checkpointer) are not counted.
func serverCPU(database string) time.Duration {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	var ticks int64
	for _, d := range dirs {
		cmdline, err := os.ReadFile(d + "/cmdline")
		if err != nil || !strings.HasPrefix(string(cmdline), "postgres") || !strings.Contains(string(cmdline), " "+database+" ") {
			continue
		}
		stat, err := os.ReadFile(d + "/stat")
		if err != nil {
			continue
		}
		// Fields after the command name in parentheses: utime and stime
		// are the 14th and 15th fields of the line.
		s := string(stat)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
		if len(f) < 13 {
			continue
		}
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		ticks += ut + st
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ
}
