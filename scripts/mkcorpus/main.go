// Command mkcorpus generates a large sayso corpus database for measuring
// storage size, search and provenance speed: by default 100,000 articles.
//
// Articles are made from the real news prose of the PolNeAR training split
// (read in place from the shared data, never copied) by
// internal/benchdata's Synth: each one takes a real article's paragraphs, a
// third of them swapped for paragraphs of other articles, and a share of
// its content words (-perturb) replaced by real words of the same length, so every
// article is as distinct as real news is while words, lengths and
// attribution density stay those of real news. A share of articles are
// syndicated copies of an earlier one (-copies: another outlet, sometimes
// the tail cut, a "Source:" credit or a canonical link) and a share print
// a quoted paragraph of an earlier one (-quotes), so that the provenance
// indexes hold clusters and traces. Attributions are PolNeAR's own
// annotations, carried with their paragraphs (offsets kept), so the store
// holds as many attribution rows, spans and speakers as real analysed
// articles would. Each article is saved with a raw page (its text in a
// news-page template) through the ordinary store API, which keeps the
// provenance indexes in the same transaction.
//
// Usage:
//
//	go run ./scripts/mkcorpus -db /tmp/corpus.db -n 100000
//
// It prints the database's size in total, without the raw pages, and per
// article, and the provenance indexes' share.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/benchdata"
	"github.com/sayso-news/sayso/internal/storeopen"
	"github.com/sayso-news/sayso/store/postgres"
)

func main() {
	db := flag.String("db", "corpus.db", "database `file` to create (must not exist), or the postgres:// URL of an empty database")
	n := flag.Int("n", 100000, "number of articles")
	data := flag.String("data", benchdata.DataDir(), "shared data `dir`")
	batch := flag.Int("batch", 500, "articles per transaction")
	perturb := flag.Float64("perturb", 0.5, "share of content words replaced, so that articles are distinct")
	copies := flag.Float64("copies", 0.1, "share of articles that are syndicated copies of an earlier one")
	quotes := flag.Float64("quotes", 0.1, "share of articles that print a quoted paragraph of an earlier one")
	flag.Parse()
	pg := postgres.IsURL(*db)
	if _, err := os.Stat(*db); err == nil && !pg {
		log.Fatalf("%s exists; give a new file", *db)
	}
	synth, err := benchdata.NewSynth(*data)
	if err != nil {
		log.Fatal(err)
	}
	synth.Perturb, synth.Copies, synth.Quotes = *perturb, *copies, *quotes
	arts, paras := synth.Sources()
	log.Printf("%d source articles, %d paragraphs", arts, paras)

	ctx := context.Background()
	s, err := storeopen.Open(ctx, *db)
	if err != nil {
		log.Fatal(err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles > 0 {
		log.Fatalf("%s: give a new, empty database (%d articles, %v)", postgres.Redact(*db), st.Articles, err)
	}
	start := time.Now()
	var recs []*sayso.Record
	for i := range *n {
		recs = append(recs, synth.Record(i))
		if len(recs) == *batch || i == *n-1 {
			res, err := s.Save(ctx, recs)
			if err != nil {
				log.Fatal(err)
			}
			for _, r := range res {
				if r.Outcome != sayso.OutcomeStored {
					log.Fatalf("article not stored: %+v", r)
				}
			}
			recs = recs[:0]
			if (i+1)%10000 == 0 {
				log.Printf("%d articles, %.0f/s", i+1, float64(i+1)/time.Since(start).Seconds())
			}
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		log.Fatal(err)
	}
	var sizes map[string]int64
	var total int64
	if pg {
		sizes, total, err = pgSizes(ctx, s.DB())
	} else {
		if _, err := s.DB().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			log.Fatal(err)
		}
		sizes, err = tableSizes(ctx, s.DB())
		if err == nil {
			var fi os.FileInfo
			fi, err = os.Stat(*db)
			if fi != nil {
				total = fi.Size()
			}
		}
	}
	s.Close()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("articles %d, attributions %d, speakers %d, outlets %d in %s\n",
		st.Articles, st.Attributions, st.Speakers, st.Outlets, time.Since(start).Round(time.Second))
	var names []string
	for name := range sizes {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return sizes[names[i]] > sizes[names[j]] })
	raw := int64(0)
	for _, name := range names {
		if strings.HasPrefix(name, "raw_pages") {
			raw += sizes[name]
		}
		fmt.Printf("  %-36s %8.1f MB %8.2f KB/article\n", name, float64(sizes[name])/1e6, float64(sizes[name])/1e3/float64(st.Articles))
	}
	prov := int64(0)
	for name, size := range sizes {
		if strings.HasPrefix(name, "copy_") || strings.HasPrefix(name, "quote_units") || strings.HasPrefix(name, "quote_grams") ||
			strings.HasPrefix(name, "trace_state") {
			prov += size
		}
	}
	fmt.Printf("provenance indexes %.1f MB = %.2f KB per article\n", float64(prov)/1e6, float64(prov)/1e3/float64(st.Articles))
	fmt.Printf("database %.1f MB; raw pages %.1f MB; without raw pages %.1f MB = %.2f KB per article\n",
		float64(total)/1e6, float64(raw)/1e6, float64(total-raw)/1e6, float64(total-raw)/1e3/float64(st.Articles))
}

// tableSizes returns the bytes of pages each table and index occupies,
// from SQLite's dbstat table (FTS shadow tables grouped with their index).
func tableSizes(ctx context.Context, db *sql.DB) (map[string]int64, error) {
	rows, err := db.QueryContext(ctx, `SELECT name, sum(pgsize) FROM dbstat GROUP BY name`)
	if err != nil {
		return nil, fmt.Errorf("dbstat: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var name string
		var size int64
		if err := rows.Scan(&name, &size); err != nil {
			return nil, err
		}
		if strings.HasPrefix(name, "sqlite_autoindex_") {
			name = strings.TrimPrefix(name, "sqlite_autoindex_")
			name = name[:strings.LastIndexByte(name, '_')] + " (index)"
		}
		out[name] += size
	}
	return out, rows.Err()
}

// pgSizes returns the bytes each table occupies in a PostgreSQL database,
// with its indexes and TOAST data, and the database's size.
func pgSizes(ctx context.Context, db *sql.DB) (map[string]int64, int64, error) {
	rows, err := db.QueryContext(ctx, `SELECT relname, pg_total_relation_size(oid) FROM pg_class
		WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`)
	if err != nil {
		return nil, 0, fmt.Errorf("table sizes: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var name string
		var size int64
		if err := rows.Scan(&name, &size); err != nil {
			return nil, 0, err
		}
		out[name] = size
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	var total int64
	err = db.QueryRowContext(ctx, `SELECT pg_database_size(current_database())`).Scan(&total)
	return out, total, err
}
