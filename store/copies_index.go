package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/trace"
)

// copyDoc is what the copy index keeps of an article.
type copyDoc struct {
	id       int64
	shingles int
	sig      trace.Signature
}

// indexCopies adds article id (its text cached) to the copy index: its
// signature and band keys are stored, its candidates (articles sharing a
// band) are checked — by signature, then exactly — and the clusters of
// those it copies are merged with it.
func (w *writer) indexCopies(id int64) error {
	sh, err := w.shingles(id)
	if err != nil || len(sh) == 0 {
		return err
	}
	doc := copyDoc{id: id, shingles: len(sh), sig: trace.Sign(sh)}
	bands := doc.sig.Bands()
	cands, err := queryIDs(w.ctx, w, w.s.q, `SELECT article_id FROM copy_bands WHERE band IN (%s)`, bands)
	if err != nil {
		return fmt.Errorf("candidates: %w", err)
	}
	sigBlob, _ := doc.sig.MarshalBinary()
	if err := w.exec(`INSERT INTO copy_docs (article_id, shingles, signature) VALUES (?, ?, ?)`, id, len(sh), sigBlob); err != nil {
		return err
	}
	rows := make([][]any, len(bands))
	for i, b := range bands {
		rows[i] = []any{b, id}
	}
	if err := w.insertRows("copy_bands", []string{"band", "article_id"}, rows); err != nil {
		return err
	}
	cands = slices.DeleteFunc(slices.Compact(sorted(cands)), func(c int64) bool { return c == id })
	if len(cands) == 0 {
		return nil
	}
	docs, err := w.copyDocs(cands)
	if err != nil {
		return err
	}
	var plausible []int64
	for _, c := range docs {
		if trace.Plausible(&doc.sig, &c.sig, doc.shingles, c.shingles) {
			plausible = append(plausible, c.id)
		}
	}
	if len(plausible) == 0 {
		return nil
	}
	clusters, err := w.clustersOf(plausible)
	if err != nil {
		return err
	}
	// Check the candidates cluster by cluster: one copy in a cluster joins
	// the whole of it.
	var joined []int64 // clusters joined
	var singles []int64
	done := map[int64]bool{}
	for _, c := range plausible {
		cl, inCluster := clusters[c]
		if inCluster && done[cl] {
			continue
		}
		other, err := w.shingles(c)
		if err != nil {
			return err
		}
		if !trace.Compare(sh, other).IsCopy() {
			continue
		}
		if inCluster {
			done[cl] = true
			joined = append(joined, cl)
		} else {
			singles = append(singles, c)
		}
	}
	if len(joined) == 0 && len(singles) == 0 {
		return nil
	}
	return w.mergeClusters(id, joined, singles)
}

// sorted sorts ids in place and returns them.
func sorted(ids []int64) []int64 {
	slices.Sort(ids)
	return ids
}

// copyDocs reads the signatures of articles ids, in id order.
func (w *writer) copyDocs(ids []int64) ([]copyDoc, error) {
	var out []copyDoc
	err := eachRow(w.ctx, w, w.s.q, `SELECT article_id, shingles, signature FROM copy_docs
			WHERE article_id IN (%s) ORDER BY article_id`, ids, func(rows *sql.Rows) error {
		var d copyDoc
		var blob []byte
		if err := rows.Scan(&d.id, &d.shingles, &blob); err != nil {
			return err
		}
		if err := d.sig.UnmarshalBinary(blob); err != nil {
			return fmt.Errorf("article %d signature: %w", d.id, err)
		}
		out = append(out, d)
		return nil
	})
	return out, err
}

// clustersOf returns the cluster of each of ids that is in one.
func (w *writer) clustersOf(ids []int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	err := eachRow(w.ctx, w, w.s.q, `SELECT article_id, cluster FROM copy_members WHERE article_id IN (%s)`, ids, func(rows *sql.Rows) error {
		var a, c int64
		if err := rows.Scan(&a, &c); err != nil {
			return err
		}
		out[a] = c
		return nil
	})
	return out, err
}

// members returns the articles of a cluster, in id order.
func (w *writer) members(cluster int64) ([]int64, error) {
	return listIDs(w.ctx, w, `SELECT article_id FROM copy_members WHERE cluster = ? ORDER BY article_id`, cluster)
}

// mergeClusters makes one cluster of article id, the clusters joined and
// the articles singles, named after its least member, and chooses its
// original.
func (w *writer) mergeClusters(id int64, joined, singles []int64) error {
	all := append([]int64{id}, singles...)
	for _, c := range joined {
		ms, err := w.members(c)
		if err != nil {
			return err
		}
		all = append(all, ms...)
	}
	cluster := slices.Min(all)
	for _, c := range joined {
		if c == cluster {
			continue
		}
		if err := w.exec(`UPDATE copy_members SET cluster = ? WHERE cluster = ?`, cluster, c); err != nil {
			return err
		}
		if err := w.exec(`DELETE FROM copy_clusters WHERE id = ?`, c); err != nil {
			return err
		}
	}
	for _, a := range append([]int64{id}, singles...) {
		if err := w.exec(`INSERT INTO copy_members (article_id, cluster) VALUES (?, ?)`, a, cluster); err != nil {
			return err
		}
	}
	slices.Sort(all)
	return w.chooseOriginal(cluster, all)
}

// chooseOriginal names the original of the cluster of members (sorted)
// from their credits, canonical links and dates.
func (w *writer) chooseOriginal(cluster int64, members []int64) error {
	ms, err := originMembers(w.ctx, w, w.s.q, members)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		return nil
	}
	best, ev := trace.ChooseOriginal(ms)
	evidence, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	return w.exec(`INSERT INTO copy_clusters (id, original_id, evidence) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET original_id = excluded.original_id, evidence = excluded.evidence`,
		cluster, ms[best].ID, string(evidence))
}

// unindexCopies takes article id out of the copy index. When it was in a
// cluster, the rest of the cluster is split into the components its
// remaining members make.
func (w *writer) unindexCopies(id int64) error {
	var n int
	var blob []byte
	err := w.tx.QueryRowContext(w.ctx, w.s.q(`SELECT shingles, signature FROM copy_docs WHERE article_id = ?`), id).Scan(&n, &blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	var sig trace.Signature
	if err := sig.UnmarshalBinary(blob); err != nil {
		return fmt.Errorf("article %d signature: %w", id, err)
	}
	for _, b := range sig.Bands() {
		if err := w.exec(`DELETE FROM copy_bands WHERE band = ? AND article_id = ?`, b, id); err != nil {
			return err
		}
	}
	if err := w.exec(`DELETE FROM copy_docs WHERE article_id = ?`, id); err != nil {
		return err
	}
	clusters, err := w.clustersOf([]int64{id})
	if err != nil {
		return err
	}
	cluster, ok := clusters[id]
	if !ok {
		return nil
	}
	rest, err := w.members(cluster)
	if err != nil {
		return err
	}
	rest = slices.DeleteFunc(rest, func(a int64) bool { return a == id })
	if err := w.exec(`DELETE FROM copy_members WHERE cluster = ?`, cluster); err != nil {
		return err
	}
	if err := w.exec(`DELETE FROM copy_clusters WHERE id = ?`, cluster); err != nil {
		return err
	}
	return w.regroup(rest)
}

// regroup makes clusters of the components of articles ids (the rest of
// a cluster that lost a member): two are linked on the same conditions
// as when they were indexed — a shared band, plausible signatures and
// the exact check.
func (w *writer) regroup(ids []int64) error {
	if len(ids) < 2 {
		return nil
	}
	docs, err := w.copyDocs(ids)
	if err != nil {
		return err
	}
	byID := map[int64]*copyDoc{}
	for i := range docs {
		byID[docs[i].id] = &docs[i]
	}
	var failed error
	comps := trace.Components(ids, func(a, b int64) bool {
		da, db := byID[a], byID[b]
		if failed != nil || da == nil || db == nil || !trace.ShareBand(&da.sig, &db.sig) ||
			!trace.Plausible(&da.sig, &db.sig, da.shingles, db.shingles) {
			return false
		}
		sa, err := w.shingles(a)
		if err != nil {
			failed = err
			return false
		}
		sb, err := w.shingles(b)
		if err != nil {
			failed = err
			return false
		}
		return trace.Compare(sa, sb).IsCopy()
	})
	if failed != nil {
		return failed
	}
	for _, comp := range comps {
		if len(comp) < 2 {
			continue
		}
		for _, a := range comp {
			if err := w.exec(`INSERT INTO copy_members (article_id, cluster) VALUES (?, ?)`, a, comp[0]); err != nil {
				return err
			}
		}
		if err := w.chooseOriginal(comp[0], comp); err != nil {
			return err
		}
	}
	return nil
}

// originMembers reads what choosing an original needs of articles ids:
// addresses, outlet, publisher, canonical link, date and credits.
func originMembers(ctx context.Context, q queryer, rebind func(string) string, ids []int64) ([]trace.Member, error) {
	var ms []trace.Member
	byID := map[int64]int{}
	err := eachRow(ctx, q, rebind, `SELECT a.id, p.url, p.final_url, a.url, a.canonical_url, a.publisher,
			a.published, o.host FROM articles a JOIN pages p ON p.id = a.id JOIN outlets o ON o.id = p.outlet_id
			WHERE a.id IN (%s) ORDER BY a.id`, ids, func(rows *sql.Rows) error {
		var m trace.Member
		var reqURL, artURL string
		var canonical, publisher, published sql.NullString
		if err := rows.Scan(&m.ID, &reqURL, &m.URL, &artURL, &canonical, &publisher, &published, &m.Outlet); err != nil {
			return err
		}
		m.Canonical, m.Publisher, m.Published = canonical.String, publisher.String, parseTime(published)
		for _, u := range []string{reqURL, m.URL, artURL, sameOutletCanonical(m.Canonical, m.URL)} {
			if u != "" {
				m.Addresses = append(m.Addresses, normURL(u))
			}
		}
		byID[m.ID] = len(ms)
		ms = append(ms, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, q, rebind, `SELECT article_id, kind, text, outlet, url FROM credits
			WHERE article_id IN (%s) ORDER BY article_id, seq`, ids, func(rows *sql.Rows) error {
		var id int64
		var c sayso.Credit
		var kind string
		var u sql.NullString
		if err := rows.Scan(&id, &kind, &c.Text, &c.Outlet, &u); err != nil {
			return err
		}
		if i, ok := byID[id]; ok {
			c.Kind, c.URL = sayso.CreditKind(kind), u.String
			ms[i].Credits = append(ms[i].Credits, c)
		}
		return nil
	})
	return ms, err
}
