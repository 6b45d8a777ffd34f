package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
)

// searchLimit is the number of hits of each kind a search shows;
// filterWindow the number of best article matches a date or outlet
// filter is applied to.
const (
	searchLimit  = 20
	filterWindow = 200
	findLimit    = 10
)

// searchParams are the search form's fields.
type searchParams struct {
	Q       string `json:"q"`
	Outlet  string `json:"outlet,omitempty"`
	Speaker string `json:"speaker,omitempty"`
	From    string `json:"from,omitempty"`
	To      string `json:"to,omitempty"`
	from    *time.Time
	to      *time.Time
}

// searchResult is what a search finds, for the page and the API.
type searchResult struct {
	Params   searchParams        `json:"params"`
	Articles []sayso.SearchHit   `json:"articles"`
	Quotes   []sayso.Quote       `json:"quotes"`
	Speakers []sayso.SpeakerRef  `json:"speakers"`
	Outlets  []sayso.OutletRef   `json:"outlets"`
	Stats    *sayso.StoreStats   `json:"stats,omitempty"`
	Notes    []string            `json:"notes,omitempty"`
	Traced   []*sayso.QuoteTrace `json:"-"`
}

// parseSearch reads the search fields of r. EINVALID for a malformed date.
func parseSearch(r *http.Request) (searchParams, error) {
	q := r.URL.Query()
	p := searchParams{Q: strings.TrimSpace(q.Get("q")), Outlet: strings.TrimSpace(q.Get("outlet")),
		Speaker: strings.TrimSpace(q.Get("speaker")), From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to"))}
	for _, d := range []struct {
		s   string
		dst **time.Time
		add time.Duration
	}{{p.From, &p.from, 0}, {p.To, &p.to, 24*time.Hour - time.Nanosecond}} {
		if d.s == "" {
			continue
		}
		t, err := time.Parse("2006-01-02", d.s)
		if err != nil {
			return p, sayso.Errorf(sayso.EINVALID, "date %q: want YYYY-MM-DD", d.s)
		}
		t = t.Add(d.add)
		*d.dst = &t
	}
	return p, nil
}

// inRange reports whether t is within the dates asked for (an undated
// article is outside any range).
func (p searchParams) inRange(t *time.Time) bool {
	if p.from == nil && p.to == nil {
		return true
	}
	if t == nil {
		return false
	}
	return (p.from == nil || !t.Before(*p.from)) && (p.to == nil || !t.After(*p.to))
}

// outletMatch reports whether host is the outlet asked for or under it.
func (p searchParams) outletMatch(host string) bool {
	o := strings.ToLower(p.Outlet)
	return o == "" || host == o || strings.HasSuffix(host, "."+o)
}

// search runs a search over articles, quotes, speakers and outlets.
func (s *Server) search(ctx context.Context, p searchParams) (*searchResult, error) {
	res := &searchResult{Params: p}
	c := s.cfg.Corpus
	filtered := p.Outlet != "" || p.from != nil || p.to != nil
	if p.Q != "" {
		limit := searchLimit
		if filtered {
			limit = filterWindow
		}
		hits, err := c.Search(ctx, sayso.SearchQuery{Text: p.Q, Limit: limit})
		if err != nil {
			return nil, err
		}
		for _, h := range hits {
			if p.outletMatch(h.Outlet) && p.inRange(h.Published) && len(res.Articles) < searchLimit {
				res.Articles = append(res.Articles, h)
			}
		}
		if filtered {
			res.Notes = append(res.Notes, "Outlet and date filters apply to the best 200 article matches.")
		}
		if res.Speakers, err = c.FindSpeakers(ctx, p.Q, findLimit); err != nil {
			return nil, err
		}
		if res.Outlets, err = c.FindOutlets(ctx, p.Q, findLimit); err != nil {
			return nil, err
		}
	}
	if p.Q != "" || p.Speaker != "" || p.Outlet != "" {
		text := p.Q
		if p.Speaker == "" && len(res.Speakers) > 0 && p.Outlet == "" {
			// A query naming a speaker lists what they said.
			text = ""
			p.Speaker = res.Speakers[0].Name
		}
		qs, err := c.Quotes(ctx, sayso.QuoteQuery{Text: text, Speaker: p.Speaker, Outlet: p.Outlet, Limit: searchLimit})
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			if p.inRange(q.Published) {
				res.Quotes = append(res.Quotes, q)
			}
		}
	}
	return res, nil
}

// home is the start page: the search form and what the corpus holds.
func (s *Server) home(r *http.Request) (*view, error) {
	st, err := s.cfg.Corpus.Stats(r.Context())
	if err != nil {
		return nil, err
	}
	return &view{"home", pageData{Title: "sayso", Body: st}}, nil
}

// searchPage shows a search's results.
func (s *Server) searchPage(r *http.Request) (*view, error) {
	p, err := parseSearch(r)
	if err != nil {
		return nil, err
	}
	res, err := s.search(r.Context(), p)
	if err != nil {
		return nil, err
	}
	return &view{"search", pageData{Title: "Search: " + p.Q, Query: p.Q, Body: res}}, nil
}

// pathID reads the numeric path value name. EINVALID when it is not one.
func pathID(r *http.Request, name string) (int64, error) {
	v := r.PathValue(name)
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, sayso.Errorf(sayso.EINVALID, "%s %q: want a positive number", name, v)
	}
	return id, nil
}

// articleData reads a stored article with its copies and quote traces.
// Provenance that the indexes cannot answer (ECONFLICT: they are stale)
// is left out, not failed.
func (s *Server) articleData(ctx context.Context, id int64) (*articleView, error) {
	ref := strconv.FormatInt(id, 10)
	sa, err := s.cfg.Corpus.Article(ctx, ref)
	if err != nil {
		return nil, err
	}
	copies, err := s.cfg.Corpus.Copies(ctx, ref)
	if err != nil && sayso.ErrorCodeOf(err) != sayso.ECONFLICT {
		return nil, err
	}
	traces, err := s.cfg.Corpus.TraceArticle(ctx, ref)
	if err != nil && sayso.ErrorCodeOf(err) != sayso.ECONFLICT {
		return nil, err
	}
	return buildArticleView(sa, copies, traces), nil
}

// articlePage shows an article with its attributions in place.
func (s *Server) articlePage(r *http.Request) (*view, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	v, err := s.articleData(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return &view{"article", pageData{Title: v.Stored.Article.Title, Body: v}}, nil
}

// quoteView is a quote's trace with its timeline and speakers.
type quoteView struct {
	Trace    *sayso.QuoteTrace `json:"trace"`
	Speakers []sayso.Count     `json:"speakers"`
	Altered  int               `json:"altered"`
	Timeline timeline          `json:"-"`
}

// quoteData reads trace id.
func (s *Server) quoteData(ctx context.Context, id int64) (*quoteView, error) {
	t, err := s.cfg.Corpus.Trace(ctx, id)
	if err != nil {
		return nil, err
	}
	v := &quoteView{Trace: t, Timeline: buildTimeline(t)}
	speakers := map[string]int{}
	var order []string
	for _, a := range t.Appearances {
		name := a.Speaker
		if name == "" {
			name = "(no speaker named)"
		}
		if _, ok := speakers[name]; !ok {
			order = append(order, name)
		}
		speakers[name]++
		if a.Variant == sayso.VariantAltered || a.Variant == sayso.VariantMisattributed {
			v.Altered++
		}
	}
	for _, n := range order {
		v.Speakers = append(v.Speakers, sayso.Count{Key: n, N: speakers[n]})
	}
	return v, nil
}

// quotePage shows a quote's trace.
func (s *Server) quotePage(r *http.Request) (*view, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	v, err := s.quoteData(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return &view{"quote", pageData{Title: "Quote trace", Body: v}}, nil
}

// speakerView is a speaker's profile with its chart.
type speakerView struct {
	*sayso.SpeakerProfile
	Chart barChart
}

// speakerPage shows a speaker's profile.
func (s *Server) speakerPage(r *http.Request) (*view, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	p, err := s.cfg.Corpus.SpeakerProfile(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return &view{"speaker", pageData{Title: p.Name, Body: speakerView{p, buildMonthChart(p.Months)}}}, nil
}

// outletView is an outlet's profile with its share bar.
type outletView struct {
	*sayso.OutletProfile
	Shares []shareBar
	Total  int
}

// outletPage shows an outlet's attribution profile.
func (s *Server) outletPage(r *http.Request) (*view, error) {
	p, err := s.cfg.Corpus.OutletProfile(r.Context(), r.PathValue("host"))
	if err != nil {
		return nil, err
	}
	parts := []sayso.Count{{Key: "direct", N: p.Direct}, {Key: "mixed", N: p.Mixed}, {Key: "indirect", N: p.Indirect},
		{Key: "unattributed", N: p.Unattributed}}
	return &view{"outlet", pageData{Title: p.Host, Body: outletView{p, buildShares(parts),
		p.Direct + p.Mixed + p.Indirect + p.Unattributed}}}, nil
}
