package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
)

func runShow(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "show", "ARTICLE",
		"Show one stored article — by its id (as search and quotes print it) or by\n"+
			"its address — with its metadata, credits, body and attributions.")
	db := dbFlag(e, fs)
	format := formatFlag(fs, "", "text", "json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"give exactly one ARTICLE (an id or a URL)"}
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	s, err := openStore(ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	a, err := s.Article(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(exportArticle{StoredArticle: a, Text: a.Article.Text()})
	}
	writeShow(e.stdout, a)
	return nil
}

func dateOf(t *time.Time) string {
	if t == nil {
		return "undated"
	}
	return t.Format("2006-01-02")
}

// writeShow prints an article for reading.
func writeShow(w io.Writer, sa *sayso.StoredArticle) {
	a := sa.Article
	fmt.Fprintf(w, "%s\n%s\n\n", a.Title, strings.Repeat("=", min(len([]rune(a.Title)), 78)))
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-11s %s\n", name+":", value)
		}
	}
	field("id", fmt.Sprint(sa.ID))
	field("url", a.URL)
	if a.CanonicalURL != a.URL {
		field("canonical", a.CanonicalURL)
	}
	field("outlet", sa.Outlet)
	field("publisher", a.Publisher)
	field("authors", strings.Join(a.Authors, ", "))
	if a.Published != nil {
		field("published", a.Published.Format(time.RFC3339))
	}
	if a.Modified != nil {
		field("modified", a.Modified.Format(time.RFC3339))
	}
	field("language", a.Language)
	field("section", a.Section)
	field("fetched", sa.FetchedAt.Format(time.RFC3339)+" from "+sa.Source)
	for _, c := range a.Credits {
		field("credit", fmt.Sprintf("%s (%s: %s)", c.Text, c.Kind, c.Outlet))
	}
	fmt.Fprintln(w)
	for _, b := range a.Blocks {
		switch b.Kind {
		case sayso.BlockHeading:
			fmt.Fprintf(w, "## %s\n\n", b.Text)
		case sayso.BlockListItem:
			fmt.Fprintf(w, "%s- %s\n\n", strings.Repeat("  ", max(b.Level-1, 0)), b.Text)
		case sayso.BlockQuote:
			fmt.Fprintf(w, "> %s\n\n", b.Text)
		default:
			fmt.Fprintf(w, "%s\n\n", b.Text)
		}
	}
	switch {
	case sa.AnalysisError != "":
		fmt.Fprintf(w, "Attribution failed: %s\n", sa.AnalysisError)
	case sa.Analysis == nil:
		fmt.Fprintf(w, "Not attributed.\n")
	default:
		an := sa.Analysis
		fmt.Fprintf(w, "Attributions (%d)\n%s\n", len(an.Attributions), strings.Repeat("-", 16))
		for i, at := range an.Attributions {
			src, cue := "", ""
			if at.Source != nil {
				src = at.Source.Text
			}
			if at.Cue != nil {
				cue = at.Cue.Text
			}
			fmt.Fprintf(w, "%2d. %s\n    %s\n", i+1, quoteWho(at.Speaker, src, cue, at.Kind), quoteText(at.Kind, at.Content.Text))
			if at.Medium != "" {
				fmt.Fprintf(w, "    in %s\n", at.Medium)
			}
		}
		if len(an.Claims) > 0 {
			fmt.Fprintf(w, "\nUnattributed claims (%d)\n", len(an.Claims))
			for _, c := range an.Claims {
				fmt.Fprintf(w, "  - %s\n", c.Text)
			}
		}
		if len(an.CitedWorks) > 0 {
			fmt.Fprintf(w, "\nCited works\n")
			for _, c := range an.CitedWorks {
				fmt.Fprintf(w, "  - %s (%s)\n", c.Title, c.Kind)
			}
		}
	}
}
