package store

import (
	"database/sql"
	"fmt"
	"sort"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/trace"
)

// maxEvidence bounds the roles and outlets read for one speaker name when
// telling spelling variants apart: a few dozen say as much as thousands.
const maxEvidence = 64

// touchKey records that the identities of an identity key must be
// computed again before the transaction commits: a new name of it was
// stored.
func (w *writer) touchKey(key string) {
	if w.dirtyKeys == nil {
		w.dirtyKeys = map[string]bool{}
	}
	w.dirtyKeys[key] = true
}

// flushIdentities computes again the identities of every key touched by
// this transaction.
func (w *writer) flushIdentities() error {
	keys := make([]string, 0, len(w.dirtyKeys))
	for k := range w.dirtyKeys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := w.identitiesOf(k); err != nil {
			return fmt.Errorf("speaker identities of %q: %w", k, err)
		}
	}
	w.dirtyKeys = nil
	return nil
}

// identitiesOf groups the speaker names under identity key k into
// identities (trace.Identities) and records what changed.
func (w *writer) identitiesOf(k string) error {
	rows, err := w.tx.QueryContext(w.ctx, w.s.q(`SELECT s.id, s.name, s.type, s.identity, i.name
		FROM speakers s LEFT JOIN speaker_identities i ON i.id = s.identity
		WHERE s.ikey = ? ORDER BY s.id`), k)
	if err != nil {
		return err
	}
	var names []trace.SpeakerName
	var old []sql.NullInt64
	oldName := map[int64]string{}
	for rows.Next() {
		var n trace.SpeakerName
		var typ string
		var ident sql.NullInt64
		var iname sql.NullString
		if err := rows.Scan(&n.ID, &n.Name, &typ, &ident, &iname); err != nil {
			rows.Close()
			return err
		}
		n.Type = sayso.SpeakerType(typ)
		names = append(names, n)
		old = append(old, ident)
		if ident.Valid && iname.Valid {
			oldName[ident.Int64] = iname.String
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	var evErr error
	groups := trace.Identities(names, func(id int64) trace.Evidence {
		ev, err := w.evidence(id)
		if err != nil && evErr == nil {
			evErr = err
		}
		return ev
	})
	if evErr != nil {
		return evErr
	}
	kept := map[int64]bool{}
	for _, g := range groups {
		id := names[g[0]].ID // groups are sorted, names by id
		kept[id] = true
		name := trace.DisplayName(names, g, nil)
		if prev, ok := oldName[id]; !ok || prev != name {
			if err := w.exec(`INSERT INTO speaker_identities (id, name, type) VALUES (?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type`, id, name, string(names[g[0]].Type)); err != nil {
				return err
			}
		}
		for _, i := range g {
			if old[i].Valid && old[i].Int64 == id {
				continue
			}
			if err := w.exec(`UPDATE speakers SET identity = ? WHERE id = ?`, id, names[i].ID); err != nil {
				return err
			}
		}
	}
	for id := range oldName {
		if !kept[id] {
			if err := w.exec(`DELETE FROM speaker_identities WHERE id = ?`, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// evidence reads the roles and outlets of the attributions to speaker id.
func (w *writer) evidence(id int64) (trace.Evidence, error) {
	var ev trace.Evidence
	rows, err := w.tx.QueryContext(w.ctx, w.s.q(`SELECT DISTINCT role FROM attributions
		WHERE speaker_id = ? AND role IS NOT NULL AND role <> '' LIMIT ?`), id, maxEvidence)
	if err != nil {
		return ev, err
	}
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			rows.Close()
			return ev, err
		}
		ev.Roles = append(ev.Roles, r)
	}
	rows.Close()
	rows, err = w.tx.QueryContext(w.ctx, w.s.q(`SELECT DISTINCT o.host FROM attributions t
		JOIN pages p ON p.id = t.article_id JOIN outlets o ON o.id = p.outlet_id
		WHERE t.speaker_id = ? LIMIT ?`), id, maxEvidence)
	if err != nil {
		return ev, err
	}
	defer rows.Close()
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return ev, err
		}
		ev.Outlets = append(ev.Outlets, h)
	}
	return ev, rows.Err()
}

// reindexIdentities fills the identity key of every speaker that has none
// (a store made before identities) and computes every key's identities
// again.
func (w *writer) reindexIdentities() error {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT id, name, type FROM speakers WHERE ikey IS NULL`)
	if err != nil {
		return err
	}
	type row struct {
		id  int64
		key string
	}
	var missing []row
	for rows.Next() {
		var id int64
		var name, typ string
		if err := rows.Scan(&id, &name, &typ); err != nil {
			rows.Close()
			return err
		}
		missing = append(missing, row{id, trace.IdentityKey(name, sayso.SpeakerType(typ))})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, m := range missing {
		if err := w.exec(`UPDATE speakers SET ikey = ? WHERE id = ?`, m.key, m.id); err != nil {
			return err
		}
	}
	if err := w.exec(`DELETE FROM speaker_identities`); err != nil {
		return err
	}
	if err := w.exec(`UPDATE speakers SET identity = NULL`); err != nil {
		return err
	}
	keys, err := w.tx.QueryContext(w.ctx, `SELECT DISTINCT ikey FROM speakers WHERE name <> ''`)
	if err != nil {
		return err
	}
	var all []string
	for keys.Next() {
		var k string
		if err := keys.Scan(&k); err != nil {
			keys.Close()
			return err
		}
		all = append(all, k)
	}
	keys.Close()
	if err := keys.Err(); err != nil {
		return err
	}
	for _, k := range all {
		w.touchKey(k)
	}
	return w.flushIdentities()
}
