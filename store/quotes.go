package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/sayso-news/sayso"
)

// DefaultQuoteScanMin bounds the counting of a quote filter's matches:
// a filter matching fewer attributions may drive the listing (its matches
// collected and sorted, a few milliseconds per thousand); one matching
// more is tested on each attribution while the articles are walked newest
// first, which stops once the page of results is full.
const DefaultQuoteScanMin = 10000

// Costs of the steps of a quote listing, in microseconds, measured with
// SQLite on a corpus of 100,000 articles and 2.3 million attributions; a
// listing takes the plan whose estimated cost is least.
const (
	// costScan is an attribution visited while walking the articles.
	costScan = 1
	// costCollect is a match collected by the filter that drives, sorted.
	costCollect = 6
	// costProbe is one attribution looked up in the quote index, for a
	// word in a tenth of the quotes or more (a rare word costs far less,
	// so walking is then cheaper than estimated: the safe side).
	costProbe = 50
	// kindShare is the share of attributions of one kind assumed, as kind
	// is not counted: about half are direct quotes in news.
	kindShare = 0.5
)

// quotePlanChoice lets tests force the plans that small data would not
// choose.
type quotePlanChoice int

const (
	// walkArticles always walks the articles newest first. (The zero
	// value chooses by estimated cost.)
	walkArticles quotePlanChoice = iota + 1
	// driveByFilter lets a counted filter drive whenever there is one.
	driveByFilter
)

// maxAttrSQL is maxAttributions as SQL text: an article's attributions
// are the id range [id*maxAttributions, (id+1)*maxAttributions).
var maxAttrSQL = strconv.Itoa(maxAttributions)

// quoteFilter is one condition of a quote listing, in the forms the plans
// need.
type quoteFilter struct {
	// cond is the condition when the filter drives the query; each is the
	// condition (with a leading + on the column that would drive) when
	// another part of the query drives; few, when not "", replaces each
	// when the filter matches fewer than the scan threshold.
	cond, each, few string
	args            []any
	// count is a query for the number of attributions matching, at most
	// its last argument; "" when the filter cannot drive (kind).
	count string
	// from is the start of the FROM clause when the filter drives.
	from string
}

// Quote listing plans: the FROM clauses joining an attribution t to its
// article a, page p, outlet o and speaker s, driven from different tables.
var (
	fromArticles = `FROM articles a CROSS JOIN pages p CROSS JOIN attributions t JOIN outlets o ON o.id = p.outlet_id
		LEFT JOIN speakers s ON s.id = t.speaker_id
		WHERE p.id = a.id AND t.id BETWEEN a.id * ` + maxAttrSQL + ` AND a.id * ` + maxAttrSQL + ` + ` + maxAttrSQL + ` - 1`
	fromAttributions = `FROM attributions t CROSS JOIN articles a CROSS JOIN pages p JOIN outlets o ON o.id = p.outlet_id
		LEFT JOIN speakers s ON s.id = t.speaker_id
		WHERE a.id = t.article_id AND p.id = a.id`
	fromOutlets = `FROM outlets o CROSS JOIN pages p CROSS JOIN articles a CROSS JOIN attributions t
		LEFT JOIN speakers s ON s.id = t.speaker_id
		WHERE p.outlet_id = o.id AND a.id = p.id
		AND t.id BETWEEN a.id * ` + maxAttrSQL + ` AND a.id * ` + maxAttrSQL + ` + ` + maxAttrSQL + ` - 1`
)

// quoteFilters turns a query into its filters. It returns an EINVALID
// error for a malformed full-text query.
func (s *Store) quoteFilters(qq sayso.QuoteQuery) ([]quoteFilter, error) {
	var fs []quoteFilter
	if qq.Text != "" {
		q, err := ParseQuery(qq.Text)
		if err != nil {
			return nil, err
		}
		m := s.d.Match(q)
		// Looking each attribution up in the index costs tens of
		// microseconds; a short list of matches is collected once instead.
		fs = append(fs, quoteFilter{cond: s.d.QuoteMatch(), each: s.d.QuoteMatchEach(), few: "+" + s.d.QuoteMatch(),
			args: []any{m}, count: s.d.CountQuotes(), from: fromAttributions})
	}
	if qq.Speaker != "" {
		// Every name of the identities of the names that match: "Peskov"
		// finds the quotes of "Dmitry Peskov" and "Dmitri Peskov" when
		// they are one speaker.
		const speakers = `t.speaker_id IN (SELECT id FROM speakers WHERE lower(name) LIKE ? ESCAPE '\'
			UNION SELECT s2.id FROM speakers s1 JOIN speakers s2 ON s2.identity = s1.identity
			WHERE lower(s1.name) LIKE ? ESCAPE '\')`
		pat := "%" + likeEscape(strings.ToLower(qq.Speaker)) + "%"
		// Tested on each attribution, the unary plus keeps SQLite from
		// driving the query by the speaker index, and IS TRUE keeps
		// PostgreSQL from making the subquery a join (it hashes the ids
		// once instead).
		fs = append(fs, quoteFilter{cond: speakers, each: "(+" + speakers + ") IS TRUE",
			args:  []any{pat, pat},
			count: `SELECT count(*) FROM (SELECT 1 FROM attributions t WHERE ` + speakers + ` LIMIT ?) x`,
			from:  fromAttributions})
	}
	if qq.Outlet != "" {
		host := strings.ToLower(strings.TrimSpace(qq.Outlet))
		if strings.Contains(host, "://") {
			host = OutletOf(host)
		}
		host = strings.TrimPrefix(host, "www.")
		const outlets = `(o.host = ? OR o.host LIKE ? ESCAPE '\')`
		fs = append(fs, quoteFilter{cond: outlets,
			each: `(+p.outlet_id IN (SELECT id FROM outlets WHERE host = ? OR host LIKE ? ESCAPE '\')) IS TRUE`,
			args: []any{host, "%." + likeEscape(host)},
			count: `SELECT count(*) FROM (SELECT 1 FROM outlets o JOIN pages p ON p.outlet_id = o.id
				JOIN attributions t ON t.id BETWEEN p.id * ` + maxAttrSQL + ` AND p.id * ` + maxAttrSQL + ` + ` + maxAttrSQL + ` - 1
				WHERE ` + outlets + ` LIMIT ?) x`,
			from: fromOutlets})
	}
	if qq.Kind != "" {
		fs = append(fs, quoteFilter{cond: `t.kind = ?`, each: `t.kind = ?`, args: []any{string(qq.Kind)}})
	}
	return fs, nil
}

// quotePlan returns the FROM clause and conditions of a quote listing
// for the page [offset, offset+limit): driven by the filter whose matches
// are cheapest to collect, or by the articles, newest first, when walking
// them until the page is full costs less.
func (s *Store) quotePlan(ctx context.Context, tx *sql.Tx, fs []quoteFilter, limit, offset int) (from string, conds []string, args []any, err error) {
	// Each filter's share of the attributions, from its count of matches
	// (at least quoteScanMin when counting stopped there).
	total, err := s.attributionCount(ctx, tx)
	if err != nil {
		return "", nil, nil, err
	}
	n := make([]float64, len(fs))
	exact := make([]bool, len(fs))
	text := -1
	for i, f := range fs {
		if f.few != "" {
			text = i
		}
		if f.count == "" {
			n[i] = kindShare * total
			continue
		}
		var c int
		if err := tx.QueryRowContext(ctx, s.q(f.count), append(f.args[:len(f.args):len(f.args)], s.quoteScanMin)...).Scan(&c); err != nil {
			return "", nil, nil, fmt.Errorf("count matches: %w", err)
		}
		n[i], exact[i] = float64(c), c < s.quoteScanMin
	}
	share := func(skip ...int) float64 {
		p := 1.0
		for i := range fs {
			if !slices.Contains(skip, i) {
				p *= min(1, n[i]/total)
			}
		}
		return p
	}
	// probes is the cost of testing the full-text filter on rows that
	// passed the others, unless its short list of matches is collected.
	probes := func(rows float64, driver int) float64 {
		if text < 0 || text == driver {
			return 0
		}
		if exact[text] {
			return n[text] // collecting the list
		}
		return rows * share(text, driver) * costProbe
	}
	walked := min(total, float64(limit+offset)/max(share(), 1/total))
	best, cost := -1, walked*costScan+probes(walked, -1)
	switch s.quotePlans {
	case walkArticles:
		cost = -1
	case driveByFilter:
		cost = math.Inf(1)
	}
	for i := range fs {
		if !exact[i] || fs[i].from == "" {
			continue
		}
		if c := n[i]*costCollect + probes(n[i], i); c < cost {
			best, cost = i, c
		}
	}

	from = fromArticles
	if best >= 0 {
		from = fs[best].from
	}
	// Cheap conditions first: SQLite tests them in order, and the
	// full-text look-up is the dearest.
	for _, i := range conditionOrder(len(fs), text) {
		f := fs[i]
		switch {
		case i == best:
			conds = append(conds, f.cond)
		case exact[i] && f.few != "":
			conds = append(conds, f.few)
		default:
			conds = append(conds, f.each)
		}
		args = append(args, f.args...)
	}
	return from, conds, args, nil
}

// conditionOrder returns 0..n-1 with last moved to the end.
func conditionOrder(n, last int) []int {
	order := make([]int, 0, n)
	for i := range n {
		if i != last {
			order = append(order, i)
		}
	}
	if last >= 0 {
		order = append(order, last)
	}
	return order
}

// attributionCount estimates the number of stored attributions cheaply:
// the number of article ids times the attributions of the newest hundred
// articles (a count of every row would read the whole table).
func (s *Store) attributionCount(ctx context.Context, tx *sql.Tx) (float64, error) {
	var last sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT max(id) FROM articles`).Scan(&last); err != nil {
		return 0, fmt.Errorf("count attributions: %w", err)
	}
	if !last.Valid {
		return 1, nil
	}
	from := max(last.Int64-100, 0) + 1
	var recent, articles int
	err := tx.QueryRowContext(ctx, s.q(`SELECT (SELECT count(*) FROM attributions WHERE id >= ?),
		(SELECT count(*) FROM articles WHERE id >= ?)`), from*maxAttributions, from).Scan(&recent, &articles)
	if err != nil {
		return 0, fmt.Errorf("count attributions: %w", err)
	}
	return max(1, float64(last.Int64)*float64(recent)/float64(max(articles, 1))), nil
}

// Quotes implements sayso.Store. It counts each filter's matches (up to
// DefaultQuoteScanMin) and estimates the article count to choose a plan.
func (s *Store) Quotes(ctx context.Context, qq sayso.QuoteQuery) ([]sayso.Quote, error) {
	fs, err := s.quoteFilters(qq)
	if err != nil {
		return nil, err
	}
	limit := qq.Limit
	if limit <= 0 {
		limit = 50
	}
	var out []sayso.Quote
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		from, conds, args, err := s.quotePlan(ctx, tx, fs, limit, max(qq.Offset, 0))
		if err != nil {
			return err
		}
		if k, ok := s.d.(JoinOrderKeeper); ok && from == fromArticles {
			if _, err := tx.ExecContext(ctx, k.KeepJoinOrder()); err != nil {
				return err
			}
		}
		for _, c := range conds {
			from += "\n\t\tAND " + c
		}
		// The page of results is chosen and ordered on ids alone; the
		// columns, the article's text among them, are read for it only.
		query := `SELECT ` + quoteColumns + `
			FROM (SELECT t.id AS id, a.published_unix AS published_unix ` + from + `
				ORDER BY a.published_unix DESC, t.id LIMIT ? OFFSET ?) k
			JOIN attributions t ON t.id = k.id
			JOIN articles a ON a.id = t.article_id
			JOIN pages p ON p.id = a.id
			JOIN outlets o ON o.id = p.outlet_id
			LEFT JOIN speakers s ON s.id = t.speaker_id
			ORDER BY k.published_unix DESC, t.id`
		rows, err := tx.QueryContext(ctx, s.q(query), append(args, limit, max(qq.Offset, 0))...)
		if err != nil {
			return err
		}
		var qrs []*quoteRow
		for rows.Next() {
			qr, err := scanQuote(rows)
			if err != nil {
				rows.Close()
				return err
			}
			qrs = append(qrs, qr)
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return err
		}
		rows.Close()
		out, err = s.finishQuotes(ctx, tx, qrs)
		return err
	})
	if err != nil {
		return nil, internal(fmt.Errorf("quotes: %w", err))
	}
	return out, nil
}

// quoteRow is one row of a quote listing: the quote with its parts still
// as spans over its article's text, which is read once per article.
type quoteRow struct {
	q                                  sayso.Quote
	srcSpans, srcText, cueSpans, cueTx sql.NullString
	conSpans                           string
	conText                            sql.NullString
}

// scanQuote reads one row of a quote listing (the columns of
// quoteColumns).
func scanQuote(rows *sql.Rows) (*quoteRow, error) {
	var (
		r                                      quoteRow
		published, name, typ, role, resolution sql.NullString
		medium                                 sql.NullString
		kind                                   string
	)
	qt := &r.q
	if err := rows.Scan(&qt.ID, &qt.ArticleID, &qt.URL, &qt.Title, &qt.Outlet, &published, &kind, &name, &typ,
		&role, &resolution, &r.srcSpans, &r.srcText, &r.cueSpans, &r.cueTx, &r.conSpans, &r.conText, &medium,
		&qt.Confidence); err != nil {
		return nil, err
	}
	qt.Published = parseTime(published)
	qt.Kind = sayso.AttributionKind(kind)
	if name.Valid || typ.Valid || role.Valid || resolution.Valid {
		qt.Speaker = &sayso.Speaker{Name: name.String, Type: sayso.SpeakerType(typ.String), Role: role.String,
			Resolution: sayso.Resolution(resolution.String)}
	}
	qt.Medium = medium.String
	return &r, nil
}

// quoteColumns are the columns scanQuote reads, from attributions t,
// articles a, outlets o and speakers s.
const quoteColumns = `t.id, t.article_id, a.url, a.title, o.host, a.published, t.kind, s.name,
	coalesce(s.type, t.speaker_type), t.role, t.resolution, t.source_spans, t.source_text, t.cue_spans,
	t.cue_text, t.content_spans, t.content_text, t.medium, t.confidence`

// finishQuotes cuts the source, cue and content of each row from its
// article's text, decompressing each article once (a speaker's latest
// statements come from half as many articles).
func (s *Store) finishQuotes(ctx context.Context, tx *sql.Tx, rows []*quoteRow) ([]sayso.Quote, error) {
	var ids []int64
	seen := map[int64]bool{}
	for _, r := range rows {
		if !seen[r.q.ArticleID] {
			seen[r.q.ArticleID] = true
			ids = append(ids, r.q.ArticleID)
		}
	}
	texts := make(map[int64]runeText, len(ids))
	err := eachRow(ctx, tx, s.q, `SELECT id, text FROM articles WHERE id IN (%s)`, ids, func(rows *sql.Rows) error {
		var id int64
		var blob []byte
		if err := rows.Scan(&id, &blob); err != nil {
			return err
		}
		text, err := decompress(blob)
		if err != nil {
			return fmt.Errorf("article %d text: %w", id, err)
		}
		texts[id] = newRuneText(string(text))
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]sayso.Quote, 0, len(rows))
	for _, r := range rows {
		qt := r.q
		rt := texts[qt.ArticleID]
		for _, c := range []struct {
			dst          *string
			spans, texts sql.NullString
		}{
			{&qt.Source, r.srcSpans, r.srcText},
			{&qt.Cue, r.cueSpans, r.cueTx},
			{&qt.Content, sql.NullString{String: r.conSpans, Valid: true}, r.conText},
		} {
			seg, err := segmentFrom(rt, nullPtr(c.spans), nullPtr(c.texts))
			if err != nil {
				return nil, err
			}
			if seg != nil {
				*c.dst = seg.Text
			}
		}
		out = append(out, qt)
	}
	return out, nil
}
