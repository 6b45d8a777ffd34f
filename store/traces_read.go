package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/trace"
)

// maxTraceCandidates bounds the stored quotes a look-up of words
// considers: words found in more quotes than this are a stock phrase, not
// a quote, and the first ones (by id) are checked.
const maxTraceCandidates = 10000

// TraceQuote implements sayso.Store: the traces of the stored quotes that
// print words (all of them, or MinRun of them in a row and most of the
// rest), each with every appearance, first appearances earliest first;
// at most limit (20 when not positive).
func (s *Store) TraceQuote(ctx context.Context, words string, limit int) ([]*sayso.QuoteTrace, error) {
	if limit <= 0 {
		limit = 20
	}
	query := trace.ParseQuote(words)
	if len(query.Words) < trace.MinRun {
		return nil, sayso.Errorf(sayso.EINVALID, "trace %q: give at least %d words of the quote", words, trace.MinRun)
	}
	var out []*sayso.QuoteTrace
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		if err := s.provenanceReady(ctx, tx); err != nil {
			return err
		}
		ids, err := queryIDs(ctx, tx, s.q, `SELECT DISTINCT quote FROM quote_grams WHERE gram IN (%s)`, query.AllGrams())
		if err != nil {
			return err
		}
		ids = slices.Compact(sorted(ids))
		if len(ids) > maxTraceCandidates {
			ids = ids[:maxTraceCandidates]
		}
		cands, err := readUnits(ctx, tx, s.q, ids)
		if err != nil {
			return err
		}
		r := &traceReader{s: s, ctx: ctx, tx: tx, texts: map[int64]string{}}
		done := map[int64]bool{}
		keys := query.Keys()
		for _, c := range cands {
			if c.trace != 0 && done[c.trace] || !trace.RelatedKeys(c.keys, keys) {
				continue
			}
			var t *sayso.QuoteTrace
			if c.trace != 0 {
				done[c.trace] = true
				t, err = r.trace(c.trace)
			} else {
				t, err = r.build(c.id, []unit{c})
			}
			if err != nil {
				return err
			}
			out = append(out, t)
		}
		return nil
	})
	if err != nil {
		return nil, internal(fmt.Errorf("trace %q: %w", words, err))
	}
	slices.SortStableFunc(out, func(a, b *sayso.QuoteTrace) int {
		switch {
		case a.Articles() != b.Articles():
			return b.Articles() - a.Articles()
		case trace.Before(a.First.Published, a.First.URL, b.First.Published, b.First.URL):
			return -1
		case trace.Before(b.First.Published, b.First.URL, a.First.Published, a.First.URL):
			return 1
		}
		return 0
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// TraceArticle implements sayso.Store: the traces of the quotes of article
// ref (an id or an address) that appear in other articles too, in the
// order the article quotes them.
func (s *Store) TraceArticle(ctx context.Context, ref string) ([]*sayso.QuoteTrace, error) {
	ref = strings.TrimSpace(ref)
	var out []*sayso.QuoteTrace
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		id, err := s.provenanceRef(ctx, tx, ref)
		if err != nil {
			return err
		}
		us, err := queryUnits(ctx, tx, s.q(`SELECT `+unitColumns+unitFrom+`WHERE u.id BETWEEN ? AND ? ORDER BY u.id`),
			id*maxQuotes, id*maxQuotes+maxQuotes-1)
		if err != nil {
			return err
		}
		r := &traceReader{s: s, ctx: ctx, tx: tx, texts: map[int64]string{}}
		done := map[int64]bool{}
		for _, u := range us {
			if u.trace == 0 || done[u.trace] {
				continue
			}
			done[u.trace] = true
			t, err := r.trace(u.trace)
			if err != nil {
				return err
			}
			if t.Articles() > 1 {
				out = append(out, t)
			}
		}
		return nil
	})
	if err != nil {
		return nil, internal(fmt.Errorf("trace %s: %w", ref, err))
	}
	return out, nil
}

// QuoteTraces implements sayso.Store: up to limit traces (100 when not
// positive) with an id greater than afterID, in id order, of quotes that
// appear in two articles or more.
func (s *Store) QuoteTraces(ctx context.Context, afterID int64, limit int) ([]*sayso.QuoteTrace, error) {
	if limit <= 0 {
		limit = 100
	}
	var out []*sayso.QuoteTrace
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		if err := s.provenanceReady(ctx, tx); err != nil {
			return err
		}
		r := &traceReader{s: s, ctx: ctx, tx: tx, texts: map[int64]string{}}
		for len(out) < limit {
			ids, err := listIDs(ctx, tx, s.q(`SELECT DISTINCT trace FROM quote_units WHERE trace > ? ORDER BY trace LIMIT ?`),
				afterID, limit)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				return nil
			}
			for _, id := range ids {
				afterID = id
				t, err := r.trace(id)
				if err != nil {
					return err
				}
				if t.Articles() > 1 && len(out) < limit {
					out = append(out, t)
				}
			}
			if len(r.texts) > provCacheMax {
				clear(r.texts)
			}
		}
		return nil
	})
	if err != nil {
		return nil, internal(fmt.Errorf("quote traces after %d: %w", afterID, err))
	}
	return out, nil
}

// traceReader builds traces within one read transaction, reading each
// article's text once.
type traceReader struct {
	s     *Store
	ctx   context.Context
	tx    *sql.Tx
	texts map[int64]string
}

// text returns an article's body text.
func (r *traceReader) text(id int64) (string, error) {
	if t, ok := r.texts[id]; ok {
		return t, nil
	}
	var blob []byte
	if err := r.tx.QueryRowContext(r.ctx, r.s.q(`SELECT text FROM articles WHERE id = ?`), id).Scan(&blob); err != nil {
		return "", fmt.Errorf("article %d text: %w", id, err)
	}
	text, err := decompressText(blob)
	if err != nil {
		return "", fmt.Errorf("article %d text: %w", id, err)
	}
	r.texts[id] = text
	return text, nil
}

// quote reads a stored quote again from its article's text.
func (r *traceReader) quote(u unit) (trace.Quote, error) {
	t, err := r.text(u.article())
	if err != nil {
		return trace.Quote{}, err
	}
	q := trace.ParseQuote(sliceRunes(t, u.start, u.end))
	q.Speaker, q.Named = u.speaker, u.named
	return q, nil
}

// trace builds trace id from all its quotes.
func (r *traceReader) trace(id int64) (*sayso.QuoteTrace, error) {
	us, err := queryUnits(r.ctx, r.tx, r.s.q(`SELECT `+unitColumns+unitFrom+`WHERE u.trace = ? ORDER BY u.id`), id)
	if err != nil {
		return nil, err
	}
	return r.build(id, us)
}

// appearance is one article's printing while a trace is built.
type appearance struct {
	unit  unit
	quote trace.Quote
	ref   sayso.ArticleRef
}

// build makes trace id of its quotes us: one appearance per article (its
// longest printing), in time order with each copy after its original when
// both print the quote, and each classified against the first.
func (r *traceReader) build(id int64, us []unit) (*sayso.QuoteTrace, error) {
	byArticle := map[int64]*appearance{}
	var articles []int64
	for _, u := range us {
		q, err := r.quote(u)
		if err != nil {
			return nil, err
		}
		a := u.article()
		if prev, ok := byArticle[a]; ok {
			if len(q.Words) > len(prev.quote.Words) {
				prev.unit, prev.quote = u, q
			}
			continue
		}
		byArticle[a] = &appearance{unit: u, quote: q}
		articles = append(articles, a)
	}
	refs, err := r.s.articleRefs(r.ctx, r.tx, articles)
	if err != nil {
		return nil, err
	}
	originals, err := r.s.originalsOf(r.ctx, r.tx, articles)
	if err != nil {
		return nil, err
	}
	var origIDs []int64
	for _, o := range originals {
		if _, ok := refs[o]; !ok {
			origIDs = append(origIDs, o)
		}
	}
	more, err := r.s.articleRefs(r.ctx, r.tx, origIDs)
	if err != nil {
		return nil, err
	}
	apps := make([]*appearance, 0, len(articles))
	for _, a := range articles {
		app := byArticle[a]
		app.ref = refs[a]
		apps = append(apps, app)
	}
	slices.SortStableFunc(apps, func(x, y *appearance) int {
		switch {
		case trace.Before(x.ref.Published, x.ref.URL, y.ref.Published, y.ref.URL):
			return -1
		case trace.Before(y.ref.Published, y.ref.URL, x.ref.Published, x.ref.URL):
			return 1
		}
		return 0
	})
	apps = originalsFirst(apps, originals)
	first := apps[0]
	t := &sayso.QuoteTrace{ID: id, Text: first.quote.Text, Speaker: first.quote.Speaker, First: first.ref}
	for i, app := range apps {
		qa := sayso.QuoteAppearance{ArticleRef: app.ref, Text: app.quote.Text, Speaker: app.quote.Speaker,
			Variant: sayso.VariantExact}
		if i > 0 {
			q := app.quote
			if clusterKey(originals, app.ref.ArticleID) == clusterKey(originals, first.ref.ArticleID) {
				// A copy prints its original's attribution: a speaker read
				// differently there is the reader's error, not the copy's.
				q.Named = false
			}
			qa.Variant, qa.Diff = trace.Classify(&first.quote, &q)
		}
		if o, ok := originals[app.ref.ArticleID]; ok {
			ref, ok := refs[o]
			if !ok {
				ref = more[o]
			}
			qa.CopyOf = &ref
		}
		t.Appearances = append(t.Appearances, qa)
	}
	return t, nil
}

// clusterKey names the copy cluster of an article: its original, or
// itself when it is an original or in no cluster.
func clusterKey(originals map[int64]int64, id int64) int64 {
	if o, ok := originals[id]; ok {
		return o
	}
	return id
}

// originalsFirst reorders appearances in time order so that a copy whose
// original also prints the quote comes right after it.
func originalsFirst(apps []*appearance, originals map[int64]int64) []*appearance {
	present := map[int64]bool{}
	for _, a := range apps {
		present[a.ref.ArticleID] = true
	}
	out := make([]*appearance, 0, len(apps))
	placed := map[int64]bool{}
	waiting := map[int64][]*appearance{}
	var place func(a *appearance)
	place = func(a *appearance) {
		out = append(out, a)
		placed[a.ref.ArticleID] = true
		for _, w := range waiting[a.ref.ArticleID] {
			place(w)
		}
		delete(waiting, a.ref.ArticleID)
	}
	for _, a := range apps {
		if o, ok := originals[a.ref.ArticleID]; ok && present[o] && !placed[o] {
			waiting[o] = append(waiting[o], a)
			continue
		}
		place(a)
	}
	return out
}

// articleRefs reads the references of articles ids.
func (s *Store) articleRefs(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]sayso.ArticleRef, error) {
	out := map[int64]sayso.ArticleRef{}
	err := eachRow(ctx, tx, s.q, `SELECT a.id, p.final_url, o.host, a.published
			FROM articles a JOIN pages p ON p.id = a.id JOIN outlets o ON o.id = p.outlet_id WHERE a.id IN (%s)`, ids, func(rows *sql.Rows) error {
		var ref sayso.ArticleRef
		var published sql.NullString
		if err := rows.Scan(&ref.ArticleID, &ref.URL, &ref.Outlet, &published); err != nil {
			return err
		}
		ref.Published = parseTime(published)
		out[ref.ArticleID] = ref
		return nil
	})
	return out, err
}

// originalsOf returns, for each of articles ids that is a copy in a
// cluster, its cluster's original.
func (s *Store) originalsOf(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	err := eachRow(ctx, tx, s.q, `SELECT m.article_id, c.original_id FROM copy_members m
			JOIN copy_clusters c ON c.id = m.cluster WHERE m.article_id IN (%s)`, ids, func(rows *sql.Rows) error {
		var a, o int64
		if err := rows.Scan(&a, &o); err != nil {
			return err
		}
		if a != o {
			out[a] = o
		}
		return nil
	})
	return out, err
}
