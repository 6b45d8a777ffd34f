package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/attrib"
	"github.com/sayso-news/sayso/eval/attribution"
	"github.com/sayso-news/sayso/extract"
)

// runAttributions implements "sayso attributions": who said what in one
// text or page.
func runAttributions(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "attributions", "[FILE|URL|-]",
		"Read a text or a web page (extracted first) and print its attributions: source, cue,\n"+
			"content and resolved speaker, with code-point spans into the analysed text; plus the\n"+
			"author's unattributed claims, cited works and entities. With a page, JSON output\n"+
			"carries the extracted text the spans point into. \"-\" or no argument reads standard input.")
	format := fs.String("format", "json", "output `format`: json, brat (PolNeAR's standoff) or text")
	pageURL := fs.String("url", "", "the page's address, for FILE and - inputs holding HTML")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit for fetching a URL")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from private and loopback addresses")
	modelPath := fs.String("model", "", "attribution model `file` (default: the embedded one)")
	fast := fs.Bool("fast", false, "attribute without the dependency parse: several times faster, about a point less accurate")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch *format {
	case "json", "brat", "text":
	default:
		return usageError{fmt.Sprintf("unknown --format %q (want json, brat or text)", *format)}
	}
	if fs.NArg() > 1 {
		return usageError{"give one FILE, URL or -"}
	}
	in := "-"
	if fs.NArg() == 1 {
		in = fs.Arg(0)
	}
	x := &extractor{env: e, pageURL: *pageURL, timeout: *timeout, allowPrivate: *allowPrivate}
	text, fromPage, err := readText(ctx, x, in)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	an, err := analyzer(*modelPath, *fast)
	if err != nil {
		return err
	}
	res, err := an.Analyze(ctx, text)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	switch *format {
	case "brat":
		return attribution.WriteBrat(e.stdout, text, res.Attributions)
	case "text":
		return writeAttributionsText(e.stdout, res)
	}
	out := struct {
		Text string `json:"text,omitempty"`
		*sayso.Analysis
	}{Analysis: res}
	if fromPage {
		out.Text = text
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// readText returns the text to analyse: a fetched or read page's extracted
// body (fromPage), or the input itself when it is not HTML. Invalid UTF-8 is
// replaced so that code-point offsets are well defined.
func readText(ctx context.Context, x *extractor, in string) (text string, fromPage bool, err error) {
	if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
		a, err := x.extract(ctx, in)
		if err != nil {
			return "", false, err
		}
		return a.Text(), true, nil
	}
	body, err := x.read(in)
	if err != nil {
		return "", false, err
	}
	if looksLikeHTML(body) {
		a, err := extract.Options{}.FromBytes(body, x.pageURL)
		if err != nil {
			return "", false, err
		}
		return a.Text(), true, nil
	}
	if len(body) > attrib.MaxTextBytes {
		return "", false, sayso.Errorf(sayso.ETOOLARGE, "text larger than %d bytes", attrib.MaxTextBytes)
	}
	s := string(body)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s, false, nil
}

// looksLikeHTML sniffs the first bytes as browsers do.
func looksLikeHTML(b []byte) bool {
	return strings.HasPrefix(http.DetectContentType(b), "text/html")
}

// writeAttributionsText prints one line per attribution and claim.
func writeAttributionsText(w io.Writer, res *sayso.Analysis) error {
	for _, a := range res.Attributions {
		who := "(no source)"
		if a.Speaker != nil {
			who = a.Speaker.Name
			var notes []string
			if a.Speaker.Role != "" {
				notes = append(notes, a.Speaker.Role)
			}
			notes = append(notes, string(a.Speaker.Type), string(a.Speaker.Resolution))
			who += " (" + strings.Join(notes, "; ") + ")"
		} else if a.Source != nil {
			who = a.Source.Text
		}
		cue := "—"
		if a.Cue != nil {
			cue = a.Cue.Text
		}
		if _, err := fmt.Fprintf(w, "[%s] %s · %s · %s\n", a.Kind, who, cue, oneLine(a.Content.Text)); err != nil {
			return err
		}
	}
	for _, c := range res.Claims {
		fmt.Fprintf(w, "[claim] %s\n", oneLine(c.Text))
	}
	for _, c := range res.CitedWorks {
		fmt.Fprintf(w, "[cited %s] %s", c.Kind, c.Title)
		if c.Author != "" {
			fmt.Fprintf(w, " by %s", c.Author)
		}
		fmt.Fprintln(w)
	}
	return nil
}
