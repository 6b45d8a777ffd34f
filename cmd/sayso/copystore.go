package main

import (
	"context"
	"fmt"
	"time"

	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/postgres"
)

func runCopy(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "copy", "--from SRC --to DST",
		"Copy a corpus into an empty database, every row as stored (ids, copy clusters and\n"+
			"quote traces stay the same) and the full-text indexes built there: to move a\n"+
			"SQLite corpus into PostgreSQL when scaling out, or back. Nothing is analysed\n"+
			"again; the copy is one transaction, so a failed or interrupted copy leaves the\n"+
			"destination empty.")
	from := fs.String("from", "", "the corpus to copy: a SQLite `file` or a postgres:// URL")
	to := fs.String("to", "", "the empty database to copy into: a SQLite `file` (created) or a postgres:// URL")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return usageError{"copy takes no arguments"}
	case *from == "" || *to == "":
		return usageError{"give both --from and --to"}
	case *from == *to:
		return usageError{"--from and --to are the same database"}
	}
	src, err := openStore(ctx, *from, false)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openStore(ctx, *to, true)
	if err != nil {
		return err
	}
	defer dst.Close()
	start := time.Now()
	copied, err := store.Copy(ctx, dst, src, e.log)
	if err != nil {
		return err
	}
	for _, c := range copied {
		fmt.Fprintf(e.stdout, "%-18s %d\n", c.Table, c.Rows)
	}
	fmt.Fprintf(e.stdout, "copied %s into %s in %s\n", postgres.Redact(*from), postgres.Redact(*to), time.Since(start).Round(time.Millisecond))
	return dst.Close()
}
