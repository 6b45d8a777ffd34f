package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/trace"
)

// Copies implements sayso.Store: the copy cluster of the article ref (an
// id or an address), nil when it has no stored copy.
func (s *Store) Copies(ctx context.Context, ref string) (*sayso.CopyCluster, error) {
	ref = strings.TrimSpace(ref)
	var out *sayso.CopyCluster
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		id, err := s.provenanceRef(ctx, tx, ref)
		if err != nil {
			return err
		}
		var cluster int64
		err = tx.QueryRowContext(ctx, s.q(`SELECT cluster FROM copy_members WHERE article_id = ?`), id).Scan(&cluster)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		out, err = s.loadCluster(ctx, tx, cluster)
		return err
	})
	if err != nil {
		return nil, internal(fmt.Errorf("copies of %s: %w", ref, err))
	}
	return out, nil
}

// CopyClusters implements sayso.Store.
func (s *Store) CopyClusters(ctx context.Context, afterID int64, limit int) ([]*sayso.CopyCluster, error) {
	if limit <= 0 {
		limit = 100
	}
	var out []*sayso.CopyCluster
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		if err := s.provenanceReady(ctx, tx); err != nil {
			return err
		}
		ids, err := listIDs(ctx, tx, s.q(`SELECT id FROM copy_clusters WHERE id > ? ORDER BY id LIMIT ?`), afterID, limit)
		if err != nil {
			return err
		}
		for _, id := range ids {
			c, err := s.loadCluster(ctx, tx, id)
			if err != nil {
				return err
			}
			if c != nil {
				out = append(out, c)
			}
		}
		return nil
	})
	if err != nil {
		return nil, internal(fmt.Errorf("copy clusters after %d: %w", afterID, err))
	}
	return out, nil
}

// loadCluster reads a copy cluster with its members' similarity to the
// original and what differs from it; nil when the cluster is gone.
func (s *Store) loadCluster(ctx context.Context, tx *sql.Tx, id int64) (*sayso.CopyCluster, error) {
	var originalID int64
	var evidence string
	err := tx.QueryRowContext(ctx, s.q(`SELECT original_id, evidence FROM copy_clusters WHERE id = ?`), id).Scan(&originalID, &evidence)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	c := &sayso.CopyCluster{ID: id}
	if err := json.Unmarshal([]byte(evidence), &c.Evidence); err != nil {
		return nil, fmt.Errorf("cluster %d evidence: %w", id, err)
	}
	ids, err := listIDs(ctx, tx, s.q(`SELECT article_id FROM copy_members WHERE cluster = ? ORDER BY article_id`), id)
	if err != nil {
		return nil, err
	}
	arts, err := s.lightArticles(ctx, tx, ids, true)
	if err != nil {
		return nil, err
	}
	orig := arts[originalID]
	if orig == nil {
		return nil, fmt.Errorf("cluster %d: original %d not stored", id, originalID)
	}
	origShingles := trace.Shingles(orig.article.Text())
	for _, a := range ids {
		la := arts[a]
		if la == nil {
			continue
		}
		m := sayso.CopyMember{ArticleRef: la.ref, Title: la.article.Title, Similarity: 1, Containment: 1, Original: a == originalID}
		if !m.Original {
			sim := trace.Compare(origShingles, trace.Shingles(la.article.Text()))
			m.Similarity, m.Containment = round3(sim.Jaccard), round3(sim.Containment)
			d := trace.DiffCopy(orig.article, la.article)
			m.Diff = &d
		}
		c.Members = append(c.Members, m)
	}
	slices.SortStableFunc(c.Members, func(x, y sayso.CopyMember) int {
		switch {
		case x.Original != y.Original:
			if x.Original {
				return -1
			}
			return 1
		case trace.Before(x.Published, x.URL, y.Published, y.URL):
			return -1
		case trace.Before(y.Published, y.URL, x.Published, x.URL):
			return 1
		}
		return 0
	})
	c.Original = c.Members[0]
	return c, nil
}

// round3 rounds to three decimals, for similarities that read well.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// lightArticle is what provenance listings read of an article: where it
// is from, its title and its text (and blocks when asked).
type lightArticle struct {
	ref     sayso.ArticleRef
	article *sayso.Article
	text    string
}

// lightArticles reads articles ids: references, titles, texts and, when
// withBlocks, body blocks (as text only).
func (s *Store) lightArticles(ctx context.Context, tx *sql.Tx, ids []int64, withBlocks bool) (map[int64]*lightArticle, error) {
	out := map[int64]*lightArticle{}
	err := eachRow(ctx, tx, s.q, `SELECT a.id, p.final_url, o.host, a.published, a.title, a.text
			FROM articles a JOIN pages p ON p.id = a.id JOIN outlets o ON o.id = p.outlet_id WHERE a.id IN (%s)`, ids, func(rows *sql.Rows) error {
		la := &lightArticle{article: &sayso.Article{}}
		var published sql.NullString
		var blob []byte
		if err := rows.Scan(&la.ref.ArticleID, &la.ref.URL, &la.ref.Outlet, &published, &la.article.Title, &blob); err != nil {
			return err
		}
		la.ref.Published = parseTime(published)
		raw, err := decompress(blob)
		if err != nil {
			return fmt.Errorf("article %d text: %w", la.ref.ArticleID, err)
		}
		la.text = string(raw)
		la.article.Blocks = []sayso.Block{{Kind: sayso.BlockParagraph, Text: la.text}}
		out[la.ref.ArticleID] = la
		return nil
	})
	if err != nil || !withBlocks {
		return out, err
	}
	texts := map[int64]runeText{}
	err = eachRow(ctx, tx, s.q, `SELECT article_id, kind, start, "end" FROM blocks WHERE article_id IN (%s)
		ORDER BY article_id, seq`, ids, func(rows *sql.Rows) error {
		var id int64
		var kind string
		var start, end int
		if err := rows.Scan(&id, &kind, &start, &end); err != nil {
			return err
		}
		la := out[id]
		if la == nil {
			return nil
		}
		if _, ok := texts[id]; !ok {
			la.article.Blocks = la.article.Blocks[:0]
			texts[id] = newRuneText(la.text)
		}
		la.article.Blocks = append(la.article.Blocks, sayso.Block{Kind: sayso.BlockKind(kind), Text: texts[id].slice(start, end)})
		return nil
	})
	return out, err
}
