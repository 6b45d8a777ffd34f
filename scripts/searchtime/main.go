// Command searchtime measures how fast "sayso search" answers on a corpus
// (made, for example, by scripts/mkcorpus): it runs the sayso binary once
// per query and repetition, as a user would, and prints each query's
// median wall time, the overall median, and the in-process time of the
// store's Search alone for comparison. It then times "sayso quotes" the
// same way, with filters that match few and many quotes, alone and
// together.
//
// Usage:
//
//	go build -o /tmp/sayso ./cmd/sayso
//	go run ./scripts/searchtime -db /tmp/corpus.db -sayso /tmp/sayso
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/storeopen"
)

// queries are what people look for in a news corpus: names, topics,
// phrases, alternatives, exclusions, prefixes; common and rare words.
var queries = []string{
	"Trump",
	"Clinton emails",
	`"health care"`,
	"immigration reform",
	"Supreme Court nominee",
	"Sanders OR Cruz",
	"tax plan",
	"Iowa caucus",
	"refugees",
	"climate change",
	`"Planned Parenthood"`,
	`"Second Amendment"`,
	"Benghazi",
	"minimum wage",
	"Iran nuclear deal",
	"said president",
	"border wall Mexico",
	"debate -Trump",
	"polls",
	"econom*",
}

// quoteFilters are "sayso quotes" flags: a common and a rare word, a
// speaker named often and one named never, an outlet, a kind, and mixes
// of a selective filter with a broad one.
var quoteFilters = [][]string{
	{},
	{"--query", "the"},
	{"--query", "said"},
	{"--query", "Benghazi"},
	{"--speaker", "trump"},
	{"--speaker", "a"},
	{"--speaker", "nobody-at-all"},
	{"--kind", "direct"},
	{"--outlet", "wash-post-15.example"},
	{"--outlet", "wash-post-15.example", "--query", "the"},
	{"--speaker", "clinton", "--query", "said"},
	{"--offset", "10000"},
}

func main() {
	db := flag.String("db", "corpus.db", "corpus database `file` or postgres:// URL")
	bin := flag.String("sayso", "sayso", "sayso `binary`")
	runs := flag.Int("runs", 5, "timed runs per query")
	flag.Parse()

	ctx := context.Background()
	s, err := storeopen.Open(ctx, *db)
	if err != nil {
		log.Fatal(err)
	}
	var all, inproc []time.Duration
	fmt.Printf("%-24s %8s %8s %6s\n", "query", "CLI ms", "store ms", "hits")
	for _, q := range queries {
		// Warm the page cache once, as a second search by a user would find it.
		if out, err := exec.Command(*bin, "search", "--db", *db, q).CombinedOutput(); err != nil {
			log.Fatalf("sayso search %q: %v\n%s", q, err, out)
		}
		var cli, st []time.Duration
		hits := 0
		for range *runs {
			start := time.Now()
			if out, err := exec.Command(*bin, "search", "--db", *db, q).CombinedOutput(); err != nil {
				log.Fatalf("sayso search %q: %v\n%s", q, err, out)
			}
			cli = append(cli, time.Since(start))
			start = time.Now()
			h, err := s.Search(ctx, sayso.SearchQuery{Text: q})
			if err != nil {
				log.Fatal(err)
			}
			st = append(st, time.Since(start))
			hits = len(h)
		}
		all = append(all, cli...)
		inproc = append(inproc, st...)
		fmt.Printf("%-24s %8.1f %8.1f %6d\n", q, ms(median(cli)), ms(median(st)), hits)
	}
	fmt.Printf("median over %d runs: sayso search %.1f ms (process start included), store.Search %.1f ms; slowest CLI %.1f ms\n",
		len(all), ms(median(all)), ms(median(inproc)), ms(slices.Max(all)))

	all, inproc = nil, nil
	fmt.Printf("\n%-48s %8s %8s %6s\n", "quotes", "CLI ms", "store ms", "quotes")
	for _, f := range quoteFilters {
		args := append([]string{"quotes", "--db", *db}, f...)
		if out, err := exec.Command(*bin, args...).CombinedOutput(); err != nil {
			log.Fatalf("sayso %v: %v\n%s", args, err, out)
		}
		q := quoteQuery(f)
		var cli, st []time.Duration
		n := 0
		for range *runs {
			start := time.Now()
			if out, err := exec.Command(*bin, args...).CombinedOutput(); err != nil {
				log.Fatalf("sayso %v: %v\n%s", args, err, out)
			}
			cli = append(cli, time.Since(start))
			start = time.Now()
			qs, err := s.Quotes(ctx, q)
			if err != nil {
				log.Fatal(err)
			}
			st = append(st, time.Since(start))
			n = len(qs)
		}
		all = append(all, cli...)
		inproc = append(inproc, st...)
		fmt.Printf("%-48s %8.1f %8.1f %6d\n", strings.Join(f, " "), ms(median(cli)), ms(median(st)), n)
	}
	s.Close()
	fmt.Printf("median over %d runs: sayso quotes %.1f ms (process start included), store.Quotes %.1f ms; slowest CLI %.1f ms\n",
		len(all), ms(median(all)), ms(median(inproc)), ms(slices.Max(all)))
}

// quoteQuery is the store query of "sayso quotes" flags.
func quoteQuery(flags []string) sayso.QuoteQuery {
	var q sayso.QuoteQuery
	for i := 0; i+1 < len(flags); i += 2 {
		switch v := flags[i+1]; flags[i] {
		case "--query":
			q.Text = v
		case "--speaker":
			q.Speaker = v
		case "--outlet":
			q.Outlet = v
		case "--kind":
			q.Kind = sayso.AttributionKind(v)
		case "--offset":
			q.Offset, _ = strconv.Atoi(v)
		}
	}
	return q
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
