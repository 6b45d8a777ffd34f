package main

import (
	"context"
	"fmt"
	"io"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store"
)

func runQuotes(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "quotes", "",
		"List stored quotes and reported speech, newest articles first: who said what,\n"+
			"where. Filter by speaker name (part of it, any case), by outlet (a domain and\n"+
			"its subdomains), by words in what was said, and by kind.")
	db := dbFlag(e, fs)
	speaker := fs.String("speaker", "", "speaker `name` contains this")
	outlet := fs.String("outlet", "", "outlet `host`, e.g. bbc.co.uk")
	query := fs.String("query", "", "full-text `query` over the quoted content")
	kind := fs.String("kind", "", "direct, indirect or mixed")
	limit := fs.Int("limit", 50, "number of quotes")
	offset := fs.Int("offset", 0, "quotes to skip, for paging")
	format := formatFlag(fs, " (one object per line)", "text", "json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"quotes takes no arguments (use --speaker, --outlet, --query)"}
	}
	switch sayso.AttributionKind(*kind) {
	case "", sayso.Direct, sayso.Indirect, sayso.Mixed:
	default:
		return usageError{"--kind must be direct, indirect or mixed"}
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	q := sayso.QuoteQuery{Speaker: *speaker, Outlet: *outlet, Text: *query, Kind: sayso.AttributionKind(*kind),
		Limit: *limit, Offset: *offset}
	return listCorpus(ctx, e, *db, *format, "no quotes",
		func(s *store.Store) ([]sayso.Quote, error) { return s.Quotes(ctx, q) },
		func(w io.Writer, q sayso.Quote) {
			fmt.Fprintf(w, "%s\n    %s\n    — %s, %s #%d\n\n", quoteWho(q.Speaker, q.Source, q.Cue, q.Kind),
				quoteText(q.Kind, q.Content), q.Outlet, dateOf(q.Published), q.ArticleID)
		})
}

// quoteWho describes the speaker of an attribution: "Ilse Brandt (Mayor) said".
func quoteWho(sp *sayso.Speaker, source, cue string, kind sayso.AttributionKind) string {
	who := source
	if sp != nil && sp.Name != "" {
		who = sp.Name
		if sp.Role != "" {
			who += " (" + sp.Role + ")"
		}
	}
	if who == "" {
		who = "(unknown source)"
	}
	if cue != "" {
		who += " — " + cue
	}
	return who + " [" + string(kind) + "]"
}

// quoteText shows direct quotes in quotation marks.
func quoteText(kind sayso.AttributionKind, content string) string {
	if kind == sayso.Direct {
		return "“" + content + "”"
	}
	return content
}
