package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"runtime/debug"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/attrib"
	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/fetch"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/web"
)

// defaultAddr is where serve and demo listen unless --addr says otherwise:
// the loopback interface, so no token is needed.
const defaultAddr = "127.0.0.1:8080"

// webFlags are the flags serve and demo share.
type webFlags struct {
	addr, token  *string
	allowPrivate *bool
	fast         *bool
}

// addWebFlags defines --addr, --token, --allow-private and --fast.
func addWebFlags(e *env, fs interface {
	String(name, value, usage string) *string
	Bool(name string, value bool, usage string) *bool
}) webFlags {
	return webFlags{
		addr: fs.String("addr", defaultAddr, "listen `address` (host:port); beyond loopback a token is required"),
		token: fs.String("token", e.getenv("SAYSO_TOKEN"),
			"`token` the endpoints that store need (default $SAYSO_TOKEN); required beyond loopback"),
		allowPrivate: fs.Bool("allow-private", false, "let analyse fetch private and loopback addresses"),
		fast:         fs.Bool("fast", false, "attribute analysed pages without the dependency parse"),
	}
}

// openWorkspace opens the store at path (made when create and absent), the
// attribution analyzer --fast selects and the web server over both, as
// serve and demo need them. The caller closes the store.
func openWorkspace(ctx context.Context, e *env, path string, create bool, wf webFlags) (*store.Store, *attrib.Analyzer, *web.Server, error) {
	s, err := openStore(ctx, path, create)
	if err != nil {
		return nil, nil, nil, err
	}
	an, err := analyzer("", *wf.fast)
	if err != nil {
		s.Close()
		return nil, nil, nil, fmt.Errorf("load attribution model: %w", err)
	}
	srv, err := newWebServer(e, s, wf, an)
	if err != nil {
		s.Close()
		return nil, nil, nil, err
	}
	return s, an, srv, nil
}

// newWebServer builds the web server over c with the fetcher and
// extractor of the command line and the analyzer an.
func newWebServer(e *env, c web.Corpus, wf webFlags, an *attrib.Analyzer) (*web.Server, error) {
	client := fetch.New(fetch.Options{Timeout: 20 * time.Second, MaxBytes: extract.DefaultMaxBytes,
		AllowPrivate: *wf.allowPrivate})
	return web.New(web.Config{
		Corpus: c, Addr: *wf.addr, Token: *wf.token,
		Fetch: client.Fetch, Extract: extract.FromPage, Analyze: an.Analyze, AnalyzerVersion: sayso.Version,
		Log: e.log,
	})
}

// listen opens the listener of srv's address.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, sayso.Errorf(sayso.EUNAVAILABLE, "listen on %s: %w", addr, err)
	}
	return ln, nil
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", "",
		"Serve the corpus as web pages and a JSON API (/api/v1, described at\n"+
			"/api/v1/openapi.json) until interrupted.")
	db := dbFlag(e, fs)
	wf := addWebFlags(e, fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{"serve takes no arguments"}
	}
	s, _, srv, err := openWorkspace(ctx, e, *db, false, wf)
	if err != nil {
		return err
	}
	defer s.Close()
	ln, err := listen(*wf.addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "sayso serve: %s on http://%s/ (Ctrl-C stops)\n", *db, ln.Addr())
	tuneGCForServing()
	return web.Serve(ctx, ln, srv)
}

// serveGCPercent is the garbage collector's target while serving: the
// server's Go heap is tens of megabytes (SQLite's page cache lives outside
// it) and every page allocates its text and markup afresh, so the default
// (100) collected several times a second under load, a tenth of the CPU
// and a stall for every goroutine preempted; four times the live heap
// halves that for some tens of megabytes.
const serveGCPercent = 400

// tuneGCForServing sets serveGCPercent unless $GOGC says otherwise.
func tuneGCForServing() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
}
