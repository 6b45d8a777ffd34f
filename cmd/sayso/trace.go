package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sayso-news/sayso"
)

func runTrace(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "trace", `"QUOTE WORDS" | ARTICLE`,
		"Trace a quote through the corpus: every article that printed it, in time order,\n"+
			"the first one first (between a copy and its original, the original), each\n"+
			"printing marked exact, truncated, partial, altered (with the word diff from the\n"+
			"first) or misattributed (the same words given to another speaker). Give at\n"+
			"least six words of the quote, or an ARTICLE (an id or a URL) to trace every\n"+
			"quote of it that other articles printed too.")
	db := dbFlag(e, fs)
	format := formatFlag(fs, " (one trace per line)", "text", "json")
	limit := fs.Int("limit", 20, "most traces shown for quote words")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{`give "QUOTE WORDS" or an ARTICLE (an id or a URL)`}
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	s, err := openStore(ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	arg := strings.Join(fs.Args(), " ")
	var traces []*sayso.QuoteTrace
	if isArticleRef(arg) {
		traces, err = s.TraceArticle(ctx, arg)
	} else {
		traces, err = s.TraceQuote(ctx, arg, *limit)
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSONLines(e.stdout, traces)
	}
	if len(traces) == 0 {
		fmt.Fprintln(e.stderr, "no traced quotes")
		return nil
	}
	for _, t := range traces {
		writeTrace(e.stdout, t)
	}
	return nil
}

// isArticleRef reports whether a trace argument names an article (an id
// or an address) rather than giving quote words.
func isArticleRef(s string) bool {
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return true
	}
	return !strings.ContainsAny(s, " \t\n") && (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"))
}

// writeTrace prints a trace for reading.
func writeTrace(w io.Writer, t *sayso.QuoteTrace) {
	who := t.Speaker
	if who == "" {
		who = "(speaker unknown)"
	}
	fmt.Fprintf(w, "“%s” — %s\nprinted by %d articles, first by %s on %s (#%d)\n", t.Text, who, t.Articles(),
		t.First.Outlet, dateOf(t.First.Published), t.First.ArticleID)
	for _, a := range t.Appearances {
		note := string(a.Variant)
		switch a.Variant {
		case sayso.VariantAltered:
			note += ": " + diffText(a.Diff)
		case sayso.VariantMisattributed:
			note += ": given to " + a.Speaker
		case sayso.VariantTruncated, sayso.VariantPartial:
			note += ": “" + a.Text + "”"
		}
		if a.CopyOf != nil {
			note += fmt.Sprintf(" (copy of #%d)", a.CopyOf.ArticleID)
		}
		fmt.Fprintf(w, "  %s  %s\n", refLine(a.ArticleRef), note)
	}
	fmt.Fprintln(w)
}

// diffText renders a word diff: dropped words in [-…-], added ones in
// {+…+}, a few kept words around each change.
func diffText(ops []sayso.DiffOp) string {
	var b strings.Builder
	for i, op := range ops {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch op.Op {
		case "-":
			b.WriteString("[-" + op.Text + "-]")
		case "+":
			b.WriteString("{+" + op.Text + "+}")
		default:
			words := strings.Fields(op.Text)
			switch {
			case len(words) <= 6:
				b.WriteString(op.Text)
			case i == 0:
				b.WriteString("… " + strings.Join(words[len(words)-3:], " "))
			case i == len(ops)-1:
				b.WriteString(strings.Join(words[:3], " ") + " …")
			default:
				b.WriteString(strings.Join(words[:3], " ") + " … " + strings.Join(words[len(words)-3:], " "))
			}
		}
	}
	return b.String()
}
