package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/sayso-news/sayso"
)

// OutletProfile returns the attribution profile of the outlet host (a
// registrable domain) read from its latest stored articles. ENOTFOUND
// when no such outlet is stored.
func (s *Store) OutletProfile(ctx context.Context, host string) (*sayso.OutletProfile, error) {
	host = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(host)), "www.")
	p := &sayso.OutletProfile{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var oid int64
		err := tx.QueryRowContext(ctx, s.q(`SELECT id, host, name FROM outlets WHERE host = ?`), host).Scan(&oid, &p.Host, &p.Name)
		if err == sql.ErrNoRows {
			return sayso.Errorf(sayso.ENOTFOUND, "no outlet %q", host)
		} else if err != nil {
			return err
		}
		p.Articles, p.MoreThan, err = boundedCount(ctx, tx,
			s.q(`SELECT count(*) FROM (SELECT 1 FROM pages WHERE outlet_id = ? AND state = 'article' LIMIT ?) x`), oid)
		if err != nil {
			return err
		}
		ids, err := listIDs(ctx, tx, s.q(`SELECT id FROM pages WHERE outlet_id = ? AND state = 'article' ORDER BY id DESC LIMIT ?`),
			oid, outletSample)
		if err != nil {
			return err
		}
		p.Sample = len(ids)
		if len(ids) == 0 {
			return nil
		}
		if err := s.outletSourcing(ctx, tx, p, ids); err != nil {
			return err
		}
		if err := s.outletCopies(ctx, tx, p, ids); err != nil {
			return err
		}
		return eachRow(ctx, tx, s.q, `SELECT a.id, a.url, a.title, a.published FROM articles a WHERE a.id IN (%s) ORDER BY a.id DESC`,
			ids[:min(len(ids), statementsShown)], func(rows *sql.Rows) error {
				h := sayso.SearchHit{Outlet: p.Host}
				var pub sql.NullString
				if err := rows.Scan(&h.ArticleID, &h.URL, &h.Title, &pub); err != nil {
					return err
				}
				h.Published = parseTime(pub)
				p.Recent = append(p.Recent, h)
				return nil
			})
	})
	if err != nil {
		return nil, internal(fmt.Errorf("outlet %s: %w", host, err))
	}
	return p, nil
}

// outletSourcing counts the attributions by kind, anonymous sources,
// speakers and unattributed claims of the articles ids.
func (s *Store) outletSourcing(ctx context.Context, tx *sql.Tx, p *sayso.OutletProfile, ids []int64) error {
	speakers := counter{}
	st, err := tx.PrepareContext(ctx, s.q(`SELECT t.kind, coalesce(s.type, t.speaker_type, ''), coalesce(s.name, '')
		FROM attributions t LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.id BETWEEN ? AND ?`))
	if err != nil {
		return err
	}
	defer st.Close()
	for _, id := range ids {
		rows, err := st.QueryContext(ctx, id*maxAttributions, id*maxAttributions+maxAttributions-1)
		if err != nil {
			return err
		}
		for rows.Next() {
			var kind, typ, name string
			if err := rows.Scan(&kind, &typ, &name); err != nil {
				rows.Close()
				return err
			}
			switch sayso.AttributionKind(kind) {
			case sayso.Direct:
				p.Direct++
			case sayso.Indirect:
				p.Indirect++
			case sayso.Mixed:
				p.Mixed++
			}
			if sayso.SpeakerType(typ) == sayso.Anonymous {
				p.Anonymous++
			}
			if name != "" {
				speakers[name]++
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	p.TopSpeakers = speakers.top(profileTop)
	return eachRow(ctx, tx, s.q, `SELECT count(*) FROM claims WHERE article_id IN (%s)`, ids, func(rows *sql.Rows) error {
		var n int
		if err := rows.Scan(&n); err != nil {
			return err
		}
		p.Unattributed += n
		return nil
	})
}

// outletCopies counts, over the articles ids, the copies of other
// outlets' originals (by their outlet) and the other outlets' copies of
// originals among them.
func (s *Store) outletCopies(ctx context.Context, tx *sql.Tx, p *sayso.OutletProfile, ids []int64) error {
	from, by := counter{}, counter{}
	err := eachRow(ctx, tx, s.q, `SELECT m.article_id, m2.article_id, c.original_id, oo.host, om.host
		FROM copy_members m JOIN copy_clusters c ON c.id = m.cluster
		JOIN copy_members m2 ON m2.cluster = m.cluster
		JOIN pages po ON po.id = c.original_id JOIN outlets oo ON oo.id = po.outlet_id
		JOIN pages pm ON pm.id = m2.article_id JOIN outlets om ON om.id = pm.outlet_id
		WHERE m.article_id IN (%s) AND m2.article_id <> m.article_id`, ids, func(rows *sql.Rows) error {
		var aid, other, orig int64
		var origHost, otherHost string
		if err := rows.Scan(&aid, &other, &orig, &origHost, &otherHost); err != nil {
			return err
		}
		switch {
		case aid == orig && otherHost != p.Host:
			by[otherHost]++
		case aid != orig && other == orig && origHost != p.Host:
			from[origHost]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	p.CopiesFrom, p.CopiedBy = from.top(profileTop), by.top(profileTop)
	return nil
}
