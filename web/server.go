package web

import (
	"context"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
)

// Limits of a request, unless Config says otherwise.
const (
	// DefaultMaxBody bounds a request body: a pasted page of 2 MB is far
	// beyond any article.
	DefaultMaxBody = 2 << 20
	// DefaultTimeout bounds the handling of one request, fetching a page
	// to analyse included.
	DefaultTimeout = 30 * time.Second
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config configures a Server.
type Config struct {
	// Corpus is the store the pages read; required.
	Corpus Corpus
	// Addr is the address the server listens on; the write endpoints
	// require Token unless it is a loopback address, and New refuses a
	// non-loopback address without a token.
	Addr string
	// Token, when set, is required by the write endpoints (as
	// "Authorization: Bearer TOKEN" or a form field "token") wherever the
	// server listens.
	Token string
	// Fetch fetches a URL to analyse; it must refuse private addresses
	// unless told otherwise (fetch.Client does). Nil disables URLs.
	Fetch func(ctx context.Context, url string) (*sayso.Page, error)
	// Extract reads the article of a page; required for analyse.
	Extract func(*sayso.Page) (*sayso.Article, error)
	// Analyze reads attributions in an article's text; nil leaves
	// analysed articles unattributed.
	Analyze func(ctx context.Context, text string) (*sayso.Analysis, error)
	// AnalyzerVersion names the model behind Analyze, kept with what is stored.
	AnalyzerVersion string
	// MaxBody and Timeout bound each request (DefaultMaxBody and
	// DefaultTimeout when zero).
	MaxBody int64
	Timeout time.Duration
	// Log receives one line per failed request; slog.Default when nil.
	Log *slog.Logger
	// Now tells the time of analysed pages; time.Now when nil.
	Now func() time.Time
}

// Server serves the pages and the API. It is an http.Handler.
type Server struct {
	cfg       Config
	pages     map[string]*template.Template
	handler   http.Handler
	needToken bool
}

// New returns a Server for cfg. Errors: EINVALID without a corpus, or for
// a non-loopback Addr without a Token.
func New(cfg Config) (*Server, error) {
	if cfg.Corpus == nil {
		return nil, sayso.Errorf(sayso.EINVALID, "web: no corpus")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	loopback := IsLoopback(cfg.Addr)
	if !loopback && cfg.Token == "" {
		return nil, sayso.Errorf(sayso.EINVALID,
			"web: refusing to listen on %s, which is not a loopback address, without a token (set --token or $SAYSO_TOKEN)", cfg.Addr)
	}
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, pages: pages, needToken: cfg.Token != ""}
	s.handler = s.routes()
	return s, nil
}

// IsLoopback reports whether the listen address addr ("host:port") only
// accepts connections from this machine. An empty host listens
// everywhere, so it is not.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	return err == nil && ip.IsLoopback()
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// routes registers every page and API endpoint.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", s.page(s.home))
	mux.HandleFunc("GET /search", s.page(s.searchPage))
	mux.HandleFunc("GET /article/{id}", s.page(s.articlePage))
	mux.HandleFunc("GET /quote/{id}", s.page(s.quotePage))
	mux.HandleFunc("GET /speaker/{id}", s.page(s.speakerPage))
	mux.HandleFunc("GET /outlet/{host}", s.page(s.outletPage))
	mux.HandleFunc("GET /analyse", s.page(s.analyseForm))
	mux.HandleFunc("POST /analyse", s.page(s.analysePage))

	mux.HandleFunc("GET /api/v1/openapi.json", s.openAPI)
	mux.HandleFunc("GET /api/v1/stats", s.api(s.apiStats))
	mux.HandleFunc("GET /api/v1/search", s.api(s.apiSearch))
	mux.HandleFunc("GET /api/v1/articles/{id}", s.api(s.apiArticle))
	mux.HandleFunc("GET /api/v1/articles/{id}/annotations", s.annotations)
	mux.HandleFunc("GET /api/v1/quotes/{id}", s.api(s.apiQuote))
	mux.HandleFunc("GET /api/v1/speakers/{id}", s.api(s.apiSpeaker))
	mux.HandleFunc("GET /api/v1/outlets/{host}", s.api(s.apiOutlet))
	mux.HandleFunc("POST /api/v1/analyse", s.api(s.apiAnalyse))
	mux.HandleFunc("GET /api/v1/export/quotes", s.exportQuotes)
	mux.HandleFunc("GET /api/v1/export/articles", s.exportArticles)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, sayso.Errorf(sayso.ENOTFOUND, "no page at %s", r.URL.Path))
	})
	cop := http.NewCrossOriginProtection()
	return s.secure(cop.Handler(mux))
}

// contentSecurityPolicy allows scripts, styles and images from this
// server only: no inline script or style, no framing, forms posting here.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// secure sets the security headers and bounds every request's body and
// time.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// authorized reports whether r may write: always when no token is
// configured (loopback only), else when it carries the token.
func (s *Server) authorized(r *http.Request) bool {
	if !s.needToken {
		return true
	}
	got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if got == "" {
		got = r.PostFormValue("token")
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) == 1
}

// errUnauthorized is returned by write endpoints called without the token.
var errUnauthorized = sayso.Errorf(sayso.EFORBIDDEN, "storing needs the server's token")

// logFailure logs a failed request once, at the edge.
func (s *Server) logFailure(r *http.Request, status int, err error) {
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.cfg.Log.Log(r.Context(), level, "request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
}

// Serve serves h on ln until ctx ends, then shuts down gracefully, giving
// requests in flight up to five seconds. Slow clients are bounded by
// header, read, write and idle timeouts.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
