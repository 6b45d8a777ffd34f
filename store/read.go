package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
)

// Known implements sayso.Store.
func (s *Store) Known(ctx context.Context, urls []string) ([]bool, error) {
	out := make([]bool, len(urls))
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, s.q(`SELECT 1 FROM urls WHERE url = ?`))
		if err != nil {
			return err
		}
		defer st.Close()
		for i, u := range urls {
			var one int
			err := st.QueryRowContext(ctx, normURL(u)).Scan(&one)
			switch {
			case err == nil:
				out[i] = true
			case !errors.Is(err, sql.ErrNoRows):
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, internal(fmt.Errorf("known: %w", err))
	}
	return out, nil
}

// Pages implements sayso.Store.
func (s *Store) Pages(ctx context.Context, afterID int64, limit int) ([]*sayso.StoredPage, error) {
	if limit <= 0 {
		limit = 100
	}
	var pages []*sayso.StoredPage
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(`SELECT p.id, p.url, p.final_url, p.source, p.status_code, r.header,
			p.redirects, p.fetched_at, r.body, p.state FROM pages p JOIN raw_pages r ON r.page_id = p.id
			WHERE p.id > ? ORDER BY p.id LIMIT ?`), afterID, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				sp        sayso.StoredPage
				p         sayso.Page
				header    []byte
				redirects sql.NullString
				fetched   int64
				body      []byte
				state     string
			)
			if err := rows.Scan(&sp.ID, &p.URL, &p.FinalURL, &sp.Source, &p.StatusCode, &header, &redirects,
				&fetched, &body, &state); err != nil {
				return err
			}
			if err := decompressJSON(header, &p.Header); err != nil {
				return fmt.Errorf("page %d header: %w", sp.ID, err)
			}
			if p.Header == nil {
				p.Header = http.Header{}
			}
			if redirects.Valid {
				if err := jsonUnmarshal(redirects.String, &p.Redirects); err != nil {
					return fmt.Errorf("page %d redirects: %w", sp.ID, err)
				}
			}
			p.FetchedAt = time.UnixMilli(fetched).UTC()
			if p.Body, err = decompress(body); err != nil {
				return fmt.Errorf("page %d body: %w", sp.ID, err)
			}
			sp.Page = &p
			sp.State = sayso.PageState(state)
			pages = append(pages, &sp)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, internal(fmt.Errorf("pages: %w", err))
	}
	return pages, nil
}

// FeedState implements sayso.Store.
func (s *Store) FeedState(ctx context.Context, url string) (sayso.Validators, error) {
	var etag, modified sql.NullString
	err := s.db.QueryRowContext(ctx, s.q(`SELECT etag, last_modified FROM feeds WHERE url = ?`), normURL(url)).Scan(&etag, &modified)
	if errors.Is(err, sql.ErrNoRows) {
		return sayso.Validators{}, nil
	}
	if err != nil {
		return sayso.Validators{}, internal(fmt.Errorf("feed state %s: %w", url, err))
	}
	return sayso.Validators{ETag: etag.String, LastModified: modified.String}, nil
}

// SetFeedState implements sayso.Store.
func (s *Store) SetFeedState(ctx context.Context, url string, v sayso.Validators) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO feeds (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
		checked_at = excluded.checked_at`), normURL(url), nullString(v.ETag), nullString(v.LastModified), s.now().UnixMilli())
	if err != nil {
		return internal(fmt.Errorf("set feed state %s: %w", url, err))
	}
	return nil
}

// Stats implements sayso.Store.
func (s *Store) Stats(ctx context.Context) (sayso.StoreStats, error) {
	var st sayso.StoreStats
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT state, count(*) FROM pages GROUP BY state`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var state string
			var n int
			if err := rows.Scan(&state, &n); err != nil {
				rows.Close()
				return err
			}
			st.Pages += n
			switch sayso.PageState(state) {
			case sayso.StateNoArticle:
				st.NoArticle = n
			case sayso.StateFailed:
				st.Failed = n
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, c := range []struct {
			dst   *int
			query string
		}{
			{&st.Articles, `SELECT count(*) FROM articles`},
			{&st.Attributions, `SELECT count(*) FROM attributions`},
			{&st.Speakers, `SELECT count(*) FROM speakers WHERE name <> ''`},
			{&st.Outlets, `SELECT count(*) FROM outlets`},
		} {
			if err := tx.QueryRowContext(ctx, c.query).Scan(c.dst); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return st, internal(fmt.Errorf("stats: %w", err))
	}
	return st, nil
}

// Speakers implements sayso.Store.
func (s *Store) Speakers(ctx context.Context) ([]sayso.SpeakerStats, error) {
	var out []sayso.SpeakerStats
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT s.id, s.name, s.type, count(t.id), count(DISTINCT t.article_id),
			coalesce(s.identity, 0), coalesce(i.name, '')
			FROM speakers s LEFT JOIN attributions t ON t.speaker_id = s.id
			LEFT JOIN speaker_identities i ON i.id = s.identity
			WHERE s.name <> '' GROUP BY s.id, s.name, s.type, s.identity, i.name ORDER BY count(t.id) DESC, s.name`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sp sayso.SpeakerStats
			var typ string
			if err := rows.Scan(&sp.ID, &sp.Name, &typ, &sp.Attributions, &sp.Articles, &sp.Identity, &sp.IdentityName); err != nil {
				return err
			}
			sp.Type = sayso.SpeakerType(typ)
			out = append(out, sp)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, internal(fmt.Errorf("speakers: %w", err))
	}
	return out, nil
}

// Search implements sayso.Store.
func (s *Store) Search(ctx context.Context, sq sayso.SearchQuery) ([]sayso.SearchHit, error) {
	q, err := ParseQuery(sq.Text)
	if err != nil {
		return nil, err
	}
	limit := sq.Limit
	if limit <= 0 {
		limit = 20
	}
	var hits []sayso.SearchHit
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(s.d.SearchArticles()), s.d.Match(q), limit, max(sq.Offset, 0))
		if err != nil {
			return err
		}
		for rows.Next() {
			var h sayso.SearchHit
			if err := rows.Scan(&h.ArticleID, &h.Rank); err != nil {
				rows.Close()
				return err
			}
			hits = append(hits, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		return s.describeHits(ctx, tx, hits, q)
	})
	if err != nil {
		return nil, internal(fmt.Errorf("search %q: %w", sq.Text, err))
	}
	return hits, nil
}

// likeEscape escapes LIKE wildcards with a backslash.
func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

func nullPtr(n sql.NullString) *string {
	if !n.Valid {
		return nil
	}
	return &n.String
}

func parseTime(n sql.NullString) *time.Time {
	if !n.Valid || n.String == "" {
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, n.String)
	if err != nil {
		return nil
	}
	return &t
}

// Article implements sayso.Store: ref is an article id or a page address.
func (s *Store) Article(ctx context.Context, ref string) (*sayso.StoredArticle, error) {
	ref = strings.TrimSpace(ref)
	var out *sayso.StoredArticle
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		id, err := s.pageRef(ctx, tx, ref)
		if err != nil {
			return err
		}
		arts, err := s.loadArticles(ctx, tx, id, id)
		if err != nil {
			return err
		}
		if len(arts) == 0 {
			return s.noArticle(ctx, tx, id, ref)
		}
		out = arts[0]
		return nil
	})
	if err != nil {
		return nil, internal(fmt.Errorf("article %s: %w", ref, err))
	}
	return out, nil
}

// pageRef returns the id of the page ref names: an id, or an address it
// is stored under. ENOTFOUND when no page has the address.
func (s *Store) pageRef(ctx context.Context, tx *sql.Tx, ref string) (int64, error) {
	id, err := strconv.ParseInt(ref, 10, 64)
	if err == nil {
		return id, nil
	}
	err = tx.QueryRowContext(ctx, s.q(`SELECT page_id FROM urls WHERE url = ?`), normURL(ref)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, sayso.Errorf(sayso.ENOTFOUND, "no stored page at %s", ref)
	}
	return id, err
}

// noArticle returns the ENOTFOUND error for page id (named ref) that
// carries no article: saying why when the page is stored.
func (s *Store) noArticle(ctx context.Context, tx *sql.Tx, id int64, ref string) error {
	var state string
	var msg sql.NullString
	err := tx.QueryRowContext(ctx, s.q(`SELECT state, error FROM pages WHERE id = ?`), id).Scan(&state, &msg)
	if err == nil {
		return sayso.Errorf(sayso.ENOTFOUND, "page %d (%s) has no article: %s %s", id, ref, state, msg.String)
	}
	return sayso.Errorf(sayso.ENOTFOUND, "no stored article %s", ref)
}

// articleRef returns the id of the article ref names (see pageRef).
// ENOTFOUND when there is none.
func (s *Store) articleRef(ctx context.Context, tx *sql.Tx, ref string) (int64, error) {
	id, err := s.pageRef(ctx, tx, ref)
	if err != nil {
		return 0, err
	}
	var one int
	err = tx.QueryRowContext(ctx, s.q(`SELECT 1 FROM articles WHERE id = ?`), id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, s.noArticle(ctx, tx, id, ref)
	}
	return id, err
}

// Articles implements sayso.Store.
func (s *Store) Articles(ctx context.Context, afterID int64, limit int) ([]*sayso.StoredArticle, error) {
	if limit <= 0 {
		limit = 100
	}
	var out []*sayso.StoredArticle
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var last sql.NullInt64
		err := tx.QueryRowContext(ctx, s.q(`SELECT max(id) FROM (SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?) x`),
			afterID, limit).Scan(&last)
		if err != nil || !last.Valid {
			return err
		}
		out, err = s.loadArticles(ctx, tx, afterID+1, last.Int64)
		return err
	})
	if err != nil {
		return nil, internal(fmt.Errorf("articles after %d: %w", afterID, err))
	}
	return out, nil
}

func jsonUnmarshal(s string, v any) error {
	return jsonUnmarshalBytes([]byte(s), v)
}

// describeHits fills in each hit's article (address, title, outlet, date)
// and its snippet for q, from the hit's ArticleID.
func (s *Store) describeHits(ctx context.Context, tx *sql.Tx, hits []sayso.SearchHit, q Query) error {
	for i := range hits {
		h := &hits[i]
		var published sql.NullString
		var blob []byte
		if err := tx.QueryRowContext(ctx, s.q(`SELECT a.url, a.title, o.host, a.published, a.text
			FROM articles a JOIN pages p ON p.id = a.id JOIN outlets o ON o.id = p.outlet_id WHERE a.id = ?`), h.ArticleID).
			Scan(&h.URL, &h.Title, &h.Outlet, &published, &blob); err != nil {
			return err
		}
		text, err := decompressText(blob)
		if err != nil {
			return fmt.Errorf("article %d text: %w", h.ArticleID, err)
		}
		h.Published = parseTime(published)
		h.Snippet = Snippet(text, q)
	}
	return nil
}
