package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
)

// maxProfiles bounds how many speakers one profile query returns.
const maxProfiles = 20

// SpeakerIdentities returns the attributed speakers with a name holding
// name (case ignored), each with all the names of its identity, its roles, its
// attributions by month and the outlets quoting it; most attributed first,
// at most 20. A store whose identities are not built yet (made before
// them: run "sayso reindex") answers name by name.
func (s *Store) SpeakerIdentities(ctx context.Context, name string) ([]sayso.SpeakerIdentity, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, sayso.Errorf(sayso.EINVALID, "speaker: give a name")
	}
	var out []sayso.SpeakerIdentity
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		ids, err := listIDs(ctx, tx, s.q(`SELECT DISTINCT coalesce(identity, id) FROM speakers
			WHERE name <> '' AND lower(name) LIKE ? ESCAPE '\'`), "%"+likeEscape(strings.ToLower(name))+"%")
		if err != nil {
			return err
		}
		for _, id := range ids {
			p, err := s.profile(ctx, tx, id)
			if err != nil {
				return fmt.Errorf("identity %d: %w", id, err)
			}
			if p.Attributions > 0 {
				out = append(out, p) // not a name only mentioned
			}
		}
		return nil
	})
	if err != nil {
		return nil, internal(fmt.Errorf("speaker %q: %w", name, err))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Attributions != out[j].Attributions {
			return out[i].Attributions > out[j].Attributions
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > maxProfiles {
		out = out[:maxProfiles]
	}
	return out, nil
}

// profile reads the profile of identity id.
func (s *Store) profile(ctx context.Context, tx *sql.Tx, id int64) (sayso.SpeakerIdentity, error) {
	p := sayso.SpeakerIdentity{Identity: id}
	const members = `(SELECT id FROM speakers WHERE identity = ? OR (identity IS NULL AND id = ?))`
	var typ string
	err := tx.QueryRowContext(ctx, s.q(`SELECT coalesce(i.name, s.name), s.type FROM speakers s
		LEFT JOIN speaker_identities i ON i.id = s.identity WHERE s.id = ?`), id).Scan(&p.Name, &typ)
	if err != nil {
		return p, err
	}
	p.Type = sayso.SpeakerType(typ)
	rows, err := tx.QueryContext(ctx, s.q(`SELECT s.name, count(t.id) FROM speakers s
		LEFT JOIN attributions t ON t.speaker_id = s.id WHERE s.id IN `+members+`
		GROUP BY s.name ORDER BY count(t.id) DESC, s.name`), id, id)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var n sayso.NameCount
		if err := rows.Scan(&n.Name, &n.Count); err != nil {
			rows.Close()
			return p, err
		}
		p.Names = append(p.Names, n)
		p.Attributions += n.Count
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	if err := tx.QueryRowContext(ctx, s.q(`SELECT count(DISTINCT article_id) FROM attributions
		WHERE speaker_id IN `+members), id, id).Scan(&p.Articles); err != nil {
		return p, err
	}
	rows, err = tx.QueryContext(ctx, s.q(`SELECT t.role, count(*), min(a.published_unix), max(a.published_unix)
		FROM attributions t JOIN articles a ON a.id = t.article_id
		WHERE t.speaker_id IN `+members+` AND t.role IS NOT NULL AND t.role <> ''
		GROUP BY t.role ORDER BY count(*) DESC, t.role LIMIT 50`), id, id)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var r sayso.RoleSeen
		var first, last sql.NullInt64
		if err := rows.Scan(&r.Role, &r.Count, &first, &last); err != nil {
			rows.Close()
			return p, err
		}
		r.First, r.Last = unixTime(first), unixTime(last)
		p.Roles = append(p.Roles, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	rows, err = tx.QueryContext(ctx, s.q(`SELECT substr(coalesce(a.published, ''), 1, 7), count(*)
		FROM attributions t JOIN articles a ON a.id = t.article_id
		WHERE t.speaker_id IN `+members+` GROUP BY substr(coalesce(a.published, ''), 1, 7) ORDER BY 1`), id, id)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var m sayso.MonthCount
		if err := rows.Scan(&m.Month, &m.Count); err != nil {
			rows.Close()
			return p, err
		}
		p.Months = append(p.Months, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	rows, err = tx.QueryContext(ctx, s.q(`SELECT o.host, count(*) FROM attributions t
		JOIN pages pg ON pg.id = t.article_id JOIN outlets o ON o.id = pg.outlet_id
		WHERE t.speaker_id IN `+members+` GROUP BY o.host ORDER BY count(*) DESC, o.host LIMIT 50`), id, id)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var n sayso.NameCount
		if err := rows.Scan(&n.Name, &n.Count); err != nil {
			return p, err
		}
		p.Outlets = append(p.Outlets, n)
	}
	return p, rows.Err()
}

// unixTime turns stored Unix seconds into a time, nil when absent.
func unixTime(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := time.Unix(v.Int64, 0).UTC()
	return &t
}
