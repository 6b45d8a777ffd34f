package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
)

// provenanceTests need two stores: they compare one corpus stored in
// different ways.
var provenanceTests = []struct {
	name string
	fn   func(t *testing.T, open func(t *testing.T) sayso.Store)
}{
	{"ProvenanceOrder", testProvenanceOrder},
	{"ProvenanceReplace", testProvenanceReplace},
}

func testCopies(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	recs := ProvenanceCorpus()
	res := save(t, s, recs...)
	id := func(i int) int64 { return res[i].ArticleID }
	for _, ref := range []string{fmt.Sprint(id(1)), "https://coastaldigest.example/2024/05/strike?utm_source=x", fmt.Sprint(id(0))} {
		c, err := s.Copies(ctx, ref)
		if err != nil || c == nil {
			t.Fatalf("Copies(%s) = %v, %v", ref, c, err)
		}
		if c.Original.ArticleID != id(0) || !c.Original.Original || c.Original.URL != recs[0].Page.URL || c.Original.Outlet != "porthavenpost.example" {
			t.Errorf("Copies(%s) original = %+v, want article %d", ref, c.Original, id(0))
		}
		var members []int64
		for _, m := range c.Members {
			members = append(members, m.ArticleID)
		}
		if want := []int64{id(0), id(1), id(2)}; !slices.Equal(members, want) {
			t.Errorf("Copies(%s) members %v, want %v (original first, then by date)", ref, members, want)
		}
		if len(c.Evidence) < 2 || c.Evidence[0].Kind != sayso.EvidenceCredit || c.Evidence[0].Text != "Source: Porthaven Post" ||
			c.Evidence[0].ArticleID != id(1) || c.Evidence[1].Kind != sayso.EvidenceCanonical || c.Evidence[1].ArticleID != id(2) {
			t.Errorf("Copies(%s) evidence = %+v", ref, c.Evidence)
		}
		b := c.Members[1]
		if b.Similarity >= 1 || b.Similarity < 0.5 || b.Containment < 0.8 || b.Diff == nil ||
			*b.Diff != (sayso.CopyDiff{ParagraphsAdded: 1, ParagraphsRemoved: 2, HeadlineChanged: true}) {
			t.Errorf("copy B = %+v diff %+v", b, b.Diff)
		}
		if m := c.Members[2]; m.Similarity != 1 || m.Diff == nil || *m.Diff != (sayso.CopyDiff{}) {
			t.Errorf("mirror C = %+v diff %+v", m, m.Diff)
		}
	}
	for _, i := range []int{3, 4, 5} {
		if c, err := s.Copies(ctx, fmt.Sprint(id(i))); err != nil || c != nil {
			t.Errorf("Copies(article %d) = %+v, %v; want none", i, c, err)
		}
	}
	if _, err := s.Copies(ctx, "https://nowhere.example/x"); sayso.ErrorCodeOf(err) != sayso.ENOTFOUND {
		t.Errorf("Copies of an unknown address: %v, want ENOTFOUND", err)
	}
	all, err := s.CopyClusters(ctx, 0, 10)
	if err != nil || len(all) != 1 || len(all[0].Members) != 3 {
		t.Fatalf("CopyClusters = %+v, %v", all, err)
	}
	if more, err := s.CopyClusters(ctx, all[0].ID, 10); err != nil || len(more) != 0 {
		t.Errorf("CopyClusters after the last = %+v, %v", more, err)
	}
}

func testTraces(t *testing.T, s sayso.Store) {
	ctx := context.Background()
	recs := ProvenanceCorpus()
	res := save(t, s, recs...)
	id := func(i int) int64 { return res[i].ArticleID }
	traces, err := s.TraceArticle(ctx, recs[0].Page.URL)
	if err != nil || len(traces) != 2 {
		t.Fatalf("TraceArticle(A) = %d traces, %v; want 2", len(traces), err)
	}
	type app struct {
		article int64
		variant sayso.QuoteVariant
		copyOf  int64
		speaker string
	}
	summary := func(tr *sayso.QuoteTrace) []app {
		var out []app
		for _, a := range tr.Appearances {
			var c int64
			if a.CopyOf != nil {
				c = a.CopyOf.ArticleID
			}
			out = append(out, app{a.ArticleID, a.Variant, c, a.Speaker})
		}
		return out
	}
	solberg, brandt := traces[0], traces[1]
	if solberg.Text != quoteSolberg || solberg.Speaker != "Mira Solberg" || solberg.First.ArticleID != id(0) {
		t.Errorf("first trace: %q by %q first in %d", solberg.Text, solberg.Speaker, solberg.First.ArticleID)
	}
	// B is dated before A, but copies come after their original.
	want := []app{{id(0), sayso.VariantExact, 0, "Mira Solberg"}, {id(1), sayso.VariantExact, id(0), "Mira Solberg"},
		{id(2), sayso.VariantExact, id(0), "Mira Solberg"}, {id(3), sayso.VariantTruncated, 0, "Mira Solberg"},
		{id(4), sayso.VariantMisattributed, 0, "Ilse Brandt"}}
	if got := summary(solberg); !slices.Equal(got, want) {
		t.Errorf("Solberg trace:\n got %v\nwant %v", got, want)
	}
	want = []app{{id(0), sayso.VariantExact, 0, "Ilse Brandt"}, {id(1), sayso.VariantExact, id(0), "Ilse Brandt"},
		{id(2), sayso.VariantExact, id(0), "Ilse Brandt"}, {id(3), sayso.VariantAltered, 0, "Ilse Brandt"}}
	if got := summary(brandt); !slices.Equal(got, want) {
		t.Errorf("Brandt trace:\n got %v\nwant %v", got, want)
	}
	var diff []string
	for _, op := range brandt.Appearances[3].Diff {
		diff = append(diff, op.Op+op.Text)
	}
	if got := strings.Join(diff, " "); !strings.Contains(got, "-afford +survive") {
		t.Errorf("altered diff = %q", got)
	}
	for _, a := range brandt.Appearances {
		if a.URL == "" || a.Outlet == "" || a.Published == nil || a.Text == "" {
			t.Errorf("appearance incomplete: %+v", a)
		}
	}

	found, err := s.TraceQuote(ctx, "nobody on this island can afford a strike", 10)
	if err != nil || len(found) != 1 || found[0].ID != brandt.ID || len(found[0].Appearances) != 4 {
		t.Errorf("TraceQuote = %+v, %v", found, err)
	}
	found, err = s.TraceQuote(ctx, "“We rehearsed in the lifeboat station all winter”", 10)
	if err != nil || len(found) != 1 || len(found[0].Appearances) != 1 || found[0].First.ArticleID != id(5) {
		t.Errorf("TraceQuote of a quote printed once = %+v, %v", found, err)
	}
	if found, err := s.TraceQuote(ctx, "words that nobody has printed anywhere at all", 10); err != nil || len(found) != 0 {
		t.Errorf("TraceQuote of unprinted words = %+v, %v", found, err)
	}
	if _, err := s.TraceQuote(ctx, "a strike", 10); sayso.ErrorCodeOf(err) != sayso.EINVALID {
		t.Errorf("TraceQuote of two words: %v, want EINVALID", err)
	}
	if tr, err := s.TraceArticle(ctx, fmt.Sprint(id(5))); err != nil || len(tr) != 0 {
		t.Errorf("TraceArticle(F) = %+v, %v; want none", tr, err)
	}
	all, err := s.QuoteTraces(ctx, 0, 1)
	if err != nil || len(all) != 1 {
		t.Fatalf("QuoteTraces limit 1 = %d, %v", len(all), err)
	}
	rest, err := s.QuoteTraces(ctx, all[0].ID, 10)
	if err != nil || len(rest) != 1 || rest[0].ID == all[0].ID {
		t.Errorf("QuoteTraces after the first = %d, %v", len(rest), err)
	}
}

// ProvenanceSummary describes a store's clusters and traces by address,
// one sorted line each, so that stores filled in different orders (and so
// with different ids) can be compared.
func ProvenanceSummary(t *testing.T, s sayso.Store) string {
	t.Helper()
	ctx := context.Background()
	var lines []string
	after := int64(0)
	for {
		cs, err := s.CopyClusters(ctx, after, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) == 0 {
			break
		}
		for _, c := range cs {
			after = c.ID
			var ms []string
			for _, m := range c.Members {
				ms = append(ms, fmt.Sprintf("%s %.3f", m.URL, m.Similarity))
			}
			var ev []string
			for _, e := range c.Evidence {
				ev = append(ev, string(e.Kind)+":"+e.Text)
			}
			lines = append(lines, fmt.Sprintf("cluster %s [%s] {%s}", c.Original.URL, strings.Join(ev, "; "), strings.Join(ms, ", ")))
		}
	}
	after = 0
	for {
		ts, err := s.QuoteTraces(ctx, after, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(ts) == 0 {
			break
		}
		for _, tr := range ts {
			after = tr.ID
			var as []string
			for _, a := range tr.Appearances {
				c := ""
				if a.CopyOf != nil {
					c = " copy of " + a.CopyOf.URL
				}
				as = append(as, fmt.Sprintf("%s %s %s %v%s", a.URL, a.Variant, a.Speaker, a.Diff, c))
			}
			lines = append(lines, fmt.Sprintf("trace %q by %s first %s {%s}", tr.Text, tr.Speaker, tr.First.URL, strings.Join(as, ", ")))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// testProvenanceOrder stores one corpus in several orders and batchings:
// the clusters and traces are the same.
func testProvenanceOrder(t *testing.T, open func(t *testing.T) sayso.Store) {
	ref := open(t)
	defer ref.Close()
	save(t, ref, ProvenanceCorpus()...)
	want := ProvenanceSummary(t, ref)
	if strings.Count(want, "cluster ") != 1 || strings.Count(want, "trace ") != 2 {
		t.Fatalf("reference summary:\n%s", want)
	}
	for seed := range uint64(4) {
		s := open(t)
		recs := ProvenanceCorpus()
		rand.New(rand.NewPCG(seed, 11)).Shuffle(len(recs), func(i, j int) { recs[i], recs[j] = recs[j], recs[i] })
		for len(recs) > 0 {
			n := 1 + int(seed)%3
			n = min(n, len(recs))
			save(t, s, recs[:n]...)
			recs = recs[n:]
		}
		if got := ProvenanceSummary(t, s); got != want {
			t.Errorf("order %d:\n%s\nwant\n%s", seed, got, want)
		}
		s.Close()
	}
}

// testProvenanceReplace replaces a copy with an unrelated reading and
// back, and rebuilds the indexes: each time the clusters and traces are
// those of the corpus as it stands.
func testProvenanceReplace(t *testing.T, open func(t *testing.T) sayso.Store) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	recs := ProvenanceCorpus()
	res := save(t, s, recs...)
	want := ProvenanceSummary(t, s)

	// Without A, B and C are still copies of each other; both declare
	// themselves copies of an outlet no member is, so the earliest, B, is
	// the original.
	other := simpleRecord("https://porthavenpost.example/news/ferry-strike", "Corrected", "A different text altogether, about the weather.")
	save(t, s, &sayso.Record{PageID: res[0].PageID, State: sayso.StateArticle, Article: other.Article})
	without := ProvenanceSummary(t, s)
	if strings.Contains(without, "porthavenpost.example/news/ferry-strike ") || !strings.Contains(without, "cluster https://coastaldigest.example/2024/05/strike [earliest") {
		t.Errorf("after replacing A:\n%s", without)
	}
	ref := open(t)
	defer ref.Close()
	save(t, ref, recs[1:]...)
	if got := ProvenanceSummary(t, ref); got != without {
		t.Errorf("after replacing A:\n%s\nwant (a store without A)\n%s", without, got)
	}

	save(t, s, &sayso.Record{PageID: res[0].PageID, State: sayso.StateArticle, Article: recs[0].Article, Analysis: recs[0].Analysis,
		AnalyzerVersion: recs[0].AnalyzerVersion})
	if got := ProvenanceSummary(t, s); got != want {
		t.Errorf("after restoring A:\n%s\nwant\n%s", got, want)
	}
	if err := s.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if got := ProvenanceSummary(t, s); got != want {
		t.Errorf("after Reindex:\n%s\nwant\n%s", got, want)
	}
}
