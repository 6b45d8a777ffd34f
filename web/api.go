package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/sayso-news/sayso"
)

// decodeJSON reads r's body as one JSON value into v. EINVALID for a
// malformed body or a wrong content type; a body over the limit fails
// with *http.MaxBytesError (413).
func decodeJSON(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return sayso.Errorf(sayso.EINVALID, "want a JSON body (Content-Type: application/json), got %q", ct)
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return sayso.Errorf(sayso.EINVALID, "JSON body: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return sayso.Errorf(sayso.EINVALID, "JSON body: one value expected")
	}
	return nil
}

// apiStats answers GET /api/v1/stats.
func (s *Server) apiStats(r *http.Request) (any, error) {
	return s.cfg.Corpus.Stats(r.Context())
}

// apiSearch answers GET /api/v1/search.
func (s *Server) apiSearch(r *http.Request) (any, error) {
	p, err := parseSearch(r)
	if err != nil {
		return nil, err
	}
	return s.search(r.Context(), p)
}

// articleResponse is the JSON twin of the article page.
type articleResponse struct {
	*sayso.StoredArticle
	// Text is the body the spans point into (code points).
	Text         string              `json:"text"`
	Attributions []attrView          `json:"attributions"`
	Claims       []sayso.Claim       `json:"unattributed_claims"`
	Copies       *sayso.CopyCluster  `json:"copies"`
	Traces       []*sayso.QuoteTrace `json:"traces"`
}

// articleJSON turns the article view into its JSON twin.
func articleJSON(v *articleView) articleResponse {
	out := articleResponse{StoredArticle: v.Stored, Text: v.Stored.Article.Text(), Attributions: v.Attrs,
		Copies: v.Copies, Traces: v.Traces}
	if v.Stored.Analysis != nil {
		out.Claims = v.Stored.Analysis.Claims
	}
	if out.Attributions == nil {
		out.Attributions = []attrView{}
	}
	if out.Claims == nil {
		out.Claims = []sayso.Claim{}
	}
	if out.Traces == nil {
		out.Traces = []*sayso.QuoteTrace{}
	}
	return out
}

// apiArticle answers GET /api/v1/articles/{id}.
func (s *Server) apiArticle(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	v, err := s.articleData(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return articleJSON(v), nil
}

// apiQuote answers GET /api/v1/quotes/{id}.
func (s *Server) apiQuote(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.quoteData(r.Context(), id)
}

// apiSpeaker answers GET /api/v1/speakers/{id}.
func (s *Server) apiSpeaker(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.cfg.Corpus.SpeakerProfile(r.Context(), id)
}

// apiOutlet answers GET /api/v1/outlets/{host}.
func (s *Server) apiOutlet(r *http.Request) (any, error) {
	return s.cfg.Corpus.OutletProfile(r.Context(), r.PathValue("host"))
}
