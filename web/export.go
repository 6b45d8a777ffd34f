package web

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/sayso-news/sayso"
)

// Export bounds: one request returns at most exportMax rows; a client
// pages on with "after" (articles) or "offset" (quotes).
const (
	exportDefault = 100
	exportMax     = 1000
)

// exportLimit reads the "limit" parameter.
func exportLimit(r *http.Request) (int, error) {
	v := r.URL.Query().Get("limit")
	if v == "" {
		return exportDefault, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 || n > exportMax {
		return 0, sayso.Errorf(sayso.EINVALID, "limit %q: want 1 to %d", v, exportMax)
	}
	return n, nil
}

// exportFormat reads the "format" parameter: jsonl (default) or csv.
func exportFormat(r *http.Request) (string, error) {
	switch f := r.URL.Query().Get("format"); f {
	case "", "jsonl":
		return "jsonl", nil
	case "csv":
		return "csv", nil
	default:
		return "", sayso.Errorf(sayso.EINVALID, "format %q: want jsonl or csv", f)
	}
}

// exportQuotes answers GET /api/v1/export/quotes: attributions matching
// q, speaker, outlet and kind, as JSON Lines or CSV.
func (s *Server) exportQuotes(w http.ResponseWriter, r *http.Request) {
	limit, err := exportLimit(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	format, err := exportFormat(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	offset, _ := strconv.Atoi(q.Get("offset"))
	qs, err := s.cfg.Corpus.Quotes(r.Context(), sayso.QuoteQuery{Text: q.Get("q"), Speaker: q.Get("speaker"),
		Outlet: q.Get("outlet"), Kind: sayso.AttributionKind(q.Get("kind")), Limit: limit, Offset: max(offset, 0)})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if format == "jsonl" {
		w.Header().Set("Content-Type", "application/x-ndjson")
		enc := json.NewEncoder(w)
		for _, qt := range qs {
			enc.Encode(qt)
		}
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "article_id", "url", "outlet", "published", "kind", "speaker", "source", "cue", "content"})
	for _, qt := range qs {
		pub, speaker := "", ""
		if qt.Published != nil {
			pub = qt.Published.UTC().Format("2006-01-02T15:04:05Z")
		}
		if qt.Speaker != nil {
			speaker = qt.Speaker.Name
		}
		cw.Write([]string{strconv.FormatInt(qt.ID, 10), strconv.FormatInt(qt.ArticleID, 10), csvSafe(qt.URL), csvSafe(qt.Outlet),
			pub, string(qt.Kind), csvSafe(speaker), csvSafe(qt.Source), csvSafe(qt.Cue), csvSafe(qt.Content)})
	}
	cw.Flush()
}

// csvSafe keeps a spreadsheet from reading a scraped value as a formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}

// exportArticles answers GET /api/v1/export/articles: stored articles
// with an id above "after", with their analyses, as JSON Lines.
func (s *Server) exportArticles(w http.ResponseWriter, r *http.Request) {
	limit, err := exportLimit(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	after, _ := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
	as, err := s.cfg.Corpus.Articles(r.Context(), max(after, 0), limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	enc := json.NewEncoder(w)
	for _, a := range as {
		enc.Encode(struct {
			*sayso.StoredArticle
			Text string `json:"text"`
		}{a, a.Article.Text()})
	}
}
