// Command tracetime measures how fast "sayso copies" and "sayso trace"
// answer on a corpus (made, for example, by scripts/mkcorpus), as a user
// runs them: the sayso binary once per article or quote and repetition,
// process start included. It picks articles that have copies, articles
// whose quotes other articles printed, and the words of such quotes
// (evenly spread over the corpus), and prints the median and slowest wall
// time of each command, and the largest resident memory of any run.
//
// Usage:
//
//	go build -o /tmp/sayso ./cmd/sayso
//	go run ./scripts/tracetime -db /tmp/corpus.db -sayso /tmp/sayso
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os/exec"
	"slices"
	"strconv"
	"syscall"
	"time"

	"github.com/sayso-news/sayso/internal/storeopen"
	"github.com/sayso-news/sayso/store/postgres"
)

func main() {
	db := flag.String("db", "corpus.db", "corpus database `file` or postgres:// URL")
	bin := flag.String("sayso", "sayso", "sayso `binary`")
	runs := flag.Int("runs", 5, "timed runs per article or quote")
	n := flag.Int("n", 20, "articles and quotes picked per command")
	flag.Parse()

	ctx := context.Background()
	s, err := storeopen.Open(ctx, *db)
	if err != nil {
		log.Fatal(err)
	}
	pick := func(query string) []string {
		if postgres.IsURL(*db) {
			query = postgres.Dialect{}.Rebind(query)
		}
		rows, err := s.DB().QueryContext(ctx, query, *n)
		if err != nil {
			log.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				log.Fatal(err)
			}
			out = append(out, strconv.FormatInt(id, 10))
		}
		return out
	}
	// Evenly spread: every k-th of the rows, by a stride on the id.
	clustered := pick(`SELECT article_id FROM copy_members WHERE article_id % 53 = 0 ORDER BY article_id LIMIT ?`)
	traced := pick(`SELECT DISTINCT id / 1024 FROM quote_units WHERE trace IS NOT NULL AND (id / 1024) % 47 = 0 ORDER BY 1 LIMIT ?`)
	var words []string
	for _, id := range traced {
		ts, err := s.TraceArticle(ctx, id)
		if err != nil {
			log.Fatal(err)
		}
		if len(ts) > 0 {
			words = append(words, ts[0].Text)
		}
	}
	s.Close()
	if len(clustered) == 0 || len(traced) == 0 {
		log.Fatal("the corpus has no copies or traced quotes")
	}
	maxRSS := int64(0)
	run := func(args ...string) time.Duration {
		cmd := exec.Command(*bin, append(args[:1:1], append([]string{"--db", *db}, args[1:]...)...)...)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			log.Fatalf("sayso %v: %v\n%s", args, err, out)
		}
		d := time.Since(start)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			maxRSS = max(maxRSS, ru.Maxrss)
		}
		return d
	}
	fmt.Printf("%-28s %6s %10s %10s\n", "command", "runs", "median ms", "slowest ms")
	for _, c := range []struct {
		name string
		args func(string) []string
		refs []string
	}{
		{"sayso copies ARTICLE", func(r string) []string { return []string{"copies", r} }, clustered},
		{"sayso trace ARTICLE", func(r string) []string { return []string{"trace", r} }, traced},
		{`sayso trace "QUOTE WORDS"`, func(r string) []string { return []string{"trace", r} }, words},
	} {
		var ds []time.Duration
		for _, r := range c.refs {
			run(c.args(r)...) // warm the page cache, as a second look would find it
			for range *runs {
				ds = append(ds, run(c.args(r)...))
			}
		}
		slices.Sort(ds)
		fmt.Printf("%-28s %6d %10.1f %10.1f\n", c.name, len(ds), ms(ds[len(ds)/2]), ms(ds[len(ds)-1]))
	}
	fmt.Printf("largest resident memory of a run: %.0f MB\n", float64(maxRSS)/1024)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
