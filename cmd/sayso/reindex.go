package main

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/worker"
)

func runReindex(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "reindex", "",
		"Build the provenance indexes (copies and quote traces) again from the stored\n"+
			"articles: for a corpus made before they existed or by another version of sayso.\n"+
			"Ingest and reprocess keep them current otherwise.")
	db := dbFlag(e, fs)
	enqueue := fs.Bool("enqueue", false, "with a postgres:// --db: queue the rebuild as a job for \"sayso worker\" instead")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"reindex takes no arguments"}
	}
	if *enqueue {
		return enqueueJobs(ctx, e, *db, func(*store.Store) ([]river.JobArgs, error) { return []river.JobArgs{worker.ReindexArgs{}}, nil })
	}
	s, err := openStore(ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	start := time.Now()
	last := start
	err = s.Reindex(ctx, func(done, total int) {
		if now := time.Now(); now.Sub(last) >= 5*time.Second {
			last = now
			e.log.Info("reindex", "done", done, "total", total)
		}
	})
	if err != nil {
		return err
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "indexed %d articles in %s\n", st.Articles, time.Since(start).Round(time.Millisecond))
	return nil
}
