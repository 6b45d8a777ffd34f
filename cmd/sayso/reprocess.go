package main

import (
	"context"
	"runtime"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/ingest"
)

func runReprocess(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "reprocess", "",
		"Extract and attribute the stored raw pages again with this version of sayso,\n"+
			"replacing what was read from them (the raw pages are kept). Use it after\n"+
			"upgrading sayso, or to retry pages whose extraction failed.")
	db := dbFlag(e, fs)
	state := fs.String("state", "all", "which pages: all, failed, no_article or article")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "pages processed in parallel")
	af := addAttribFlags(fs)
	enqueue := fs.Bool("enqueue", false, "with a postgres:// --db: queue the work as jobs for \"sayso worker\" instead")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"reprocess takes no arguments"}
	}
	var keep func(*sayso.StoredPage) bool
	switch *state {
	case "all":
	case string(sayso.StateFailed), string(sayso.StateNoArticle), string(sayso.StateArticle):
		want := sayso.PageState(*state)
		keep = func(p *sayso.StoredPage) bool { return p.State == want }
	default:
		return usageError{"--state must be all, failed, no_article or article"}
	}
	if *workers <= 0 {
		return usageError{"--workers must be positive"}
	}
	if *enqueue {
		st := sayso.PageState(*state)
		if *state == "all" {
			st = ""
		}
		return enqueueReprocess(ctx, e, *db, st)
	}
	_, err := runIngester(ctx, e, *db, false, af, "reprocess", ingest.Config{Workers: *workers},
		func(ctx context.Context, in *ingest.Ingester) (*ingest.Summary, error) {
			return in.Reprocess(ctx, keep)
		})
	return err
}
