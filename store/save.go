package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/urlnorm"
	"golang.org/x/net/publicsuffix"
)

// Save implements sayso.Store: it stores records in one transaction. See
// sayso.Store.Save for duplicates and replacement. A record without a page
// (and without a PageID) is an EINVALID error and nothing is stored.
func (s *Store) Save(ctx context.Context, recs []*sayso.Record) ([]sayso.SaveResult, error) {
	for i, r := range recs {
		if r == nil || (r.PageID == 0 && r.Page == nil) {
			return nil, sayso.Errorf(sayso.EINVALID, "save: record %d has no page", i)
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, internal(fmt.Errorf("save: %w", err))
	}
	defer tx.Rollback()
	if err := s.lockWrites(ctx, tx); err != nil {
		return nil, internal(fmt.Errorf("save: %w", err))
	}
	w := &writer{s: s, tx: tx, ctx: ctx, stmts: map[string]*sql.Stmt{}, newSpeakers: map[speakerKey]int64{}}
	defer w.close()
	results := make([]sayso.SaveResult, len(recs))
	for i, r := range recs {
		res, err := w.save(r)
		if err != nil {
			return nil, internal(fmt.Errorf("save %s: %w", recordName(r), err))
		}
		results[i] = res
	}
	if err := w.flushIndex(); err != nil {
		return nil, internal(fmt.Errorf("save: %w", err))
	}
	if err := w.flushIdentities(); err != nil {
		return nil, internal(fmt.Errorf("save: %w", err))
	}
	if err := tx.Commit(); err != nil {
		return nil, internal(fmt.Errorf("save: commit: %w", err))
	}
	s.speakers.addAll(w.newSpeakers)
	s.commits.Add(1)
	if err := s.maintainAfterSave(ctx, len(recs)); err != nil {
		return nil, internal(fmt.Errorf("save: %w", err))
	}
	return results, nil
}

func recordName(r *sayso.Record) string {
	if r.Page != nil {
		return r.Page.URL
	}
	return fmt.Sprintf("page %d", r.PageID)
}

// writer holds one Save transaction and its prepared statements.
type writer struct {
	s     *Store
	tx    *sql.Tx
	ctx   context.Context
	stmts map[string]*sql.Stmt
	// newSpeakers are the speaker ids this transaction looked up or made.
	newSpeakers map[speakerKey]int64
	// toIndex holds the full-text index inserts until the transaction's
	// other statements have run (see flushIndex).
	toIndex []indexInsert
	// prov caches texts and shingle sets for the provenance indexes.
	prov provCache
	// provTime adds up the time spent indexing provenance, for benchmarks.
	provTime time.Duration
	// dirtyKeys are the speaker identity keys whose identities must be
	// computed again before commit (see flushIdentities).
	dirtyKeys map[string]bool
}

// indexInsert is one insert into a full-text index.
type indexInsert struct {
	query string
	args  []any
}

// index queues an insert into a full-text index; an empty query (a
// dialect without that index) is dropped.
func (w *writer) index(query string, args ...any) {
	if query != "" {
		w.toIndex = append(w.toIndex, indexInsert{query, args})
	}
}

// flushIndex runs the queued index inserts, together at the end of the
// transaction. SQLite's FTS5 writes its pending terms out as a new index
// segment whenever a later statement in the transaction opens a
// savepoint, as multi-row inserts do; interleaved with the other inserts,
// every article became a segment of its own, and merging them cost a
// fifth of the time spent saving.
func (w *writer) flushIndex() error {
	for _, ins := range w.toIndex {
		if err := w.exec(ins.query, ins.args...); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	w.toIndex = nil
	return nil
}

type speakerKey struct {
	name string
	typ  sayso.SpeakerType
}

// speakerCache remembers committed speaker ids; speakers are never
// deleted, so a remembered id stays right.
type speakerCache struct {
	mu  sync.RWMutex
	ids map[speakerKey]int64
}

// maxCachedSpeakers bounds the cache (about 100 bytes an entry).
const maxCachedSpeakers = 1 << 20

func (c *speakerCache) get(k speakerKey) (int64, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	id, ok := c.ids[k]
	return id, ok
}

func (c *speakerCache) addAll(m map[speakerKey]int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ids == nil {
		c.ids = map[speakerKey]int64{}
	}
	for k, id := range m {
		if len(c.ids) >= maxCachedSpeakers {
			return
		}
		c.ids[k] = id
	}
}

// exec runs a statement, preparing it once per transaction.
func (w *writer) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, w.s.q(query))
	if err != nil {
		return nil, fmt.Errorf("prepare %q: %w", firstLine(query), err)
	}
	w.stmts[query] = st
	return st, nil
}

func (w *writer) exec(query string, args ...any) error {
	if query == "" {
		return nil
	}
	st, err := w.stmt(query)
	if err != nil {
		return err
	}
	if _, err := st.ExecContext(w.ctx, args...); err != nil {
		return fmt.Errorf("%s: %w", firstLine(query), err)
	}
	return nil
}

func (w *writer) queryID(query string, args ...any) (int64, error) {
	st, err := w.stmt(query)
	if err != nil {
		return 0, err
	}
	var id int64
	if err := st.QueryRowContext(w.ctx, args...).Scan(&id); err != nil {
		return 0, err
	}
	return id, nil
}

func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

func firstLine(q string) string {
	q = strings.TrimSpace(q)
	if i := strings.IndexByte(q, '\n'); i > 0 {
		q = q[:i]
	}
	return q
}

// save stores one record.
func (w *writer) save(r *sayso.Record) (sayso.SaveResult, error) {
	if r.PageID != 0 {
		return w.replace(r)
	}
	p := r.Page
	reqURL, finalURL := normURL(p.URL), normURL(p.FinalURL)
	if finalURL == "" {
		finalURL = reqURL
	}
	// Same address: stored once.
	for _, u := range []string{reqURL, finalURL} {
		if id, ok, err := w.pageByURL(u); err != nil || ok {
			return sayso.SaveResult{Outcome: sayso.OutcomeDuplicateURL, PageID: id}, err
		}
	}
	sum := sha256.Sum256(p.Body)
	hash := sum[:16]
	if dup, ok, err := w.pageByHash(hash); err != nil || ok {
		if err == nil {
			// Same bytes under another address: remember the address.
			err = w.addURLs(dup, reqURL, finalURL)
		}
		return sayso.SaveResult{Outcome: sayso.OutcomeDuplicateContent, PageID: dup}, err
	}
	outletURL := p.FinalURL
	if outletURL == "" {
		outletURL = p.URL
	}
	canonical := ""
	if r.Article != nil {
		canonical = sameOutletCanonical(r.Article.CanonicalURL, outletURL)
		if !strings.HasPrefix(outletURL, "http") && r.Article.CanonicalURL != "" {
			// A page read from a file is attributed to the outlet its
			// canonical address names.
			outletURL = r.Article.CanonicalURL
			canonical = normURL(r.Article.CanonicalURL)
		}
		if canonical != "" {
			if id, ok, err := w.pageByURL(canonical); err != nil || ok {
				if err == nil {
					err = w.addURLs(id, reqURL, finalURL)
				}
				return sayso.SaveResult{Outcome: sayso.OutcomeDuplicateURL, PageID: id}, err
			}
		}
	}
	publisher := ""
	if r.Article != nil {
		publisher = r.Article.Publisher
	}
	outletID, err := w.outlet(outletHost(outletURL), publisher)
	if err != nil {
		return sayso.SaveResult{}, err
	}
	header, err := compressJSON(p.Header)
	if err != nil {
		return sayso.SaveResult{}, err
	}
	redirects, err := jsonText(p.Redirects)
	if err != nil {
		return sayso.SaveResult{}, err
	}
	fetched := p.FetchedAt
	if fetched.IsZero() {
		fetched = w.s.now()
	}
	// The same bytes may have been stored by another writer since the
	// check above (engines whose transactions run side by side): then
	// nothing is inserted and the page is a duplicate after all.
	pageID, err := w.queryID(`INSERT INTO pages (url, final_url, outlet_id, source, status_code, redirects,
		fetched_at, body_size, body_hash, state, error, read_version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (body_hash) DO NOTHING RETURNING id`,
		p.URL, orDefault(p.FinalURL, p.URL), outletID, r.Source, p.StatusCode, redirects,
		fetched.UnixMilli(), len(p.Body), hash, string(recordState(r)), nullString(r.Error), readVersion(r))
	if errors.Is(err, sql.ErrNoRows) {
		dup, _, err := w.pageByHash(hash)
		if err == nil {
			err = w.addURLs(dup, reqURL, finalURL)
		}
		return sayso.SaveResult{Outcome: sayso.OutcomeDuplicateContent, PageID: dup}, err
	}
	if err != nil {
		return sayso.SaveResult{}, fmt.Errorf("insert page: %w", err)
	}
	if err := w.exec(`INSERT INTO raw_pages (page_id, header, body) VALUES (?, ?, ?)`, pageID, header, compress(p.Body)); err != nil {
		return sayso.SaveResult{}, fmt.Errorf("insert raw page: %w", err)
	}
	if err := w.addURLs(pageID, reqURL, finalURL, canonical); err != nil {
		return sayso.SaveResult{}, err
	}
	res := sayso.SaveResult{Outcome: sayso.OutcomeStored, PageID: pageID}
	if r.Article != nil {
		if err := w.insertArticle(pageID, r); err != nil {
			return sayso.SaveResult{}, err
		}
		res.ArticleID = pageID
	}
	return res, nil
}

// replace stores a new reading of a stored page.
func (w *writer) replace(r *sayso.Record) (sayso.SaveResult, error) {
	var exists int
	err := w.tx.QueryRowContext(w.ctx, w.s.q(`SELECT count(*) FROM pages WHERE id = ?`), r.PageID).Scan(&exists)
	if err != nil {
		return sayso.SaveResult{}, err
	}
	if exists == 0 {
		return sayso.SaveResult{}, sayso.Errorf(sayso.ENOTFOUND, "page %d not found", r.PageID)
	}
	if err := w.deleteArticle(r.PageID); err != nil {
		return sayso.SaveResult{}, err
	}
	if err := w.exec(`UPDATE pages SET state = ?, error = ?, read_version = ? WHERE id = ?`,
		string(recordState(r)), nullString(r.Error), readVersion(r), r.PageID); err != nil {
		return sayso.SaveResult{}, err
	}
	res := sayso.SaveResult{Outcome: sayso.OutcomeReplaced, PageID: r.PageID}
	if r.Article != nil {
		if r.Article.CanonicalURL != "" {
			var finalURL string
			if err := w.tx.QueryRowContext(w.ctx, w.s.q(`SELECT final_url FROM pages WHERE id = ?`), r.PageID).Scan(&finalURL); err != nil {
				return sayso.SaveResult{}, err
			}
			if c := sameOutletCanonical(r.Article.CanonicalURL, finalURL); c != "" {
				if err := w.addURLs(r.PageID, c); err != nil {
					return sayso.SaveResult{}, err
				}
			}
		}
		if err := w.insertArticle(r.PageID, r); err != nil {
			return sayso.SaveResult{}, err
		}
		res.ArticleID = r.PageID
	}
	return res, nil
}

// deleteArticle removes a page's article, its index entries and
// everything read from it.
func (w *writer) deleteArticle(id int64) error {
	// The article may have been indexed earlier in this transaction.
	if err := w.flushIndex(); err != nil {
		return err
	}
	var blob []byte
	err := w.tx.QueryRowContext(w.ctx, w.s.q(`SELECT text FROM articles WHERE id = ?`), id).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := w.exec(w.s.d.UnindexArticle(), id); err != nil {
		return err
	}
	raw, err := decompress(blob)
	if err != nil {
		return fmt.Errorf("article %d text: %w", id, err)
	}
	if err := w.unindexProvenance(id, string(raw)); err != nil {
		return err
	}
	lo, hi := attributionRange(id, id)
	if q := w.s.d.UnindexQuote(); q != "" {
		text := newRuneText(string(raw))
		rows, err := w.tx.QueryContext(w.ctx, w.s.q(`SELECT id, content_spans, content_text FROM attributions
			WHERE id BETWEEN ? AND ?`), lo, hi)
		if err != nil {
			return err
		}
		type quote struct {
			id      int64
			content string
		}
		var quotes []quote
		for rows.Next() {
			var a int64
			var spans string
			var ctext sql.NullString
			if err := rows.Scan(&a, &spans, &ctext); err != nil {
				rows.Close()
				return err
			}
			seg, err := segmentFrom(text, &spans, nullPtr(ctext))
			if err != nil {
				rows.Close()
				return err
			}
			quotes = append(quotes, quote{a, seg.Text})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, q2 := range quotes {
			if err := w.exec(q, q2.id, q2.content); err != nil {
				return err
			}
		}
	}
	if err := w.exec(`DELETE FROM attributions WHERE id BETWEEN ? AND ?`, lo, hi); err != nil {
		return err
	}
	return w.exec(`DELETE FROM articles WHERE id = ?`, id)
}

// maxAttributions bounds the attributions stored per article: ids are
// article_id*maxAttributions + seq. Real articles carry a few dozen.
const maxAttributions = 1024

// attributionRange returns the attribution ids of articles from..to.
func attributionRange(from, to int64) (lo, hi int64) {
	return from * maxAttributions, to*maxAttributions + maxAttributions - 1
}

// pageByURL returns the page stored under the normalised address u.
func (w *writer) pageByURL(u string) (id int64, ok bool, err error) {
	if u == "" {
		return 0, false, nil
	}
	return w.lookup(`SELECT page_id FROM urls WHERE url = ?`, u)
}

// pageByHash returns the page whose body has this hash.
func (w *writer) pageByHash(hash []byte) (id int64, ok bool, err error) {
	return w.lookup(`SELECT id FROM pages WHERE body_hash = ?`, hash)
}

// lookup runs a query for one id; ok is false when there is no row.
func (w *writer) lookup(query string, arg any) (id int64, ok bool, err error) {
	st, err := w.stmt(query)
	if err != nil {
		return 0, false, err
	}
	err = st.QueryRowContext(w.ctx, arg).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// recordState is the state a record is stored in: its own, else article
// when it carries one and failed when not.
func recordState(r *sayso.Record) sayso.PageState {
	switch {
	case r.State != "":
		return r.State
	case r.Article != nil:
		return sayso.StateArticle
	}
	return sayso.StateFailed
}

func (w *writer) addURLs(pageID int64, urls ...string) error {
	for _, u := range urls {
		if u == "" {
			continue
		}
		if err := w.exec(`INSERT INTO urls (url, page_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, u, pageID); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) outlet(host, name string) (int64, error) {
	id, err := w.queryID(`INSERT INTO outlets (host, name) VALUES (?, ?)
		ON CONFLICT (host) DO UPDATE SET name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE outlets.name END
		RETURNING id`, host, name)
	if err != nil {
		return 0, fmt.Errorf("outlet %s: %w", host, err)
	}
	return id, nil
}

// normURL normalises u for the urls table, keeping it as it is when it is
// not a URL urlnorm understands.
func normURL(u string) string {
	if u == "" {
		return ""
	}
	n, err := urlnorm.Normalize(u)
	if err != nil {
		return strings.TrimSpace(u)
	}
	return n
}

// NormalizeURL is the form under which a store keys page addresses.
func NormalizeURL(u string) string { return normURL(u) }

// OutletOf returns the outlet a page address belongs to: its registrable
// domain ("bbc.co.uk" for "https://www.bbc.co.uk/news/x"), the bare host
// for addresses without one (IP addresses, localhost), or "local" for files.
func OutletOf(pageURL string) string { return outletHost(pageURL) }

func outletHost(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil || u.Hostname() == "" {
		return "local"
	}
	host := strings.ToLower(strings.TrimRight(u.Hostname(), "."))
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// sameOutletCanonical returns the normalised canonical address when it
// belongs to the page's own outlet and is not the site's home page — the
// only canonical addresses safe to deduplicate by. (Syndicated copies point
// their canonical at the original outlet: those must stay separate
// articles; some sites point every page at their home page.)
func sameOutletCanonical(canonical, pageURL string) string {
	if canonical == "" {
		return ""
	}
	c := normURL(canonical)
	u, err := url.Parse(c)
	if err != nil || u.Path == "" || u.Path == "/" || !strings.HasPrefix(c, "http") {
		return ""
	}
	if outletHost(c) != outletHost(pageURL) {
		return ""
	}
	return c
}

func readVersion(r *sayso.Record) string {
	if r.Article != nil && r.Article.ExtractorVersion != "" {
		return r.Article.ExtractorVersion
	}
	return sayso.Version
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func timeText(t *time.Time) (text, unix any) {
	if t == nil || t.IsZero() {
		return nil, nil
	}
	return t.Format(time.RFC3339Nano), t.Unix()
}
