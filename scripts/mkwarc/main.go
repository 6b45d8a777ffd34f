// Command mkwarc writes the ingest benchmark's input as a file: a
// gzip-per-record WARC (CC-NEWS layout) of real pages, the 181 scrapinghub
// pages repeated from other outlets, read in place from the shared data.
// It lets "sayso ingest" itself be timed:
//
//	go run ./scripts/mkwarc -o /tmp/bench.warc.gz -n 1086
//	/usr/bin/time -v sayso ingest --db /tmp/bench.db /tmp/bench.warc.gz
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/sayso-news/sayso/internal/benchdata"
)

func main() {
	out := flag.String("o", "bench.warc.gz", "output `file`")
	n := flag.Int("n", 1086, "number of pages")
	data := flag.String("data", benchdata.DataDir(), "shared data `dir`")
	flag.Parse()
	pages, err := benchdata.Scrapinghub(*data)
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	written, err := benchdata.WriteWARC(w, pages, *n)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d records\n", *out, written)
}
