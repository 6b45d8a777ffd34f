package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store"
)

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "search", "QUERY...",
		"Full-text search over the stored articles' titles and bodies, best matches\n"+
			"first. Words must all match; \"quoted phrases\", OR, -word (or NOT word) and\n"+
			"prefix* (three letters at least) work. Matches are marked [like this] in the\n"+
			"snippets.")
	db := dbFlag(e, fs)
	limit := fs.Int("limit", 20, "number of results")
	offset := fs.Int("offset", 0, "results to skip, for paging")
	format := formatFlag(fs, " (one object per line)", "text", "json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no QUERY given"}
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	q := sayso.SearchQuery{Text: strings.Join(fs.Args(), " "), Limit: *limit, Offset: *offset}
	return listCorpus(ctx, e, *db, *format, "no matches",
		func(s *store.Store) ([]sayso.SearchHit, error) { return s.Search(ctx, q) },
		func(w io.Writer, h sayso.SearchHit) {
			date := "          "
			if h.Published != nil {
				date = h.Published.Format("2006-01-02")
			}
			fmt.Fprintf(w, "%-6d %s  %-22s %s\n       %s\n       %s\n\n", h.ArticleID, date, h.Outlet, h.Title, h.URL, h.Snippet)
		})
}
