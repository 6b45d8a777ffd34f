package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sayso-news/sayso"
)

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "search", "QUERY...",
		"Full-text search over the stored articles' titles and bodies, best matches\n"+
			"first. Words must all match; \"quoted phrases\", OR, -word (or NOT word) and\n"+
			"prefix* work. Matches are marked [like this] in the snippets.")
	db := dbFlag(e, fs)
	limit := fs.Int("limit", 20, "number of results")
	offset := fs.Int("offset", 0, "results to skip, for paging")
	format := fs.String("format", "text", "output `format`: text or json (one object per line)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no QUERY given"}
	}
	if *format != "text" && *format != "json" {
		return usageError{fmt.Sprintf("unknown --format %q (want text or json)", *format)}
	}
	s, err := openStore(ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	hits, err := s.Search(ctx, sayso.SearchQuery{Text: strings.Join(fs.Args(), " "), Limit: *limit, Offset: *offset})
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		for _, h := range hits {
			if err := enc.Encode(h); err != nil {
				return err
			}
		}
		return nil
	}
	if len(hits) == 0 {
		fmt.Fprintln(e.stderr, "no matches")
		return nil
	}
	for _, h := range hits {
		date := "          "
		if h.Published != nil {
			date = h.Published.Format("2006-01-02")
		}
		fmt.Fprintf(e.stdout, "%-6d %s  %-22s %s\n       %s\n       %s\n\n", h.ArticleID, date, h.Outlet, h.Title, h.URL, h.Snippet)
	}
	return nil
}
