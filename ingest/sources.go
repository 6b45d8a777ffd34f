package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"

	"hash/maphash"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/feed"
	"github.com/sayso-news/sayso/internal/urlnorm"
)

// producer expands sources into items.
type producer struct {
	in      *Ingester
	out     chan<- item
	results chan<- result
	feeds   *feedStates
	seen    *seenSet
	mem     *budget
	// sitemaps counts the child sitemaps followed for the current source
	// argument; followed remembers them, so that an index naming itself
	// or an ancestor is not read again.
	sitemaps int
	followed map[string]bool
}

// run expands each source in turn; a failing source is reported and the
// next one taken.
func (p *producer) run(ctx context.Context, sources []string) {
	for _, src := range sources {
		if ctx.Err() != nil {
			return
		}
		p.sitemaps, p.followed = 0, map[string]bool{}
		if err := p.source(ctx, src); err != nil {
			p.failSource(ctx, src, err)
		}
	}
}

// failSource reports a source that could not be read (or was read only in
// part).
func (p *producer) failSource(ctx context.Context, src string, err error) {
	select {
	case p.results <- result{fail: err, stage: "source", url: src}:
	case <-ctx.Done():
	}
}

// urlKey is the form under which a run remembers an address: normalised
// when it is a URL urlnorm understands.
func urlKey(u string) string {
	if n, err := urlnorm.Normalize(u); err == nil {
		return n
	}
	return u
}

// emit sends an item unless its address was already sent in this run.
func (p *producer) emit(ctx context.Context, it item) bool {
	key := urlKey(it.url)
	if key != "" && !p.seen.add(key) {
		return ctx.Err() == nil
	}
	if it.page != nil {
		if !p.mem.acquire(ctx, int64(len(it.page.Body))) {
			return false
		}
		it.held = int64(len(it.page.Body))
	}
	select {
	case p.out <- it:
		return true
	case <-ctx.Done():
		p.mem.release(it.held)
		return false
	}
}

// source expands one source argument.
func (p *producer) source(ctx context.Context, src string) error {
	switch {
	case src == "-":
		if p.in.cfg.Stdin == nil {
			return sayso.Errorf(sayso.EINVALID, "source -: no standard input")
		}
		return p.urlList(ctx, p.in.cfg.Stdin, "list -")
	case isURL(src):
		return p.fromURL(ctx, src, 0)
	}
	st, err := os.Stat(src)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return sayso.Errorf(sayso.ENOTFOUND, "source %s: no such file, directory or http(s) URL", src)
		}
		return sayso.Errorf(sayso.EUNAVAILABLE, "source %s: %w", src, err)
	}
	if st.IsDir() {
		return p.folder(ctx, src)
	}
	kind, err := sniffFile(src)
	if err != nil {
		return err
	}
	switch kind {
	case "warc":
		return p.warc(ctx, src)
	case "html":
		return p.htmlFile(ctx, src, "file "+src)
	case "feed":
		data, err := readFileBounded(src, feed.MaxSize)
		if err != nil {
			return err
		}
		return p.feedDoc(ctx, data, fileURL(src), "feed "+src, 0)
	default:
		f, err := os.Open(src)
		if err != nil {
			return sayso.Errorf(sayso.EUNAVAILABLE, "source %s: %w", src, err)
		}
		defer f.Close()
		return p.urlList(ctx, f, "list "+src)
	}
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// sniffFile tells a WARC file, an HTML page, a feed or sitemap, and a list
// of URLs apart, by name and by content.
func sniffFile(path string) (string, error) {
	name := strings.ToLower(filepath.Base(path))
	switch {
	case strings.HasSuffix(name, ".warc"), strings.HasSuffix(name, ".warc.gz"):
		return "warc", nil
	case isHTMLName(name):
		return "html", nil
	}
	head, err := readHead(path, 8<<10)
	if err != nil {
		return "", err
	}
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")):
		return "warc", nil
	case feed.Detect(head) != "":
		return "feed", nil
	}
	return "list", nil
}

func isHTMLName(name string) bool {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm") || strings.HasSuffix(name, ".xhtml")
}

// openFile opens path for reading its content, decompressed when it is
// gzip whatever its name. Errors name the file: EUNAVAILABLE when it
// cannot be opened, EINVALID for a broken gzip header.
func openFile(path string) (io.Reader, io.Closer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, sayso.Errorf(sayso.EUNAVAILABLE, "read %s: %w", path, err)
	}
	br := bufio.NewReader(f)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, nil, sayso.Errorf(sayso.EINVALID, "read %s: %w", path, err)
		}
		return zr, f, nil
	}
	return br, f, nil
}

// readHead returns the first n bytes of a file's content.
func readHead(path string, n int) ([]byte, error) {
	r, c, err := openFile(path)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	buf := make([]byte, n)
	m, err := io.ReadFull(r, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, sayso.Errorf(sayso.EINVALID, "read %s: %w", path, err)
	}
	return buf[:m], nil
}

// readFileBounded reads a file's content up to max bytes; more is an
// ETOOLARGE error.
func readFileBounded(path string, max int64) ([]byte, error) {
	r, c, err := openFile(path)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, sayso.Errorf(sayso.EINVALID, "read %s: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, sayso.Errorf(sayso.ETOOLARGE, "read %s: larger than %d bytes", path, max)
	}
	return data, nil
}

// fileURL is the address given to a page read from a file.
func fileURL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// maxListLine bounds one line of a URL list: eight times the longest URL
// urlnorm accepts, so a file that is not a list fails fast.
const maxListLine = 64 << 10

// urlList reads one URL per line; blank lines and # comments are skipped,
// other lines that are not http(s) URLs are reported.
func (p *producer) urlList(ctx context.Context, r io.Reader, source string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxListLine)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if !isURL(s) {
			p.failSource(ctx, source, sayso.Errorf(sayso.EINVALID, "%s line %d: %q is not an http(s) URL", source, line, truncate(s, 80)))
			continue
		}
		if !p.emit(ctx, item{url: s, source: source}) {
			return nil
		}
	}
	if err := sc.Err(); err != nil {
		return sayso.Errorf(sayso.EINVALID, "%s line %d: %w", source, line+1, err)
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// fromURL fetches a URL source: a feed or sitemap is expanded, anything
// else is a page.
func (p *producer) fromURL(ctx context.Context, u string, depth int) error {
	cfg := p.in.cfg
	if cfg.Fetcher == nil {
		return sayso.Errorf(sayso.EINVALID, "source %s: no fetcher configured", u)
	}
	if depth == 0 {
		if known, err := cfg.Store.Known(ctx, []string{u}); err == nil && known[0] {
			// A page already stored: a duplicate, reported by the fetch stage.
			p.emit(ctx, item{url: u, source: "url"})
			return nil
		}
	}
	var page *sayso.Page
	var err error
	v, _ := cfg.Store.FeedState(ctx, u)
	if cf, ok := cfg.Fetcher.(sayso.ConditionalFetcher); ok && !v.IsZero() {
		page, err = cf.FetchIfModified(ctx, u, v)
		if errors.Is(err, sayso.ErrNotModified) {
			cfg.Log.Info("feed not modified since last run", "url", u)
			return nil
		}
	} else {
		page, err = cfg.Fetcher.Fetch(ctx, u)
	}
	if err != nil {
		return err
	}
	if feed.Detect(page.Body) == "" {
		if depth > 0 {
			return sayso.Errorf(sayso.EINVALID, "sitemap %s: %w", u, feed.ErrNotFeed)
		}
		p.emit(ctx, item{url: u, page: page, source: "url"})
		return nil
	}
	p.feeds.add(u, sayso.Validators{ETag: page.Header.Get("ETag"), LastModified: page.Header.Get("Last-Modified")})
	docURL := page.FinalURL
	if docURL == "" {
		docURL = u
	}
	p.followed[urlKey(u)], p.followed[urlKey(docURL)] = true, true
	return p.feedDoc(ctx, page.Body, docURL, "", depth)
}

// feedDoc expands a feed or sitemap document into items, following a
// sitemap index's children up to the depth limit.
func (p *producer) feedDoc(ctx context.Context, data []byte, docURL, source string, depth int) error {
	f, err := feed.Parse(data, docURL)
	if err != nil {
		return err
	}
	if source == "" {
		source = string(f.Kind) + " " + docURL
	}
	if f.Truncated {
		p.failSource(ctx, source, sayso.Errorf(sayso.ETOOLARGE, "%s: more than %d entries, the rest ignored", source, feed.MaxEntries))
	}
	for _, e := range f.Entries {
		if !p.emit(ctx, item{url: e.URL, source: source}) {
			return nil
		}
	}
	if len(f.Sitemaps) == 0 {
		return nil
	}
	if depth+1 > p.in.cfg.MaxSitemapDepth {
		return sayso.Errorf(sayso.EINVALID, "%s: sitemap index nested deeper than %d, not followed", source, p.in.cfg.MaxSitemapDepth)
	}
	for _, child := range f.Sitemaps {
		key := urlKey(child)
		if p.followed[key] {
			continue
		}
		if p.sitemaps == p.in.cfg.MaxSitemaps {
			return sayso.Errorf(sayso.ETOOLARGE, "%s: more than %d child sitemaps in all, the rest ignored", source, p.in.cfg.MaxSitemaps)
		}
		if ctx.Err() != nil {
			return nil
		}
		p.sitemaps++
		p.followed[key] = true
		if err := p.fromURL(ctx, child, depth+1); err != nil {
			p.failSource(ctx, child, err)
		}
	}
	return nil
}

// folder reads every .html, .htm and .xhtml file (optionally .gz) under dir,
// in lexical order.
func (p *producer) folder(ctx context.Context, dir string) error {
	source := "folder " + dir
	found := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			p.failSource(ctx, path, sayso.Errorf(sayso.EUNAVAILABLE, "%s: %w", path, err))
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isHTMLName(d.Name()) {
			return nil
		}
		found++
		if err := p.htmlFile(ctx, path, source); err != nil {
			p.failSource(ctx, path, err)
		}
		return nil
	})
	if err != nil && ctx.Err() == nil {
		return sayso.Errorf(sayso.EUNAVAILABLE, "%s: %w", source, err)
	}
	if found == 0 && ctx.Err() == nil {
		return sayso.Errorf(sayso.ENOTFOUND, "%s: no .html or .htm files", source)
	}
	return nil
}

// htmlFile reads one HTML file as a page.
func (p *producer) htmlFile(ctx context.Context, path, source string) error {
	u := fileURL(path)
	if p.seen.has(u) {
		return nil
	}
	if known, err := p.in.cfg.Store.Known(ctx, []string{u}); err == nil && known[0] {
		p.emit(ctx, item{url: u, source: source})
		return nil
	}
	data, err := readFileBounded(path, p.in.cfg.MaxPageBytes)
	if err != nil {
		return err
	}
	st, err := os.Stat(path)
	if err != nil {
		return sayso.Errorf(sayso.EUNAVAILABLE, "read %s: %w", path, err)
	}
	h := http.Header{}
	h.Set("Content-Type", "text/html")
	p.emit(ctx, item{url: u, source: source, page: &sayso.Page{
		URL: u, FinalURL: u, Header: h, Body: data, FetchedAt: st.ModTime().UTC(),
	}})
	return nil
}

// seenSet remembers the addresses sent in this run, as 64-bit hashes, up to
// a bound (past it, repeats are left to the store's deduplication).
type seenSet struct {
	mu   sync.Mutex
	seed maphash.Seed
	m    map[uint64]struct{}
}

// maxSeen bounds the set: 4 million entries cost about 100 MB at most.
const maxSeen = 4 << 20

func newSeenSet() *seenSet { return &seenSet{seed: maphash.MakeSeed(), m: map[uint64]struct{}{}} }

// add reports whether key is new, remembering it.
func (s *seenSet) add(key string) bool {
	h := maphash.String(s.seed, key)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[h]; ok {
		return false
	}
	if len(s.m) < maxSeen {
		s.m[h] = struct{}{}
	}
	return true
}

func (s *seenSet) has(key string) bool {
	h := maphash.String(s.seed, urlKey(key))
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.m[h]
	return ok
}

// feedStates collects feed validators during a run.
type feedStates struct {
	mu sync.Mutex
	m  []feedState
}

type feedState struct {
	url string
	v   sayso.Validators
}

func (f *feedStates) add(u string, v sayso.Validators) {
	if v.IsZero() {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.m = append(f.m, feedState{u, v})
}

func (f *feedStates) all() []feedState {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]feedState(nil), f.m...)
}
