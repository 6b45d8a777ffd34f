package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/sayso-news/sayso"
)

// analyseInput is what the analyse form and API take: one of URL, HTML
// or Text, and whether to store the result.
type analyseInput struct {
	URL   string `json:"url,omitempty"`
	HTML  string `json:"html,omitempty"`
	Text  string `json:"text,omitempty"`
	Store bool   `json:"store,omitempty"`
}

// pastedURL is the address given to pasted HTML and text: the reserved
// .invalid domain, so it never names a real page.
const pastedURL = "https://pasted.invalid/"

// analyse reads the article of in and attributes it; with in.Store (and
// authorization) it saves the record and returns the stored article's
// id. EINVALID for no input or several, EFORBIDDEN for a URL without a
// fetcher or a store request without the token.
func (s *Server) analyse(ctx context.Context, in analyseInput, authorized bool) (*sayso.StoredArticle, error) {
	in.URL, in.HTML = strings.TrimSpace(in.URL), strings.TrimSpace(in.HTML)
	given := 0
	for _, v := range []string{in.URL, in.HTML, strings.TrimSpace(in.Text)} {
		if v != "" {
			given++
		}
	}
	if given != 1 {
		return nil, sayso.Errorf(sayso.EINVALID, "analyse: give exactly one of a URL, HTML or text")
	}
	if in.Store && !authorized {
		return nil, errUnauthorized
	}
	if s.cfg.Extract == nil {
		return nil, sayso.Errorf(sayso.EUNAVAILABLE, "analyse: this server has no extractor")
	}
	now := s.cfg.Now().UTC()
	var page *sayso.Page
	var art *sayso.Article
	switch {
	case in.URL != "":
		if s.cfg.Fetch == nil {
			return nil, sayso.Errorf(sayso.EFORBIDDEN, "analyse: this server does not fetch URLs")
		}
		p, err := s.cfg.Fetch(ctx, in.URL)
		if err != nil {
			return nil, err
		}
		page = p
	case in.HTML != "":
		page = &sayso.Page{URL: pastedURL, FinalURL: pastedURL, StatusCode: 200, FetchedAt: now,
			Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, Body: []byte(in.HTML)}
	default:
		page = &sayso.Page{URL: pastedURL, FinalURL: pastedURL, StatusCode: 200, FetchedAt: now,
			Header: http.Header{"Content-Type": {"text/plain; charset=utf-8"}}, Body: []byte(in.Text)}
		art = textArticle(in.Text)
	}
	if art == nil {
		a, err := s.cfg.Extract(page)
		if err != nil {
			return nil, err
		}
		art = a
	}
	sa := &sayso.StoredArticle{Outlet: "", Source: "web analyse", FetchedAt: page.FetchedAt, FinalURL: page.FinalURL, Article: art}
	if s.cfg.Analyze != nil {
		an, err := s.cfg.Analyze(ctx, art.Text())
		if err != nil {
			sa.AnalysisError = err.Error()
		} else {
			sa.Analysis, sa.AnalyzerVersion = an, s.cfg.AnalyzerVersion
		}
	}
	if !in.Store {
		return sa, nil
	}
	rec := &sayso.Record{Page: page, Source: "web analyse", State: sayso.StateArticle, Article: art,
		Analysis: sa.Analysis, AnalyzerVersion: sa.AnalyzerVersion, Error: sa.AnalysisError}
	res, err := s.cfg.Corpus.Save(ctx, []*sayso.Record{rec})
	if err != nil {
		return nil, err
	}
	sa.ID = res[0].ArticleID
	if sa.ID == 0 {
		sa.ID = res[0].PageID
	}
	return sa, nil
}

// textArticle makes an article of plain text, a paragraph per run of
// lines between blank lines.
func textArticle(text string) *sayso.Article {
	a := &sayso.Article{URL: pastedURL, Title: "Pasted text", ExtractorVersion: sayso.Version}
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			a.Blocks = append(a.Blocks, sayso.Block{Kind: sayso.BlockParagraph, Text: p})
		}
	}
	return a
}

// analyseForm shows the analyse form.
func (s *Server) analyseForm(*http.Request) (*view, error) {
	return &view{"analyse", pageData{Title: "Analyse", Body: analyseFormData{Token: s.needToken}}}, nil
}

// analyseFormData tells the form whether to ask for the token.
type analyseFormData struct {
	Token bool
	Input analyseInput
}

// analysePage analyses the posted input and shows the article view, or
// redirects to the stored article.
func (s *Server) analysePage(r *http.Request) (*view, error) {
	if err := r.ParseForm(); err != nil {
		return nil, sayso.Errorf(sayso.EINVALID, "analyse: %v", err)
	}
	in := analyseInput{URL: r.PostFormValue("url"), HTML: r.PostFormValue("html"), Text: r.PostFormValue("text"),
		Store: r.PostFormValue("store") != ""}
	sa, err := s.analyse(r.Context(), in, s.authorized(r))
	if err != nil {
		return nil, err
	}
	if in.Store {
		return &view{"stored", pageData{Title: "Stored", Body: "/article/" + strconv.FormatInt(sa.ID, 10)}}, nil
	}
	v := buildArticleView(sa, nil, nil)
	return &view{"article", pageData{Title: sa.Article.Title, Body: v}}, nil
}

// apiAnalyse is the JSON twin of the analyse page: a JSON body in, the
// article view out.
func (s *Server) apiAnalyse(r *http.Request) (any, error) {
	var in analyseInput
	if err := decodeJSON(r, &in); err != nil {
		return nil, err
	}
	sa, err := s.analyse(r.Context(), in, s.authorized(r))
	if err != nil {
		return nil, err
	}
	return articleJSON(buildArticleView(sa, nil, nil)), nil
}
