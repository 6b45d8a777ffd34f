package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
)

// Bounds of the profiles: counting stops at profileCountMax, and the
// timeline, roles and outlets of a speaker (the sourcing of an outlet)
// are read from the latest speakerSample statements (outletSample
// articles), so that every profile costs about the same on any corpus.
const (
	profileCountMax = 2000
	speakerSample   = 200
	outletSample    = 200
	statementsShown = 10
	profileTop      = 10
)

// FindSpeakers returns up to limit named speakers whose name contains
// text, case-insensitively, shortest names first.
func (s *Store) FindSpeakers(ctx context.Context, text string, limit int) ([]sayso.SpeakerRef, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, nil
	}
	if out, ok, err := s.findSpeakers(ctx, text, limit); ok || err != nil {
		if err != nil {
			return nil, internal(fmt.Errorf("find speakers %q: %w", text, err))
		}
		return out, nil
	}
	var out []sayso.SpeakerRef
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(`SELECT id, name, type FROM speakers
			WHERE name <> '' AND lower(name) LIKE ? ESCAPE '\' ORDER BY length(name), name LIMIT ?`),
			"%"+likeEscape(strings.ToLower(text))+"%", limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r sayso.SpeakerRef
			var typ string
			if err := rows.Scan(&r.ID, &r.Name, &typ); err != nil {
				return err
			}
			r.Type = sayso.SpeakerType(typ)
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, internal(fmt.Errorf("find speakers %q: %w", text, err))
	}
	return out, nil
}

// FindOutlets returns up to limit outlets whose domain or name contains
// text, case-insensitively.
func (s *Store) FindOutlets(ctx context.Context, text string, limit int) ([]sayso.OutletRef, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, nil
	}
	if out, ok, err := s.findOutlets(ctx, text, limit); ok || err != nil {
		if err != nil {
			return nil, internal(fmt.Errorf("find outlets %q: %w", text, err))
		}
		return out, nil
	}
	var out []sayso.OutletRef
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		pat := "%" + likeEscape(strings.ToLower(text)) + "%"
		rows, err := tx.QueryContext(ctx, s.q(`SELECT host, name FROM outlets
			WHERE host LIKE ? ESCAPE '\' OR lower(name) LIKE ? ESCAPE '\' ORDER BY length(host), host LIMIT ?`), pat, pat, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r sayso.OutletRef
			if err := rows.Scan(&r.Host, &r.Name); err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, internal(fmt.Errorf("find outlets %q: %w", text, err))
	}
	return out, nil
}

// Trace returns the quote trace id (as TraceQuote and TraceArticle name
// it) with every appearance. ENOTFOUND when no stored quote has it.
func (s *Store) Trace(ctx context.Context, id int64) (*sayso.QuoteTrace, error) {
	var out *sayso.QuoteTrace
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		if err := s.provenanceReady(ctx, tx); err != nil {
			return err
		}
		us, err := queryUnits(ctx, tx, s.q(`SELECT `+unitColumns+unitFrom+`WHERE u.trace = ? ORDER BY u.id`), id)
		if err != nil {
			return err
		}
		if len(us) == 0 {
			return sayso.Errorf(sayso.ENOTFOUND, "no quote trace %d", id)
		}
		r := &traceReader{s: s, ctx: ctx, tx: tx, texts: map[int64]string{}}
		out, err = r.build(id, us)
		return err
	})
	if err != nil {
		return nil, internal(fmt.Errorf("trace %d: %w", id, err))
	}
	return out, nil
}

// boundedCount runs a count query whose last argument is the bound and
// says whether the count reached it.
func boundedCount(ctx context.Context, tx *sql.Tx, query string, args ...any) (int, bool, error) {
	var n int
	if err := tx.QueryRowContext(ctx, query, append(args, profileCountMax+1)...).Scan(&n); err != nil {
		return 0, false, err
	}
	if n > profileCountMax {
		return profileCountMax, true, nil
	}
	return n, false, nil
}

// counter counts keys and lists them most frequent first.
type counter map[string]int

func (c counter) top(n int) []sayso.Count {
	out := make([]sayso.Count, 0, len(c))
	for k, v := range c {
		out = append(out, sayso.Count{Key: k, N: v})
	}
	slices.SortFunc(out, func(a, b sayso.Count) int {
		return cmp.Or(b.N-a.N, strings.Compare(a.Key, b.Key))
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// SpeakerProfile returns what the store knows of speaker id. ENOTFOUND
// when there is no such speaker.
func (s *Store) SpeakerProfile(ctx context.Context, id int64) (*sayso.SpeakerProfile, error) {
	p := &sayso.SpeakerProfile{}
	var statementIDs []int64
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var typ string
		err := tx.QueryRowContext(ctx, s.q(`SELECT id, name, type FROM speakers WHERE id = ? AND name <> ''`), id).
			Scan(&p.ID, &p.Name, &typ)
		if err == sql.ErrNoRows {
			return sayso.Errorf(sayso.ENOTFOUND, "no speaker %d", id)
		} else if err != nil {
			return err
		}
		p.Type = sayso.SpeakerType(typ)
		p.Attributions, p.MoreThan, err = boundedCount(ctx, tx,
			s.q(`SELECT count(*) FROM (SELECT 1 FROM attributions WHERE speaker_id = ? LIMIT ?) x`), id)
		if err != nil {
			return err
		}
		// The latest statements by attribution id (the speaker index
		// holds the ids in order); then their articles' dates and outlets,
		// each article read once (200 statements come from about 95).
		type statement struct {
			id, article int64
			role        string
		}
		var stmts []statement
		rows, err := tx.QueryContext(ctx, s.q(`SELECT id, article_id, coalesce(role, '')
			FROM attributions WHERE speaker_id = ? ORDER BY id DESC LIMIT ?`), id, speakerSample)
		if err != nil {
			return err
		}
		for rows.Next() {
			var st statement
			if err := rows.Scan(&st.id, &st.article, &st.role); err != nil {
				rows.Close()
				return err
			}
			stmts = append(stmts, st)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
		type source struct {
			published sql.NullInt64
			host      string
			found     bool
		}
		sources := map[int64]source{}
		var articles []int64
		for _, st := range stmts {
			if _, ok := sources[st.article]; !ok {
				sources[st.article] = source{}
				articles = append(articles, st.article)
			}
		}
		err = eachRow(ctx, tx, s.q, `SELECT a.id, a.published_unix, o.host FROM articles a
			JOIN pages p ON p.id = a.id JOIN outlets o ON o.id = p.outlet_id WHERE a.id IN (%s)`, articles,
			func(rows *sql.Rows) error {
				var aid int64
				src := source{found: true}
				if err := rows.Scan(&aid, &src.published, &src.host); err != nil {
					return err
				}
				sources[aid] = src
				return nil
			})
		if err != nil {
			return err
		}
		roles, months, outlets := counter{}, counter{}, counter{}
		for _, st := range stmts {
			src := sources[st.article]
			if !src.found { // an article without its page or outlet, as the join left out
				continue
			}
			p.Sample++
			if st.role != "" {
				roles[st.role]++
			}
			if src.published.Valid {
				months[time.Unix(src.published.Int64, 0).UTC().Format("2006-01")]++
			}
			outlets[src.host]++
			if len(statementIDs) < statementsShown {
				statementIDs = append(statementIDs, st.id)
			}
		}
		p.Roles, p.Outlets = roles.top(profileTop), outlets.top(profileTop)
		p.Months = months.top(0)
		slices.SortFunc(p.Months, func(a, b sayso.Count) int { return strings.Compare(a.Key, b.Key) })
		return nil
	})
	if err != nil {
		return nil, internal(fmt.Errorf("speaker %d: %w", id, err))
	}
	p.Statements, err = s.QuotesByID(ctx, statementIDs)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// QuotesByID returns the stored attributions ids, in the order given,
// with their articles' context; ids not stored are left out.
func (s *Store) QuotesByID(ctx context.Context, ids []int64) ([]sayso.Quote, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	byID := map[int64]sayso.Quote{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var qrs []*quoteRow
		err := eachRow(ctx, tx, s.q, `SELECT `+quoteColumns+`
			FROM attributions t JOIN articles a ON a.id = t.article_id
			JOIN pages p ON p.id = a.id
			JOIN outlets o ON o.id = p.outlet_id
			LEFT JOIN speakers s ON s.id = t.speaker_id
			WHERE t.id IN (%s)`, ids, func(rows *sql.Rows) error {
			qr, err := scanQuote(rows)
			if err != nil {
				return err
			}
			qrs = append(qrs, qr)
			return nil
		})
		if err != nil {
			return err
		}
		qs, err := s.finishQuotes(ctx, tx, qrs)
		for _, q := range qs {
			byID[q.ID] = q
		}
		return err
	})
	if err != nil {
		return nil, internal(fmt.Errorf("quotes by id: %w", err))
	}
	out := make([]sayso.Quote, 0, len(ids))
	for _, id := range ids {
		if q, ok := byID[id]; ok {
			out = append(out, q)
		}
	}
	return out, nil
}

// SpeakerQuotes returns the latest stored attributions to speaker id
// (by attribution id, which the speaker index holds in order), at most
// limit.
func (s *Store) SpeakerQuotes(ctx context.Context, id int64, limit int) ([]sayso.Quote, error) {
	var ids []int64
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		ids, err = listIDs(ctx, tx, s.q(`SELECT id FROM attributions WHERE speaker_id = ? ORDER BY id DESC LIMIT ?`), id, limit)
		return err
	})
	if err != nil {
		return nil, internal(fmt.Errorf("quotes of speaker %d: %w", id, err))
	}
	return s.QuotesByID(ctx, ids)
}

// latestQuoteMatcher is a Dialect that can list the quote index's
// matches newest first without ranking or counting them.
type latestQuoteMatcher interface {
	// LatestQuoteMatches selects up to ?2 attribution ids whose content
	// matches ?1 (the Match form), greatest id first.
	LatestQuoteMatches() string
}

// MatchQuotes returns up to limit of the latest stored attributions
// whose content matches the full-text query text. With a dialect that
// lists matches newest first it reads only those; otherwise it is Quotes
// with Text. EINVALID for a query Search would refuse.
func (s *Store) MatchQuotes(ctx context.Context, text string, limit int) ([]sayso.Quote, error) {
	lq, ok := s.d.(latestQuoteMatcher)
	if !ok {
		return s.Quotes(ctx, sayso.QuoteQuery{Text: text, Limit: limit})
	}
	q, err := ParseQuery(text)
	if err != nil {
		return nil, err
	}
	var ids []int64
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		ids, err = listIDs(ctx, tx, s.q(lq.LatestQuoteMatches()), s.d.Match(q), limit)
		return err
	})
	if err != nil {
		return nil, internal(fmt.Errorf("match quotes %q: %w", text, err))
	}
	return s.QuotesByID(ctx, ids)
}

// latestArticleMatcher is a Dialect that can list the article index's
// matches newest first without ranking them.
type latestArticleMatcher interface {
	// LatestArticleMatches selects up to ?2 article ids whose title or
	// text matches ?1 (the Match form), greatest id first.
	LatestArticleMatches() string
}

// LatestArticles returns up to limit of the most recently stored
// articles matching the full-text query text, newest first, each with
// a snippet (Rank 0). It reads only those, so a word in every article
// costs what a rare one does; without a dialect that can, it is Search.
// EINVALID for a query Search would refuse.
func (s *Store) LatestArticles(ctx context.Context, text string, limit int) ([]sayso.SearchHit, error) {
	la, ok := s.d.(latestArticleMatcher)
	if !ok {
		return s.Search(ctx, sayso.SearchQuery{Text: text, Limit: limit})
	}
	q, err := ParseQuery(text)
	if err != nil {
		return nil, err
	}
	var hits []sayso.SearchHit
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		ids, err := listIDs(ctx, tx, s.q(la.LatestArticleMatches()), s.d.Match(q), limit)
		if err != nil {
			return err
		}
		for _, id := range ids {
			hits = append(hits, sayso.SearchHit{ArticleID: id})
		}
		return s.describeHits(ctx, tx, hits, q)
	})
	if err != nil {
		return nil, internal(fmt.Errorf("latest articles %q: %w", text, err))
	}
	return hits, nil
}
