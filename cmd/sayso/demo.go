package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/internal/democorpus"
	"github.com/sayso-news/sayso/web"
)

// demoQuote is the opening of the sample's travelling quote, to find its
// trace for the tour.
const demoQuote = "We will not let a single family drink from that river"

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "demo", "",
		"Build a corpus from the sample pages shipped with sayso (a dozen news\n"+
			"pages from fictional outlets about one story) and serve it, as \"serve\"\n"+
			"does. Without --db the corpus lives in a temporary file removed on exit.")
	db := fs.String("db", "", "keep the demo corpus in this `file` (made if absent)")
	wf := addWebFlags(e, fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{"demo takes no arguments"}
	}
	path := *db
	if path == "" {
		dir, err := os.MkdirTemp("", "sayso-demo-")
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "demo.db")
	}
	s, an, srv, err := openWorkspace(ctx, e, path, true, wf)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := democorpus.Build(ctx, s, extract.FromPage, an.Analyze, sayso.Version)
	if err != nil {
		return err
	}
	ln, err := listen(*wf.addr)
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(e.stdout, "sayso demo: %d sample news pages about a chemical spill in the fictional town of Marrowby,\n"+
		"from six fictional outlets, read and stored in %s.\n\nOpen %s/ and look first at:\n", len(res), path, base)
	if len(res) > 1 {
		fmt.Fprintf(e.stdout, "  %s/article/%d   a wire story: every attribution highlighted, a colour per speaker; its syndicated copy\n",
			base, res[1].ArticleID)
	}
	if ts, err := s.TraceQuote(ctx, demoQuote, 1); err == nil && len(ts) > 0 {
		fmt.Fprintf(e.stdout, "  %s/quote/%d     the mayor's quote as it travelled: altered once, given to the wrong speaker once\n",
			base, ts[0].ID)
	}
	fmt.Fprintf(e.stdout, "  %s/search?q=Varga   a minister: what he said, where\n\nCtrl-C stops the server.\n", base)
	tuneGCForServing()
	return web.Serve(ctx, ln, srv)
}
