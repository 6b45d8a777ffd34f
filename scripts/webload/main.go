// Command webload measures the web pages of "sayso serve" under load: it
// picks random article ids, quote traces, speakers and search words from
// a corpus database, then has concurrent clients request the article,
// quote, speaker and search pages (a quarter each, shuffled) without
// pause, and prints the median, 99th percentile and errors per page kind.
// Every request is a different page as far as the sample allows: nothing
// relies on repeating one request.
//
// Usage (with "sayso serve --db /tmp/c100k.db" running):
//
//	go run ./scripts/webload -db /tmp/c100k.db -base http://127.0.0.1:8080 -c 50 -n 2000 -seed 7 -pid $(pgrep -f "sayso serve")
//
// With -pid it also reports the server's CPU time per request, a figure that
// holds on a machine shared with other work where latencies do not.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	_ "modernc.org/sqlite" // the corpus is read directly for its ids
)

// request is one page to ask for.
type request struct {
	kind, path string
}

// result is one answer.
type result struct {
	kind    string
	latency time.Duration
	err     string
}

func main() {
	db := flag.String("db", "", "corpus database `file` to sample ids and words from (required)")
	base := flag.String("base", "http://127.0.0.1:8080", "server `URL`")
	clients := flag.Int("c", 50, "concurrent clients")
	n := flag.Int("n", 2000, "requests in all")
	seed := flag.Uint64("seed", 7, "random seed")
	warm := flag.Int("warm", 0, "requests sent before measuring (of other pages than those measured)")
	pid := flag.Int("pid", 0, "the server's process `id`, to report its CPU time per request (Linux)")
	flag.Parse()
	// The load runs on the machine it measures: collecting less often
	// leaves more of the CPU to the server.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if *db == "" {
		log.Fatal("give -db, the corpus database the server reads")
	}
	rng := rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))
	reqs, err := sample(*db, rng, *n+*warm)
	if err != nil {
		log.Fatal(err)
	}
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *clients, MaxConnsPerHost: *clients}}
	if *warm > 0 {
		run(client, *base, reqs[*n:], *clients)
	}
	cpu0, cpuErr := processCPU(*pid)
	start := time.Now()
	results := run(client, *base, reqs[:*n], *clients)
	elapsed := time.Since(start)
	report(os.Stdout, results, elapsed, *clients)
	if *pid > 0 {
		cpu1, err := processCPU(*pid)
		if err = errors.Join(cpuErr, err); err != nil {
			log.Fatal(err)
		}
		u, s := cpu1.user-cpu0.user, cpu1.sys-cpu0.sys
		fmt.Printf("server CPU per request: %.2f ms (user %.2f, system %.2f)\n",
			ms(u+s)/float64(len(results)), ms(u)/float64(len(results)), ms(s)/float64(len(results)))
	}
}

// cpuTimes is a process's CPU time so far.
type cpuTimes struct{ user, sys time.Duration }

// processCPU reads the CPU time of process pid from /proc (nothing for
// pid 0). The kernel counts it in ticks of 1/100 s, which the run's
// thousands of requests make fine enough.
func processCPU(pid int) (cpuTimes, error) {
	if pid <= 0 {
		return cpuTimes{}, nil
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return cpuTimes{}, fmt.Errorf("server CPU: %w", err)
	}
	// The fields after the command name, which is in parentheses and may
	// hold spaces: utime and stime are the 12th and 13th of them.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return cpuTimes{}, fmt.Errorf("server CPU: short %s", b)
	}
	var t [2]int64
	for i := range t {
		if t[i], err = strconv.ParseInt(f[11+i], 10, 64); err != nil {
			return cpuTimes{}, fmt.Errorf("server CPU: %w", err)
		}
	}
	const tick = 10 * time.Millisecond
	return cpuTimes{time.Duration(t[0]) * tick, time.Duration(t[1]) * tick}, nil
}

// sample picks n requests from the corpus at path: random articles, the
// traces of quotes of random articles, the speakers of random
// attributions (so a speaker is picked as often as they are quoted) and
// words of random titles.
func sample(path string, rng *rand.Rand, n int) ([]request, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	ctx := context.Background()
	var maxID int64
	if err := db.QueryRowContext(ctx, `SELECT max(id) FROM articles`).Scan(&maxID); err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	per := (n + 3) / 4
	var articles, traces, speakers []int64
	var words []string
	for tries := 0; (len(articles) < per || len(traces) < per || len(speakers) < per || len(words) < per) && tries < 200*per; tries++ {
		id := 1 + rng.Int64N(maxID)
		var title string
		if err := db.QueryRowContext(ctx, `SELECT title FROM articles WHERE id = ?`, id).Scan(&title); err != nil {
			continue
		}
		if len(articles) < per {
			articles = append(articles, id)
		}
		var t, sp int64
		if len(traces) < per && db.QueryRowContext(ctx, `SELECT trace FROM quote_units WHERE id BETWEEN ? AND ? AND trace IS NOT NULL LIMIT 1`,
			id*1024, id*1024+1023).Scan(&t) == nil {
			traces = append(traces, t)
		}
		if len(speakers) < per && db.QueryRowContext(ctx, `SELECT speaker_id FROM attributions WHERE id BETWEEN ? AND ? AND speaker_id IS NOT NULL
			ORDER BY id LIMIT 1 OFFSET ?`, id*1024, id*1024+1023, rng.IntN(4)).Scan(&sp) == nil {
			speakers = append(speakers, sp)
		}
		if len(words) < per {
			var ws []string
			for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) }) {
				if len(w) >= 4 {
					ws = append(ws, strings.ToLower(w))
				}
			}
			if len(ws) > 0 {
				words = append(words, ws[rng.IntN(len(ws))])
			}
		}
	}
	if len(traces) == 0 || len(speakers) == 0 || len(words) == 0 {
		return nil, fmt.Errorf("%s: found no traces, speakers or words to ask for", path)
	}
	var reqs []request
	for i := range per {
		reqs = append(reqs,
			request{"article", fmt.Sprintf("/article/%d", articles[i%len(articles)])},
			request{"quote", fmt.Sprintf("/quote/%d", traces[i%len(traces)])},
			request{"speaker", fmt.Sprintf("/speaker/%d", speakers[i%len(speakers)])},
			request{"search", "/search?q=" + url.QueryEscape(words[i%len(words)])})
	}
	rng.Shuffle(len(reqs), func(i, j int) { reqs[i], reqs[j] = reqs[j], reqs[i] })
	return reqs[:n], nil
}

// run sends reqs from clients workers, each sending its next request as
// soon as the last is answered.
func run(client *http.Client, base string, reqs []request, clients int) []result {
	next := make(chan request)
	out := make(chan result, len(reqs))
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for r := range next {
				t := time.Now()
				res, err := client.Get(base + r.path)
				rr := result{kind: r.kind}
				if err != nil {
					rr.err = err.Error()
				} else {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if res.StatusCode != http.StatusOK {
						rr.err = fmt.Sprintf("%s: status %d", r.path, res.StatusCode)
					}
				}
				rr.latency = time.Since(t)
				out <- rr
			}
		})
	}
	for _, r := range reqs {
		next <- r
	}
	close(next)
	wg.Wait()
	close(out)
	var results []result
	for r := range out {
		results = append(results, r)
	}
	return results
}

// report prints median, p99 and errors per kind, then the throughput.
func report(w io.Writer, results []result, elapsed time.Duration, clients int) {
	byKind := map[string][]time.Duration{}
	errs := map[string]int{}
	var firstErr []string
	for _, r := range results {
		byKind[r.kind] = append(byKind[r.kind], r.latency)
		if r.err != "" {
			errs[r.kind]++
			if len(firstErr) < 5 {
				firstErr = append(firstErr, r.err)
			}
		}
	}
	fmt.Fprintf(w, "%-8s %6s %10s %10s %10s %7s\n", "page", "n", "median ms", "p99 ms", "max ms", "errors")
	for _, k := range []string{"article", "quote", "speaker", "search"} {
		ls := byKind[k]
		if len(ls) == 0 {
			continue
		}
		slices.Sort(ls)
		fmt.Fprintf(w, "%-8s %6d %10.1f %10.1f %10.1f %7d\n", k, len(ls), ms(ls[len(ls)/2]), ms(ls[min(len(ls)-1, len(ls)*99/100)]),
			ms(ls[len(ls)-1]), errs[k])
	}
	fmt.Fprintf(w, "%d requests from %d clients in %.1f s: %.0f requests/s\n", len(results), clients, elapsed.Seconds(),
		float64(len(results))/elapsed.Seconds())
	for _, e := range firstErr {
		fmt.Fprintln(w, "error:", e)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
