package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/fetch"
)

// runExtract implements "sayso extract": each input (a URL, a file, a .gz
// file or - for standard input) becomes one article. JSON output is one
// object per line (JSON Lines), so batches stream and pipe into jq;
// --indent pretty-prints instead.
func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "extract", "[URL|FILE|-]...",
		"Read web pages and print the article each carries: body, title, authors, dates,\n"+
			"publisher, language, links and credit lines. FILE may be gzip-compressed (.gz);\n"+
			"\"-\" or no argument reads standard input. JSON output is one object per line;\n"+
			"text is the body alone; markdown keeps headings, lists, quotes and tables.\n"+
			"A bad input is reported on standard error in one line and the rest go on.\n\n"+
			"Exit status: 0 when every input gave an article; 2 when the input had no\n"+
			"article, or when some inputs of a batch failed; 1 when a single input failed\n"+
			"otherwise (unreadable, not HTML, too large); 64 on bad usage.")
	format := fs.String("format", "json", "output `format`: json, text or markdown")
	pageURL := fs.String("url", "", "the page's address, for FILE and - inputs (resolves links, dates in URLs)")
	indent := fs.Bool("indent", false, "indent JSON output (one object per input, not one per line)")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit for fetching one URL")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from private and loopback addresses")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch *format {
	case "json", "text", "markdown":
	default:
		return usageError{fmt.Sprintf("unknown --format %q (want json, text or markdown)", *format)}
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	x := &extractor{env: e, pageURL: *pageURL, timeout: *timeout, allowPrivate: *allowPrivate}
	failed := 0
	var firstErr error
	for i, in := range inputs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		a, err := x.extract(ctx, in)
		if err == nil {
			err = writeArticle(e.stdout, a, *format, *indent, in, i, len(inputs))
		}
		if err != nil {
			failed++
			if firstErr == nil {
				firstErr = inputError{in, err}
			}
			if len(inputs) > 1 {
				fmt.Fprintf(e.stderr, "sayso extract: %v\n", inputError{in, err})
			}
		}
	}
	switch {
	case failed == 0:
		return nil
	case len(inputs) == 1:
		return firstErr
	default:
		return batchError{failed: failed, total: len(inputs)}
	}
}

// inputError is the failure of one input, printed as one line (a reason
// can quote a server's multi-line answer) and keeping its code for the
// exit status.
type inputError struct {
	in  string
	err error
}

func (e inputError) Error() string { return e.in + ": " + oneLine(e.err.Error()) }

func (e inputError) Unwrap() error { return e.err }

// extractor turns one input name into an article.
type extractor struct {
	env          *env
	pageURL      string
	timeout      time.Duration
	allowPrivate bool
	client       *fetch.Client
}

func (x *extractor) extract(ctx context.Context, in string) (*sayso.Article, error) {
	if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
		if x.client == nil {
			x.client = fetch.New(fetch.Options{
				Timeout:      x.timeout,
				MaxBytes:     extract.DefaultMaxBytes,
				AllowPrivate: x.allowPrivate,
			})
		}
		p, err := x.client.Fetch(ctx, in)
		if err != nil {
			return nil, err
		}
		return extract.FromPage(p)
	}
	body, err := x.read(in)
	if err != nil {
		return nil, err
	}
	// A page read now cannot carry a date from the future.
	return extract.Options{Now: time.Now()}.FromBytes(body, x.pageURL)
}

// read returns the bytes of a file or of standard input, gunzipped when
// they are gzip data, bounded by extract.DefaultMaxBytes.
func (x *extractor) read(in string) ([]byte, error) {
	var r io.Reader
	if in == "-" {
		r = x.env.stdin
	} else {
		f, err := os.Open(in)
		if err != nil {
			return nil, sayso.Errorf(sayso.ENOTFOUND, "%w", err)
		}
		defer f.Close()
		r = f
	}
	limit := int64(extract.DefaultMaxBytes)
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, sayso.Errorf(sayso.EINVALID, "gunzip: %w", err)
		}
		// The limit bounds decompressed bytes too: a gzip bomb stops here.
		b, err = io.ReadAll(io.LimitReader(zr, limit+1))
		if err != nil {
			return nil, sayso.Errorf(sayso.EINVALID, "gunzip: %w", err)
		}
	}
	if int64(len(b)) > limit {
		return nil, sayso.Errorf(sayso.ETOOLARGE, "larger than %d bytes", limit)
	}
	return b, nil
}

// writeArticle prints one article in the chosen format. Text and Markdown
// outputs of a batch are headed by the input's name.
func writeArticle(w io.Writer, a *sayso.Article, format string, indent bool, in string, i, n int) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		if indent {
			enc.SetIndent("", "  ")
		}
		return enc.Encode(a)
	case "markdown":
		if n > 1 {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintf(w, "<!-- %s -->\n", in)
		}
		_, err := io.WriteString(w, extract.Markdown(a))
		return err
	default:
		if n > 1 {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintf(w, "==> %s <==\n", in)
		}
		_, err := fmt.Fprintln(w, a.Text())
		return err
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
