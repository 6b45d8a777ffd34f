package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/sayso-news/sayso"
)

func runCopies(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "copies", "ARTICLE",
		"Show the stored copies of an article — by its id or its address — and which of\n"+
			"them is the original, with the evidence (a credit line naming it, a canonical\n"+
			"link to it, or the earliest publication time), each copy's similarity to the\n"+
			"original and what differs (paragraphs added and removed, headline changed).")
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
	c, err := s.Copies(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if c == nil {
		if *format == "json" {
			fmt.Fprintln(e.stdout, "null")
		}
		fmt.Fprintf(e.stderr, "no stored copies of %s\n", fs.Arg(0))
		return nil
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(c)
	}
	writeCopies(e.stdout, c)
	return nil
}

// refLine describes an article in one line: date, outlet, id and address.
func refLine(r sayso.ArticleRef) string {
	return fmt.Sprintf("%s  %-24s #%-6d %s", dateOf(r.Published), r.Outlet, r.ArticleID, r.URL)
}

// writeCopies prints a copy cluster for reading.
func writeCopies(w io.Writer, c *sayso.CopyCluster) {
	fmt.Fprintf(w, "%d copies of one text. Original: #%d %s\n  %q\n", len(c.Members), c.Original.ArticleID,
		c.Original.URL, c.Original.Title)
	fmt.Fprintf(w, "Evidence:\n")
	for _, ev := range c.Evidence {
		switch ev.Kind {
		case sayso.EvidenceCredit:
			fmt.Fprintf(w, "  credit line in #%d: %q\n", ev.ArticleID, ev.Text)
		case sayso.EvidenceCanonical:
			fmt.Fprintf(w, "  canonical link in #%d: %s\n", ev.ArticleID, ev.Text)
		default:
			fmt.Fprintf(w, "  published first: %s\n", ev.Text)
		}
	}
	fmt.Fprintf(w, "Members:\n")
	for _, m := range c.Members {
		if m.Original {
			fmt.Fprintf(w, "  %s  original\n", refLine(m.ArticleRef))
			continue
		}
		var diff []string
		if d := m.Diff; d != nil {
			if d.ParagraphsAdded > 0 {
				diff = append(diff, fmt.Sprintf("+%d paragraphs", d.ParagraphsAdded))
			}
			if d.ParagraphsRemoved > 0 {
				diff = append(diff, fmt.Sprintf("-%d paragraphs", d.ParagraphsRemoved))
			}
			if d.HeadlineChanged {
				diff = append(diff, fmt.Sprintf("headline %q", m.Title))
			}
		}
		if len(diff) == 0 {
			diff = append(diff, "same paragraphs and headline")
		}
		fmt.Fprintf(w, "  %s  similarity %.2f, containment %.2f; %s\n", refLine(m.ArticleRef), m.Similarity, m.Containment,
			strings.Join(diff, ", "))
	}
}
