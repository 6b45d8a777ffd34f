package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/trace"
)

// provenance is the compressed part of an article's metadata: where each
// value came from.
type provenance struct {
	Evidence   map[string]string `json:"evidence,omitempty"`
	Candidates []sayso.Candidate `json:"candidates,omitempty"`
}

// maxRowsPerInsert bounds a multi-row INSERT, keeping it under every
// engine's bound-parameter limit (SQLite's is 32766, PostgreSQL's 65535).
const maxRowsPerInsert = 64

// insertRows inserts rows into table's columns with multi-row INSERTs of
// power-of-two sizes, so that a transaction prepares at most seven
// statement shapes per table whatever the row counts.
func (w *writer) insertRows(table string, cols []string, rows [][]any) error {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	prefix := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES "
	for len(rows) > 0 {
		n := maxRowsPerInsert
		for n > len(rows) {
			n /= 2
		}
		var b strings.Builder
		b.WriteString(prefix)
		args := make([]any, 0, n*len(cols))
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(one)
			args = append(args, rows[i]...)
		}
		if err := w.exec(b.String(), args...); err != nil {
			return fmt.Errorf("insert %s: %w", table, err)
		}
		rows = rows[n:]
	}
	return nil
}

// insertArticle stores the article of record r under id, with its index
// entries and analysis.
func (w *writer) insertArticle(id int64, r *sayso.Record) error {
	a := r.Article
	text := a.Text()
	authors, err := jsonText(a.Authors)
	if err != nil {
		return err
	}
	tags, err := jsonText(a.Tags)
	if err != nil {
		return err
	}
	prov, err := compressJSON(provenance{Evidence: a.Evidence, Candidates: a.Candidates})
	if err != nil {
		return err
	}
	published, publishedUnix := timeText(a.Published)
	modified, _ := timeText(a.Modified)
	if err := w.exec(`INSERT INTO articles (id, url, canonical_url, title, authors, publisher, published, published_unix,
		modified, language, description, section, tags, image, provenance, extractor_version, analyzer_version,
		analysis_error, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, a.URL, nullString(a.CanonicalURL), a.Title, authors, nullString(a.Publisher), published, publishedUnix,
		modified, nullString(a.Language), nullString(a.Description), nullString(a.Section), tags, nullString(a.Image),
		prov, a.ExtractorVersion, analyzerVersion(r), analysisError(r), compress([]byte(text))); err != nil {
		return fmt.Errorf("insert article: %w", err)
	}
	w.index(w.s.d.IndexArticle(), id, a.Title, text)

	blocks := make([][]any, len(a.Blocks))
	pos := 0
	for i, b := range a.Blocks {
		if i > 0 {
			pos += 2 // "\n\n"
		}
		n := utf8.RuneCountInString(b.Text)
		blocks[i] = []any{id, i, string(b.Kind), b.Level, boolInt(b.Ordered), pos, pos + n}
		pos += n
	}
	if err := w.insertRows("blocks", []string{"article_id", "seq", "kind", "level", "ordered", "start", `"end"`}, blocks); err != nil {
		return err
	}
	links := make([][]any, len(a.Links))
	for i, l := range a.Links {
		links[i] = []any{id, i, l.Block, l.Text, l.URL}
	}
	if err := w.insertRows("links", []string{"article_id", "seq", "block", "text", "url"}, links); err != nil {
		return err
	}
	credits := make([][]any, len(a.Credits))
	for i, c := range a.Credits {
		credits[i] = []any{id, i, string(c.Kind), c.Text, c.Outlet, nullString(c.URL)}
	}
	if err := w.insertRows("credits", []string{"article_id", "seq", "kind", "text", "outlet", "url"}, credits); err != nil {
		return err
	}
	var attrs []sayso.Attribution
	if r.Analysis != nil {
		if err := w.insertAnalysis(id, newRuneText(text), r.Analysis); err != nil {
			return err
		}
		attrs = r.Analysis.Attributions[:min(len(r.Analysis.Attributions), maxAttributions)]
	}
	return w.indexProvenance(id, text, attrs)
}

// analyzerVersion marks an analysed article, even one whose analysis found
// nothing, so that loading it gives an empty Analysis rather than none.
func analyzerVersion(r *sayso.Record) any {
	switch {
	case r.Analysis == nil:
		return nil
	case r.AnalyzerVersion != "":
		return r.AnalyzerVersion
	default:
		return sayso.Version
	}
}

func analysisError(r *sayso.Record) any {
	if r.State == sayso.StateArticle && r.Error != "" {
		return r.Error
	}
	return nil
}

// insertAnalysis stores attributions, speakers, mentions, claims and cited
// works of article id.
func (w *writer) insertAnalysis(id int64, text runeText, an *sayso.Analysis) error {
	attrs := an.Attributions
	if len(attrs) > maxAttributions {
		attrs = attrs[:maxAttributions]
	}
	rows := make([][]any, len(attrs))
	for i, at := range attrs {
		var speakerID, speakerType, role, resolution any
		if sp := at.Speaker; sp != nil {
			role, resolution = nullString(sp.Role), nullString(string(sp.Resolution))
			if sp.Name != "" {
				sid, err := w.speaker(sp.Name, sp.Type)
				if err != nil {
					return err
				}
				speakerID = sid
			} else {
				speakerType = string(sp.Type)
			}
		}
		srcSpans, srcText := segmentColumns(text, at.Source)
		cueSpans, cueText := segmentColumns(text, at.Cue)
		content := at.Content
		conSpans, conText := segmentColumns(text, &content)
		rows[i] = []any{id*maxAttributions + int64(i), id, i, string(at.Kind), speakerID, speakerType, role, resolution,
			srcSpans, srcText, cueSpans, cueText, conSpans, conText, nullString(at.Medium), at.Confidence}
	}
	if err := w.insertRows("attributions", []string{"id", "article_id", "seq", "kind", "speaker_id", "speaker_type",
		"role", "resolution", "source_spans", "source_text", "cue_spans", "cue_text", "content_spans", "content_text",
		"medium", "confidence"}, rows); err != nil {
		return err
	}
	for i, at := range attrs {
		w.index(w.s.d.IndexQuote(), id*maxAttributions+int64(i), at.Content.Text)
	}
	mentions := make([][]any, 0, len(an.Entities))
	for i, e := range an.Entities {
		sid, err := w.speaker(e.Name, e.Type)
		if err != nil {
			return err
		}
		aliases, err := jsonText(e.Aliases)
		if err != nil {
			return err
		}
		mentions = append(mentions, []any{id, sid, i, nullString(e.Role), aliases})
	}
	if err := w.insertRows("mentions", []string{"article_id", "speaker_id", "seq", "role", "aliases"}, mentions); err != nil {
		return err
	}
	claims := make([][]any, len(an.Claims))
	for i, c := range an.Claims {
		var t any
		if text.slice(c.Span.Start, c.Span.End) != c.Text {
			t = c.Text
		}
		claims[i] = []any{id, i, c.Span.Start, c.Span.End, t}
	}
	if err := w.insertRows("claims", []string{"article_id", "seq", "start", `"end"`, "text"}, claims); err != nil {
		return err
	}
	works := make([][]any, len(an.CitedWorks))
	for i, c := range an.CitedWorks {
		works[i] = []any{id, i, c.Title, nullString(c.Author), c.Kind, c.Span.Start, c.Span.End}
	}
	return w.insertRows("cited_works", []string{"article_id", "seq", "title", "author", "kind", "start", `"end"`}, works)
}

// speaker returns the id of the speaker with this name and type, creating
// it. Ids are remembered: committed ones by the Store, this transaction's
// by the writer until it commits.
func (w *writer) speaker(name string, typ sayso.SpeakerType) (int64, error) {
	key := speakerKey{name, typ}
	if id, ok := w.newSpeakers[key]; ok {
		return id, nil
	}
	if id, ok := w.s.speakers.get(key); ok {
		return id, nil
	}
	st, err := w.stmt(`SELECT id FROM speakers WHERE name = ? AND type = ?`)
	if err != nil {
		return 0, err
	}
	var id int64
	err = st.QueryRowContext(w.ctx, name, string(typ)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		// A new name can change how its key's names group into
		// identities: they are computed again before commit.
		ikey := trace.IdentityKey(name, typ)
		id, err = w.queryID(`INSERT INTO speakers (name, type, ikey) VALUES (?, ?, ?)
			ON CONFLICT (name, type) DO UPDATE SET name = excluded.name RETURNING id`, name, string(typ), ikey)
		if err == nil && name != "" {
			w.touchKey(ikey)
		}
	}
	if err != nil {
		return 0, fmt.Errorf("speaker %q: %w", name, err)
	}
	w.newSpeakers[key] = id
	return id, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
