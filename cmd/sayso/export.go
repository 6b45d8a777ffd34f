package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
)

// exportArticle is an article as exported: the stored record plus its full
// text, for consumers that do not want to join blocks.
type exportArticle struct {
	*sayso.StoredArticle
	Text string `json:"text"`
}

// exportAttribution is one attribution row with its article's context.
type exportAttribution struct {
	ArticleID int64      `json:"article_id"`
	Seq       int        `json:"seq"`
	URL       string     `json:"url"`
	Outlet    string     `json:"outlet"`
	Published *time.Time `json:"published,omitempty"`
	sayso.Attribution
}

// exportBatch is the number of articles read per store call: a few
// megabytes of text, so export streams with bounded memory.
const exportBatch = 200

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "export", "",
		"Export the corpus with every field, full text included: articles (with body\n"+
			"blocks, credits, metadata evidence and their analysis), attributions (one row\n"+
			"each, with spans and speaker), speakers (with counts), copies (one line per\n"+
			"cluster of copies, its original with the evidence and its members) or traces\n"+
			"(one line per quote printed by two articles or more, with every appearance).\n"+
			"JSONL gives one JSON object per line; CSV gives one header row (one row per\n"+
			"member or appearance for copies and traces), nested values as JSON.")
	db := dbFlag(e, fs)
	format := formatFlag(fs, "", "jsonl", "csv")
	table := fs.String("table", "articles", "what to export: articles, attributions, speakers, copies or traces")
	output := fs.String("o", "", "write to this `file` instead of standard output")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"export takes no arguments"}
	}
	if err := checkFormat(*format, "jsonl", "csv"); err != nil {
		return err
	}
	switch *table {
	case "articles", "attributions", "speakers", "copies", "traces":
	default:
		return usageError{fmt.Sprintf("unknown --table %q (want articles, attributions, speakers, copies or traces)", *table)}
	}
	s, err := openStore(ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	var out io.Writer = e.stdout
	if *output != "" {
		f, err := os.Create(*output)
		if err != nil {
			return err
		}
		defer f.Close()
		out = f
	}
	bw := bufio.NewWriterSize(out, 256<<10)
	w := newRowWriter(bw, *format)
	switch *table {
	case "speakers":
		sp, err := s.Speakers(ctx)
		if err != nil {
			return err
		}
		w.header("id", "name", "type", "attributions", "articles", "identity", "identity_name")
		for _, x := range sp {
			if err := w.row(x, x.ID, x.Name, string(x.Type), x.Attributions, x.Articles, x.Identity, x.IdentityName); err != nil {
				return err
			}
		}
	case "copies":
		if err := exportCopies(ctx, s, w); err != nil {
			return err
		}
	case "traces":
		if err := exportTraces(ctx, s, w); err != nil {
			return err
		}
	default:
		if err := exportArticles(ctx, s, w, *table); err != nil {
			return err
		}
	}
	if err := w.flush(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

func exportArticles(ctx context.Context, s sayso.Store, w *rowWriter, table string) error {
	if table == "articles" {
		w.header("id", "url", "final_url", "canonical_url", "outlet", "source", "fetched_at", "title", "authors",
			"publisher", "published", "modified", "language", "description", "section", "tags", "image", "credits",
			"links", "blocks", "evidence", "candidates", "extractor_version", "analyzer_version", "analysis_error",
			"attributions", "claims", "cited_works", "entities", "text")
	} else {
		w.header("article_id", "seq", "url", "outlet", "published", "kind", "speaker_name", "speaker_type",
			"speaker_role", "speaker_resolution", "source", "source_spans", "cue", "cue_spans", "content",
			"content_spans", "medium", "confidence")
	}
	after := int64(0)
	for {
		arts, err := s.Articles(ctx, after, exportBatch)
		if err != nil {
			return err
		}
		if len(arts) == 0 {
			return nil
		}
		for _, sa := range arts {
			after = sa.ID
			a := sa.Article
			if table == "articles" {
				an := sa.Analysis
				if an == nil {
					an = &sayso.Analysis{}
				}
				err = w.row(exportArticle{StoredArticle: sa, Text: a.Text()},
					sa.ID, a.URL, sa.FinalURL, a.CanonicalURL, sa.Outlet, sa.Source, sa.FetchedAt.Format(time.RFC3339),
					a.Title, jsonCell(a.Authors), a.Publisher, timeCell(a.Published), timeCell(a.Modified), a.Language,
					a.Description, a.Section, jsonCell(a.Tags), a.Image, jsonCell(a.Credits), jsonCell(a.Links),
					jsonCell(a.Blocks), jsonCell(a.Evidence), jsonCell(a.Candidates), a.ExtractorVersion,
					sa.AnalyzerVersion, sa.AnalysisError, jsonCell(an.Attributions), jsonCell(an.Claims),
					jsonCell(an.CitedWorks), jsonCell(an.Entities), a.Text())
				if err != nil {
					return err
				}
				continue
			}
			if sa.Analysis == nil {
				continue
			}
			for i, at := range sa.Analysis.Attributions {
				var name, typ, role, res string
				if sp := at.Speaker; sp != nil {
					name, typ, role, res = sp.Name, string(sp.Type), sp.Role, string(sp.Resolution)
				}
				src, srcSpans := segCells(at.Source)
				cue, cueSpans := segCells(at.Cue)
				con, conSpans := segCells(&at.Content)
				row := exportAttribution{ArticleID: sa.ID, Seq: i, URL: a.URL, Outlet: sa.Outlet, Published: a.Published, Attribution: at}
				if err := w.row(row, sa.ID, i, a.URL, sa.Outlet, timeCell(a.Published), string(at.Kind), name, typ, role,
					res, src, srcSpans, cue, cueSpans, con, conSpans, at.Medium, at.Confidence); err != nil {
					return err
				}
			}
		}
	}
}

func segCells(s *sayso.Segment) (text, spans string) {
	if s == nil {
		return "", ""
	}
	parts := make([]string, len(s.Spans))
	for i, sp := range s.Spans {
		parts[i] = fmt.Sprintf("%d-%d", sp.Start, sp.End)
	}
	return s.Text, strings.Join(parts, ",")
}

func timeCell(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

func jsonCell(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return ""
	}
	return string(b)
}

// rowWriter writes either JSON lines (the object) or CSV (the cells).
type rowWriter struct {
	format string
	enc    *json.Encoder
	csv    *csv.Writer
}

func newRowWriter(w io.Writer, format string) *rowWriter {
	rw := &rowWriter{format: format}
	if format == "csv" {
		rw.csv = csv.NewWriter(w)
	} else {
		rw.enc = json.NewEncoder(w)
		rw.enc.SetEscapeHTML(false)
	}
	return rw
}

func (rw *rowWriter) header(cols ...string) {
	if rw.csv != nil {
		rw.csv.Write(cols)
	}
}

func (rw *rowWriter) row(obj any, cells ...any) error {
	if rw.enc != nil {
		if err := rw.enc.Encode(obj); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	}
	rec := make([]string, len(cells))
	for i, c := range cells {
		switch v := c.(type) {
		case string:
			rec[i] = v
		case int:
			rec[i] = strconv.Itoa(v)
		case int64:
			rec[i] = strconv.FormatInt(v, 10)
		case float64:
			rec[i] = strconv.FormatFloat(v, 'f', -1, 64)
		default:
			rec[i] = fmt.Sprint(v)
		}
	}
	if err := rw.csv.Write(rec); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

func (rw *rowWriter) flush() error {
	if rw.csv != nil {
		rw.csv.Flush()
		return rw.csv.Error()
	}
	return nil
}
