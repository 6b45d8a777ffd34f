package storetest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sayso-news/sayso"
)

// Run runs the behaviour suite against stores made by open, which must
// return a new, empty store for each call (the suite closes it).
func Run(t *testing.T, open func(t *testing.T) sayso.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s sayso.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Duplicates", testDuplicates},
		{"Canonical", testCanonical},
		{"States", testStates},
		{"Pages", testPages},
		{"Replace", testReplace},
		{"ReplaceTwice", testReplaceTwice},
		{"Search", testSearch},
		{"Quotes", testQuotes},
		{"FeedState", testFeedState},
		{"NotFound", testNotFound},
		{"Concurrent", testConcurrent},
		{"Copies", testCopies},
		{"Traces", testTraces},
		{"FindSpeakers", testFindSpeakers},
		{"FindOutlets", testFindOutlets},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tt.fn(t, s)
		})
	}
	for _, tt := range provenanceTests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

func save(t *testing.T, s sayso.Store, recs ...*sayso.Record) []sayso.SaveResult {
	t.Helper()
	res, err := s.Save(context.Background(), recs)
	if err != nil {
		t.Fatalf("Save: %v", err)
	}
	if len(res) != len(recs) {
		t.Fatalf("Save returned %d results for %d records", len(res), len(recs))
	}
	return res
}

func testRoundTrip(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	rec := harbourRecord("https://porthaven.example/news/harbour-plan")
	res := save(t, s, rec)
	if res[0].Outcome != sayso.OutcomeStored || res[0].ArticleID == 0 || res[0].PageID != res[0].ArticleID {
		t.Fatalf("result = %+v", res[0])
	}
	for _, ref := range []string{fmt.Sprint(res[0].ArticleID), "https://PORTHAVEN.example/news/harbour-plan?utm_source=x"} {
		got, err := s.Article(ctx, ref)
		if err != nil {
			t.Fatalf("Article(%s): %v", ref, err)
		}
		if diff := cmp.Diff(rec.Article, got.Article); diff != "" {
			t.Errorf("Article(%s) article mismatch (-saved +loaded):\n%s", ref, diff)
		}
		if diff := cmp.Diff(rec.Analysis, got.Analysis); diff != "" {
			t.Errorf("Article(%s) analysis mismatch (-saved +loaded):\n%s", ref, diff)
		}
		if got.Outlet != "porthaven.example" || got.Source != "test" || got.AnalyzerVersion != "attrib-test" ||
			!got.FetchedAt.Equal(rec.Page.FetchedAt) || got.FinalURL != rec.Page.FinalURL {
			t.Errorf("Article(%s) context = %q %q %q %v %q", ref, got.Outlet, got.Source, got.AnalyzerVersion, got.FetchedAt, got.FinalURL)
		}
	}
	all, err := s.Articles(ctx, 0, 10)
	if err != nil || len(all) != 1 || all[0].ID != res[0].ArticleID {
		t.Fatalf("Articles = %v, %v", all, err)
	}
	if diff := cmp.Diff(rec.Analysis, all[0].Analysis); diff != "" {
		t.Errorf("Articles analysis mismatch:\n%s", diff)
	}
	if rest, err := s.Articles(ctx, all[0].ID, 10); err != nil || len(rest) != 0 {
		t.Errorf("Articles after the last = %v, %v", rest, err)
	}
	speakers, err := s.Speakers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(speakers) == 0 || speakers[0].Name != "Ilse Brandt" || speakers[0].Attributions != 2 || speakers[0].Articles != 1 {
		t.Errorf("Speakers = %+v, want Ilse Brandt first with 2 attributions in 1 article", speakers)
	}
}

func testDuplicates(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	a := simpleRecord("https://news.example/a", "Alpha", "Alpha text about tides.")
	sameURL := simpleRecord("https://news.example/a?utm_medium=rss#top", "Alpha again", "Changed text.")
	b := simpleRecord("https://news.example/b", "Beta", "Beta text about winds.")
	sameBody := simpleRecord("https://mirror.example/copy-of-b", "Beta", "Beta text about winds.")
	sameBody.Page.Body = b.Page.Body
	res := save(t, s, a, sameURL, b, sameBody)
	want := []sayso.SaveOutcome{sayso.OutcomeStored, sayso.OutcomeDuplicateURL, sayso.OutcomeStored, sayso.OutcomeDuplicateContent}
	for i, r := range res {
		if r.Outcome != want[i] {
			t.Errorf("record %d: outcome %s, want %s", i, r.Outcome, want[i])
		}
	}
	if res[1].PageID != res[0].PageID || res[3].PageID != res[2].PageID {
		t.Errorf("duplicates do not name the stored page: %+v", res)
	}
	// Saving everything again, in a later transaction, stores nothing.
	again := save(t, s, simpleRecord("https://news.example/a", "Alpha", "Alpha text about tides."), b)
	for i, r := range again {
		if r.Outcome != sayso.OutcomeDuplicateURL {
			t.Errorf("resave %d: outcome %s", i, r.Outcome)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Pages != 2 || st.Articles != 2 {
		t.Errorf("Stats = %+v, want 2 pages, 2 articles", st)
	}
	known, err := s.Known(ctx, []string{"https://news.example/a", "https://NEWS.example/b#x", "https://mirror.example/copy-of-b", "https://news.example/c"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]bool{true, true, true, false}, known); diff != "" {
		t.Errorf("Known mismatch:\n%s", diff)
	}
}

func testCanonical(t *testing.T, s sayso.Store) {
	orig := simpleRecord("https://news.example/story/42", "Story", "The original text of story 42.")
	amp := simpleRecord("https://news.example/amp/story/42", "Story", "The AMP text of story 42.")
	amp.Article.CanonicalURL = "https://news.example/story/42"
	copy := simpleRecord("https://other.example/syndicated/42", "Story", "The syndicated text of story 42.")
	copy.Article.CanonicalURL = "https://news.example/story/42"
	home := simpleRecord("https://news.example/story/43", "Story 43", "Story 43 has a careless canonical.")
	home.Article.CanonicalURL = "https://news.example/"
	home2 := simpleRecord("https://news.example/story/44", "Story 44", "Story 44 too.")
	home2.Article.CanonicalURL = "https://news.example/"
	res := save(t, s, orig, amp, copy, home, home2)
	want := []sayso.SaveOutcome{sayso.OutcomeStored, sayso.OutcomeDuplicateURL, sayso.OutcomeStored, sayso.OutcomeStored, sayso.OutcomeStored}
	for i, r := range res {
		if r.Outcome != want[i] {
			t.Errorf("record %d: outcome %s, want %s (same-outlet canonical dedups; another outlet's copy and home-page canonicals do not)", i, r.Outcome, want[i])
		}
	}
}

func testStates(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	none := &sayso.Record{Page: page("https://news.example/tag/weather", "<html>list</html>"), Source: "test",
		State: sayso.StateNoArticle, Error: "no article found on the page"}
	failed := &sayso.Record{Page: page("https://news.example/broken", "<html>%%%</html>"), Source: "test",
		State: sayso.StateFailed, Error: "extract: boom"}
	ok := simpleRecord("https://news.example/ok", "OK", "Fine text.")
	ok.Error = "attrib: not implemented"
	res := save(t, s, none, failed, ok)
	if res[0].ArticleID != 0 || res[1].ArticleID != 0 || res[2].ArticleID == 0 {
		t.Errorf("results = %+v", res)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sayso.StoreStats{Pages: 3, Articles: 1, NoArticle: 1, Failed: 1, Outlets: 1}, st); diff != "" {
		t.Errorf("Stats mismatch:\n%s", diff)
	}
	got, err := s.Article(ctx, fmt.Sprint(res[2].ArticleID))
	if err != nil {
		t.Fatal(err)
	}
	if got.AnalysisError != "attrib: not implemented" || got.Analysis != nil {
		t.Errorf("analysis error = %q, analysis = %v", got.AnalysisError, got.Analysis)
	}
	_, err = s.Article(ctx, "https://news.example/broken")
	if sayso.ErrorCodeOf(err) != sayso.ENOTFOUND || !strings.Contains(err.Error(), "no article") {
		t.Errorf("Article of a failed page: %v, want ENOTFOUND saying it has no article", err)
	}
}

func testPages(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	var recs []*sayso.Record
	for i := range 5 {
		recs = append(recs, simpleRecord(fmt.Sprintf("https://news.example/%d", i), "T", fmt.Sprintf("Text %d.", i)))
	}
	recs[2].Page.Redirects = []string{"https://news.example/old-2"}
	save(t, s, recs...)
	var got []*sayso.StoredPage
	after := int64(0)
	for {
		batch, err := s.Pages(ctx, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(batch) == 0 {
			break
		}
		got = append(got, batch...)
		after = batch[len(batch)-1].ID
	}
	if len(got) != 5 {
		t.Fatalf("Pages returned %d pages, want 5", len(got))
	}
	for i, p := range got {
		if diff := cmp.Diff(recs[i].Page, p.Page); diff != "" {
			t.Errorf("page %d mismatch (-saved +loaded):\n%s", i, diff)
		}
		if p.State != sayso.StateArticle || p.Source != "test" {
			t.Errorf("page %d: state %s source %s", i, p.State, p.Source)
		}
	}
}

func testReplace(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	rec := harbourRecord("https://porthaven.example/news/harbour-plan")
	res := save(t, s, rec)
	id := res[0].PageID
	// A better reading of the same page: new text, no analysis.
	newer := simpleRecord("https://porthaven.example/news/harbour-plan", "Harbour plan (corrected)", "Lighthouse keepers protested.")
	repl := &sayso.Record{PageID: id, State: sayso.StateArticle, Article: newer.Article}
	res = save(t, s, repl)
	if res[0].Outcome != sayso.OutcomeReplaced || res[0].ArticleID != id {
		t.Fatalf("replace result = %+v", res[0])
	}
	got, err := s.Article(ctx, fmt.Sprint(id))
	if err != nil {
		t.Fatal(err)
	}
	if got.Article.Title != "Harbour plan (corrected)" || got.Analysis != nil {
		t.Errorf("after replace: title %q, analysis %v", got.Article.Title, got.Analysis)
	}
	if hits, err := s.Search(ctx, sayso.SearchQuery{Text: "fisherman"}); err != nil || len(hits) != 0 {
		t.Errorf("old text still indexed: %v, %v", hits, err)
	}
	if hits, err := s.Search(ctx, sayso.SearchQuery{Text: "lighthouse"}); err != nil || len(hits) != 1 {
		t.Errorf("new text not indexed: %v, %v", hits, err)
	}
	if qs, err := s.Quotes(ctx, sayso.QuoteQuery{Text: "quay"}); err != nil || len(qs) != 0 {
		t.Errorf("old quotes still indexed: %v, %v", qs, err)
	}
	st, _ := s.Stats(ctx)
	if st.Attributions != 0 || st.Pages != 1 {
		t.Errorf("Stats after replace = %+v", st)
	}
	// Now the page reads as no article.
	save(t, s, &sayso.Record{PageID: id, State: sayso.StateNoArticle, Error: "no article"})
	if _, err := s.Article(ctx, fmt.Sprint(id)); sayso.ErrorCodeOf(err) != sayso.ENOTFOUND {
		t.Errorf("Article after replacing with no article: %v", err)
	}
	if _, err := s.Save(ctx, []*sayso.Record{{PageID: id + 1000, State: sayso.StateFailed}}); sayso.ErrorCodeOf(err) != sayso.ENOTFOUND {
		t.Errorf("replacing a missing page: %v, want ENOTFOUND", err)
	}
}

func testSearch(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	save(t, s,
		harbourRecord("https://porthaven.example/news/harbour-plan"),
		simpleRecord("https://news.example/storm", "Storm closes the ferry", "A storm closed the ferry to Skarvik on Monday.", "Fishermen stayed in port."),
		simpleRecord("https://news.example/budget", "Budget vote delayed", "The U.S.-led consortium asked for more time.", "The council will vote on the ferry budget in May."),
		simpleRecord("https://news.example/café", "Café reopens", "The café near the quay reopened with a new menu."),
	)
	tests := []struct {
		query string
		want  []string // titles, in order when more than one
	}{
		{"harbour", []string{"Porthaven council approves harbour plan"}},
		{"ferry", nil}, // several; checked below
		{"ferry storm", []string{"Storm closes the ferry"}},
		{`"ferry budget"`, []string{"Budget vote delayed"}},
		{"ferry -storm -harbour", []string{"Budget vote delayed"}},
		{"ferry NOT storm NOT harbour", []string{"Budget vote delayed"}},
		{"skarvik OR consortium", nil},
		{"fisher*", nil},
		{"U.S.-led", []string{"Budget vote delayed"}},
		{"CAFE", []string{"Café reopens"}},
		{"lighthouse", []string{}},
		{`"unbalanced quote`, []string{}},
		{"AND OR NOT * ( ) :", nil},
	}
	for _, tt := range tests {
		hits, err := s.Search(ctx, sayso.SearchQuery{Text: tt.query})
		if tt.query == "AND OR NOT * ( ) :" {
			if sayso.ErrorCodeOf(err) != sayso.EINVALID {
				t.Errorf("Search(%q) err = %v, want EINVALID", tt.query, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		var titles []string
		for _, h := range hits {
			titles = append(titles, h.Title)
			if !strings.Contains(h.Snippet, "[") {
				t.Errorf("Search(%q) hit %q snippet %q marks no match", tt.query, h.Title, h.Snippet)
			}
			if h.URL == "" || h.Outlet == "" || h.ArticleID == 0 {
				t.Errorf("Search(%q) hit incomplete: %+v", tt.query, h)
			}
		}
		switch {
		case tt.want == nil:
			if len(hits) < 2 {
				t.Errorf("Search(%q) = %v, want several hits", tt.query, titles)
			}
		case len(tt.want) == 0:
			if len(hits) != 0 {
				t.Errorf("Search(%q) = %v, want none", tt.query, titles)
			}
		default:
			if diff := cmp.Diff(tt.want, titles); diff != "" {
				t.Errorf("Search(%q) mismatch:\n%s", tt.query, diff)
			}
		}
	}
	hits, err := s.Search(ctx, sayso.SearchQuery{Text: "ferry", Limit: 1})
	if err != nil || len(hits) != 1 {
		t.Errorf("Limit 1: %v, %v", hits, err)
	}
	// A title match outranks a body match.
	hits, _ = s.Search(ctx, sayso.SearchQuery{Text: "storm"})
	if len(hits) == 0 || hits[0].Title != "Storm closes the ferry" {
		t.Errorf("storm: %v", hits)
	}
	if _, err := s.Search(ctx, sayso.SearchQuery{Text: "   "}); sayso.ErrorCodeOf(err) != sayso.EINVALID {
		t.Errorf("empty query: %v, want EINVALID", err)
	}
}

func testQuotes(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	save(t, s, harbourRecord("https://www.porthaven.example/news/harbour-plan"))
	other := harbourRecord("https://coastalwire.example/wire/harbour")
	other.Page.Body = []byte("<html>wire copy</html>")
	save(t, s, other)
	tests := []struct {
		q    sayso.QuoteQuery
		want int
	}{
		{sayso.QuoteQuery{}, 8},
		{sayso.QuoteQuery{Speaker: "brandt"}, 4},
		{sayso.QuoteQuery{Speaker: "BRANDT", Outlet: "porthaven.example"}, 2},
		{sayso.QuoteQuery{Outlet: "www.porthaven.example"}, 4},
		{sayso.QuoteQuery{Outlet: "https://coastalwire.example/x"}, 4},
		{sayso.QuoteQuery{Outlet: "haven.example"}, 0}, // labels match whole, not in part
		{sayso.QuoteQuery{Text: "fisherman"}, 2},
		{sayso.QuoteQuery{Text: "fisherman", Outlet: "coastalwire.example"}, 1},
		{sayso.QuoteQuery{Kind: sayso.Indirect}, 4},
		{sayso.QuoteQuery{Speaker: "100%_"}, 0},
		{sayso.QuoteQuery{Limit: 3}, 3},
	}
	for _, tt := range tests {
		got, err := s.Quotes(ctx, tt.q)
		if err != nil {
			t.Errorf("Quotes(%+v): %v", tt.q, err)
			continue
		}
		if len(got) != tt.want {
			t.Errorf("Quotes(%+v) = %d quotes, want %d", tt.q, len(got), tt.want)
		}
	}
	got, err := s.Quotes(ctx, sayso.QuoteQuery{Text: "fisherman", Outlet: "porthaven.example"})
	if err != nil || len(got) != 1 {
		t.Fatalf("Quotes = %v, %v", got, err)
	}
	q := got[0]
	want := sayso.Quote{ID: q.ID, ArticleID: q.ArticleID, URL: "https://www.porthaven.example/news/harbour-plan",
		Title: "Porthaven council approves harbour plan", Outlet: "porthaven.example", Published: q.Published,
		Kind: sayso.Direct, Speaker: &sayso.Speaker{Name: "Ilse Brandt", Type: sayso.Person, Role: "Mayor", Resolution: sayso.ResolvedNamed},
		Source: "Mayor Ilse Brandt", Cue: "said", Content: "We listened to every fisherman in Porthaven, The plan keeps the quay open.",
		Confidence: 0.93}
	if diff := cmp.Diff(want, q); diff != "" {
		t.Errorf("quote mismatch:\n%s", diff)
	}
	if q.Published == nil || q.Published.Year() != 2024 {
		t.Errorf("published = %v", q.Published)
	}
}

func testFeedState(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	v, err := s.FeedState(ctx, "https://news.example/rss")
	if err != nil || !v.IsZero() {
		t.Fatalf("FeedState of an unknown feed = %+v, %v", v, err)
	}
	want := sayso.Validators{ETag: `W/"x1"`, LastModified: "Tue, 05 Mar 2024 10:00:00 GMT"}
	if err := s.SetFeedState(ctx, "https://news.example/rss", want); err != nil {
		t.Fatal(err)
	}
	want.ETag = `W/"x2"`
	if err := s.SetFeedState(ctx, "https://news.example/rss", want); err != nil {
		t.Fatal(err)
	}
	v, err = s.FeedState(ctx, "https://NEWS.example/rss")
	if err != nil || v != want {
		t.Errorf("FeedState = %+v, %v; want %+v", v, err, want)
	}
}

func testNotFound(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	for _, ref := range []string{"42", "https://nowhere.example/x", "not a url"} {
		if _, err := s.Article(ctx, ref); sayso.ErrorCodeOf(err) != sayso.ENOTFOUND {
			t.Errorf("Article(%q) = %v, want ENOTFOUND", ref, err)
		}
	}
	if _, err := s.Save(ctx, []*sayso.Record{{Source: "x"}}); sayso.ErrorCodeOf(err) != sayso.EINVALID {
		t.Errorf("Save of a record without a page: %v, want EINVALID", err)
	}
}

func testConcurrent(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				// Every writer also saves a URL the others save, to race on duplicates.
				recs := []*sayso.Record{
					simpleRecord(fmt.Sprintf("https://news.example/w%d/%d", w, i), "T", fmt.Sprintf("Writer %d item %d.", w, i)),
					simpleRecord(fmt.Sprintf("https://news.example/shared/%d", i), "S", fmt.Sprintf("Shared item %d.", i)),
				}
				if _, err := s.Save(ctx, recs); err != nil {
					errs <- err
					return
				}
				if _, err := s.Search(ctx, sayso.SearchQuery{Text: "item"}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 50 {
		t.Errorf("Articles = %d, want 50 (40 own + 10 shared, each once)", st.Articles)
	}
}

// testReplaceTwice replaces one page's reading twice in one Save: the
// second reading is the one indexed.
func testReplaceTwice(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	res := save(t, s, simpleRecord("https://news.example/a", "Alpha", "Original text about tides."))
	id := res[0].PageID
	first := simpleRecord("https://news.example/a", "Alpha", "First correction about winds.")
	second := simpleRecord("https://news.example/a", "Alpha", "Second correction about harbours.")
	save(t, s, &sayso.Record{PageID: id, State: sayso.StateArticle, Article: first.Article},
		&sayso.Record{PageID: id, State: sayso.StateArticle, Article: second.Article})
	for q, want := range map[string]int{"tides": 0, "winds": 0, "harbours": 1} {
		if hits, err := s.Search(ctx, sayso.SearchQuery{Text: q}); err != nil || len(hits) != want {
			t.Errorf("Search(%q) = %d hits, %v; want %d", q, len(hits), err, want)
		}
	}
}

// speakerFinder is a store that looks speakers up by part of their name.
type speakerFinder interface {
	FindSpeakers(ctx context.Context, text string, limit int) ([]sayso.SpeakerRef, error)
}

// testFindSpeakers checks the speaker look-up: case-insensitive parts of
// names, shortest first, bounded, anonymous speakers left out, and
// speakers stored after a first look-up found by the next.
func testFindSpeakers(t *testing.T, s sayso.Store) {
	f, ok := s.(speakerFinder)
	if !ok {
		t.Skip("the store has no FindSpeakers")
	}
	ctx := context.Background()
	names := func(text string, limit int) string {
		t.Helper()
		refs, err := f.FindSpeakers(ctx, text, limit)
		if err != nil {
			t.Fatalf("FindSpeakers(%q): %v", text, err)
		}
		var out []string
		for _, r := range refs {
			if r.ID <= 0 {
				t.Errorf("FindSpeakers(%q): %q has no id", text, r.Name)
			}
			out = append(out, r.Name+"/"+string(r.Type))
		}
		return strings.Join(out, ", ")
	}
	if got := names("brandt", 10); got != "" {
		t.Errorf("empty store: FindSpeakers(brandt) = %q", got)
	}
	save(t, s, harbourRecord("https://example.com/harbour"))
	for _, tt := range []struct {
		text  string
		limit int
		want  string
	}{
		{"BRANDT", 10, "Ilse Brandt/person"},
		{"port", 10, "Porthaven Port Authority/organisation"},
		{"a", 10, "Ilse Brandt/person, Porthaven Port Authority/organisation"},
		{"a", 1, "Ilse Brandt/person"},
		{"nobody", 10, ""},
	} {
		if got := names(tt.text, tt.limit); got != tt.want {
			t.Errorf("FindSpeakers(%q, %d) = %q, want %q", tt.text, tt.limit, got, tt.want)
		}
	}
	rec := harbourRecord("https://example.org/harbour-2")
	rec.Analysis.Attributions[0].Speaker = &sayso.Speaker{Name: "Ilse Brandtner", Type: sayso.Person, Resolution: sayso.ResolvedNamed}
	rec.Page.Body = append(rec.Page.Body, " second"...)
	save(t, s, rec)
	if got, want := names("brandt", 10), "Ilse Brandt/person, Ilse Brandtner/person"; got != want {
		t.Errorf("after a second save: FindSpeakers(brandt) = %q, want %q", got, want)
	}
}

// outletFinder is a store that looks outlets up by part of their domain
// or name.
type outletFinder interface {
	FindOutlets(ctx context.Context, text string, limit int) ([]sayso.OutletRef, error)
}

// testFindOutlets checks the outlet look-up: parts of domains and names,
// case-insensitive, shortest domains first, bounded, and an outlet stored
// or named after a first look-up found by the next.
func testFindOutlets(t *testing.T, s sayso.Store) {
	f, ok := s.(outletFinder)
	if !ok {
		t.Skip("the store has no FindOutlets")
	}
	ctx := context.Background()
	hosts := func(text string, limit int) string {
		t.Helper()
		refs, err := f.FindOutlets(ctx, text, limit)
		if err != nil {
			t.Fatalf("FindOutlets(%q): %v", text, err)
		}
		var out []string
		for _, r := range refs {
			out = append(out, r.Host+"/"+r.Name)
		}
		return strings.Join(out, ", ")
	}
	save(t, s, harbourRecord("https://example.com/harbour"))
	if got, want := hosts("EXAMPLE", 10), "example.com/Porthaven Post"; got != want {
		t.Errorf("FindOutlets(EXAMPLE) = %q, want %q", got, want)
	}
	rec := harbourRecord("https://news.example.org/harbour")
	rec.Article.Publisher = "Porthaven Gazette"
	rec.Page.Body = append(rec.Page.Body, " org"...)
	save(t, s, rec)
	for _, tt := range []struct {
		text  string
		limit int
		want  string
	}{
		{"example", 10, "example.com/Porthaven Post, example.org/Porthaven Gazette"},
		{"example", 1, "example.com/Porthaven Post"},
		{"gazette", 10, "example.org/Porthaven Gazette"},
		{"nowhere", 10, ""},
	} {
		if got := hosts(tt.text, tt.limit); got != tt.want {
			t.Errorf("FindOutlets(%q, %d) = %q, want %q", tt.text, tt.limit, got, tt.want)
		}
	}
	rec = harbourRecord("https://example.com/harbour-again")
	rec.Article.Publisher = "Example Daily"
	rec.Page.Body = append(rec.Page.Body, " again"...)
	save(t, s, rec)
	if got, want := hosts("daily", 10), "example.com/Example Daily"; got != want {
		t.Errorf("after naming an outlet: FindOutlets(daily) = %q, want %q", got, want)
	}
}
