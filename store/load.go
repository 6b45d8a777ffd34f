package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sayso-news/sayso"
)

func jsonUnmarshalBytes(b []byte, v any) error { return json.Unmarshal(b, v) }

// loadArticles reads the articles with ids in [from, to] and everything
// read from them, one query per table.
func (s *Store) loadArticles(ctx context.Context, tx *sql.Tx, from, to int64) ([]*sayso.StoredArticle, error) {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT a.id, o.host, p.source, p.fetched_at, p.final_url, a.url,
		a.canonical_url, a.title, a.authors, a.publisher, a.published, a.modified, a.language, a.description,
		a.section, a.tags, a.image, a.provenance, a.extractor_version, a.analyzer_version, a.analysis_error, a.text
		FROM articles a JOIN pages p ON p.id = a.id JOIN outlets o ON o.id = p.outlet_id
		WHERE a.id BETWEEN ? AND ? ORDER BY a.id`), from, to)
	if err != nil {
		return nil, err
	}
	var (
		out   []*sayso.StoredArticle
		byID  = map[int64]*sayso.StoredArticle{}
		texts = map[int64]runeText{}
		raw   = map[int64]string{}
	)
	for rows.Next() {
		var (
			sa                                                           sayso.StoredArticle
			a                                                            sayso.Article
			fetched                                                      int64
			canonical, authors, publisher, published, modified, language sql.NullString
			description, section, tags, image, analyzer, analysisErr     sql.NullString
			prov, blob                                                   []byte
		)
		if err := rows.Scan(&sa.ID, &sa.Outlet, &sa.Source, &fetched, &sa.FinalURL, &a.URL, &canonical, &a.Title,
			&authors, &publisher, &published, &modified, &language, &description, &section, &tags, &image, &prov,
			&a.ExtractorVersion, &analyzer, &analysisErr, &blob); err != nil {
			rows.Close()
			return nil, err
		}
		sa.FetchedAt = time.UnixMilli(fetched).UTC()
		a.CanonicalURL, a.Publisher, a.Language = canonical.String, publisher.String, language.String
		a.Description, a.Section, a.Image = description.String, section.String, image.String
		a.Published, a.Modified = parseTime(published), parseTime(modified)
		a.Authors = []string{}
		if authors.Valid {
			if err := json.Unmarshal([]byte(authors.String), &a.Authors); err != nil {
				rows.Close()
				return nil, fmt.Errorf("article %d authors: %w", sa.ID, err)
			}
		}
		if tags.Valid {
			if err := json.Unmarshal([]byte(tags.String), &a.Tags); err != nil {
				rows.Close()
				return nil, fmt.Errorf("article %d tags: %w", sa.ID, err)
			}
		}
		var pv provenance
		if err := decompressJSON(prov, &pv); err != nil {
			rows.Close()
			return nil, fmt.Errorf("article %d provenance: %w", sa.ID, err)
		}
		a.Evidence, a.Candidates = pv.Evidence, pv.Candidates
		a.Blocks, a.Credits = []sayso.Block{}, []sayso.Credit{}
		sa.Article = &a
		sa.AnalyzerVersion, sa.AnalysisError = analyzer.String, analysisErr.String
		out = append(out, &sa)
		byID[sa.ID] = &sa
		text, err := decompress(blob)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("article %d text: %w", sa.ID, err)
		}
		raw[sa.ID] = string(text)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	for id, t := range raw {
		texts[id] = newRuneText(t)
	}
	each := func(query string, scan func(id int64, rows *sql.Rows) error) error {
		rows, err := tx.QueryContext(ctx, s.q(query), from, to)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(0, rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	err = each(`SELECT article_id, kind, level, ordered, start, "end" FROM blocks WHERE article_id BETWEEN ? AND ? ORDER BY article_id, seq`,
		func(_ int64, rows *sql.Rows) error {
			var id int64
			var b sayso.Block
			var kind string
			var ordered, start, end int
			if err := rows.Scan(&id, &kind, &b.Level, &ordered, &start, &end); err != nil {
				return err
			}
			if sa := byID[id]; sa != nil {
				b.Kind, b.Ordered, b.Text = sayso.BlockKind(kind), ordered != 0, texts[id].slice(start, end)
				sa.Article.Blocks = append(sa.Article.Blocks, b)
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("blocks: %w", err)
	}
	err = each(`SELECT article_id, block, text, url FROM links WHERE article_id BETWEEN ? AND ? ORDER BY article_id, seq`,
		func(_ int64, rows *sql.Rows) error {
			var id int64
			var l sayso.Link
			if err := rows.Scan(&id, &l.Block, &l.Text, &l.URL); err != nil {
				return err
			}
			if sa := byID[id]; sa != nil {
				sa.Article.Links = append(sa.Article.Links, l)
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("links: %w", err)
	}
	err = each(`SELECT article_id, kind, text, outlet, url FROM credits WHERE article_id BETWEEN ? AND ? ORDER BY article_id, seq`,
		func(_ int64, rows *sql.Rows) error {
			var id int64
			var c sayso.Credit
			var kind string
			var u sql.NullString
			if err := rows.Scan(&id, &kind, &c.Text, &c.Outlet, &u); err != nil {
				return err
			}
			if sa := byID[id]; sa != nil {
				c.Kind, c.URL = sayso.CreditKind(kind), u.String
				sa.Article.Credits = append(sa.Article.Credits, c)
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("credits: %w", err)
	}
	if err := s.loadAnalyses(ctx, tx, from, to, byID, texts); err != nil {
		return nil, err
	}
	return out, nil
}

// analysisOf returns sa's analysis, creating it when sa was analysed.
func analysisOf(sa *sayso.StoredArticle) *sayso.Analysis {
	if sa.Analysis == nil {
		sa.Analysis = &sayso.Analysis{Attributions: []sayso.Attribution{}, Claims: []sayso.Claim{},
			CitedWorks: []sayso.CitedWork{}, Entities: []sayso.Entity{}}
	}
	return sa.Analysis
}

func (s *Store) loadAnalyses(ctx context.Context, tx *sql.Tx, from, to int64, byID map[int64]*sayso.StoredArticle, texts map[int64]runeText) error {
	// Articles that were analysed get an Analysis even when it found nothing.
	for _, sa := range byID {
		if sa.AnalyzerVersion != "" {
			analysisOf(sa)
		}
	}
	q := func(query string) (*sql.Rows, error) { return tx.QueryContext(ctx, s.q(query), from, to) }

	lo, hi := attributionRange(from, to)
	rows, err := tx.QueryContext(ctx, s.q(`SELECT t.article_id, t.kind, s.name, coalesce(s.type, t.speaker_type), t.role,
		t.resolution, t.source_spans, t.source_text, t.cue_spans, t.cue_text, t.content_spans, t.content_text, t.medium,
		t.confidence
		FROM attributions t LEFT JOIN speakers s ON s.id = t.speaker_id
		WHERE t.id BETWEEN ? AND ? ORDER BY t.id`), lo, hi)
	if err != nil {
		return fmt.Errorf("attributions: %w", err)
	}
	for rows.Next() {
		var (
			id                                   int64
			at                                   sayso.Attribution
			kind                                 string
			name, typ, role, resolution          sql.NullString
			srcSpans, srcText, cueSpans, cueText sql.NullString
			conSpans                             string
			conText, medium                      sql.NullString
		)
		if err := rows.Scan(&id, &kind, &name, &typ, &role, &resolution, &srcSpans, &srcText, &cueSpans, &cueText,
			&conSpans, &conText, &medium, &at.Confidence); err != nil {
			rows.Close()
			return err
		}
		sa := byID[id]
		if sa == nil {
			continue
		}
		t := texts[id]
		at.Kind, at.Medium = sayso.AttributionKind(kind), medium.String
		if name.Valid || typ.Valid || role.Valid || resolution.Valid {
			at.Speaker = &sayso.Speaker{Name: name.String, Type: sayso.SpeakerType(typ.String), Role: role.String,
				Resolution: sayso.Resolution(resolution.String)}
		}
		if at.Source, err = segmentFrom(t, nullPtr(srcSpans), nullPtr(srcText)); err == nil {
			at.Cue, err = segmentFrom(t, nullPtr(cueSpans), nullPtr(cueText))
		}
		var content *sayso.Segment
		if err == nil {
			content, err = segmentFrom(t, &conSpans, nullPtr(conText))
		}
		if err != nil {
			rows.Close()
			return fmt.Errorf("article %d attribution: %w", id, err)
		}
		at.Content = *content
		an := analysisOf(sa)
		an.Attributions = append(an.Attributions, at)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	rows, err = q(`SELECT m.article_id, s.name, s.type, m.role, m.aliases FROM mentions m JOIN speakers s ON s.id = m.speaker_id
		WHERE m.article_id BETWEEN ? AND ? ORDER BY m.article_id, m.seq`)
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	for rows.Next() {
		var id int64
		var e sayso.Entity
		var typ string
		var role, aliases sql.NullString
		if err := rows.Scan(&id, &e.Name, &typ, &role, &aliases); err != nil {
			rows.Close()
			return err
		}
		if sa := byID[id]; sa != nil {
			e.Type, e.Role = sayso.SpeakerType(typ), role.String
			if aliases.Valid {
				if err := json.Unmarshal([]byte(aliases.String), &e.Aliases); err != nil {
					rows.Close()
					return fmt.Errorf("article %d aliases: %w", id, err)
				}
			}
			an := analysisOf(sa)
			an.Entities = append(an.Entities, e)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	rows, err = q(`SELECT article_id, start, "end", text FROM claims WHERE article_id BETWEEN ? AND ? ORDER BY article_id, seq`)
	if err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	for rows.Next() {
		var id int64
		var c sayso.Claim
		var text sql.NullString
		if err := rows.Scan(&id, &c.Span.Start, &c.Span.End, &text); err != nil {
			rows.Close()
			return err
		}
		if sa := byID[id]; sa != nil {
			c.Text = text.String
			if !text.Valid {
				c.Text = texts[id].slice(c.Span.Start, c.Span.End)
			}
			an := analysisOf(sa)
			an.Claims = append(an.Claims, c)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	rows, err = q(`SELECT article_id, title, author, kind, start, "end" FROM cited_works WHERE article_id BETWEEN ? AND ? ORDER BY article_id, seq`)
	if err != nil {
		return fmt.Errorf("cited works: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var c sayso.CitedWork
		var author sql.NullString
		if err := rows.Scan(&id, &c.Title, &author, &c.Kind, &c.Span.Start, &c.Span.End); err != nil {
			return err
		}
		if sa := byID[id]; sa != nil {
			c.Author = author.String
			an := analysisOf(sa)
			an.CitedWorks = append(an.CitedWorks, c)
		}
	}
	return rows.Err()
}
