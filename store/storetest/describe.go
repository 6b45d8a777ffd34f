package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
)

// describeSearches are the searches Describe runs: words, phrases,
// exclusions, alternatives, prefixes, accents, punctuation and stop words, each in a
// form the articles print (stemming, which only some engines do, plays no
// part).
var describeSearches = []string{
	"ferry", "strike", "Porthaven", `"ferry crews"`, "ferry -strike", "skarvik OR choir",
	"mediat*", "CAFE", "U.S.-led", "island NOT summer", "lighthouse", "the", `"closed the ferry"`,
}

// describeQuotes are the quote listings Describe runs.
var describeQuotes = []sayso.QuoteQuery{
	{}, {Speaker: "brandt"}, {Speaker: "solberg", Outlet: "northgazette.example"},
	{Text: "table"}, {Text: "strike"}, {Text: "fisherman"}, {Outlet: "porthaven.example"},
	{Kind: sayso.Indirect}, {Text: `"summer season"`}, {Text: "the"},
}

// DescribeCorpus returns the records Describe stores: the provenance
// corpus (in English) and the search and quote fixtures.
func DescribeCorpus() []*sayso.Record {
	recs := ProvenanceCorpus()
	for _, r := range recs {
		r.Article.Language = "en"
	}
	return append(recs,
		harbourRecord("https://porthaven.example/news/harbour-plan"),
		simpleRecord("https://news.example/storm", "Storm closes the ferry", "A storm closed the ferry to Skarvik on Monday.", "Fishermen stayed in port."),
		simpleRecord("https://news.example/budget", "Budget vote delayed", "The U.S.-led consortium asked for more time.", "The council will vote on the ferry budget in May."),
		simpleRecord("https://news.example/café", "Café reopens", "The café near the quay reopened with a new menu."),
	)
}

// Describe stores DescribeCorpus in s (which must be empty) and describes
// what the store then answers, by address so that engines giving other
// ids compare equal: the hits of each search (as a set: engines rank with
// their own formulas; that a title match outranks a body match is
// checked by Run), the quotes of each listing in
// order, every copy cluster and every quote trace. Two engines that
// behave the same give the same description.
func Describe(t *testing.T, s sayso.Store) string {
	t.Helper()
	save(t, s, DescribeCorpus()...)
	return DescribeStored(t, s)
}

// DescribeStored describes, as Describe does, a store that already holds
// DescribeCorpus: one it was copied into, for instance.
func DescribeStored(t *testing.T, s sayso.Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	for _, q := range describeSearches {
		hits, err := s.Search(ctx, sayso.SearchQuery{Text: q, Limit: 50})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		var urls []string
		for _, h := range hits {
			urls = append(urls, h.URL)
		}
		slices.Sort(urls)
		fmt.Fprintf(&b, "search %q: %d hits %v\n", q, len(urls), urls)
	}
	for _, q := range describeQuotes {
		quotes, err := s.Quotes(ctx, q)
		if err != nil {
			t.Fatalf("Quotes(%+v): %v", q, err)
		}
		var lines []string
		for _, x := range quotes {
			speaker := ""
			if x.Speaker != nil {
				speaker = x.Speaker.Name
			}
			lines = append(lines, fmt.Sprintf("%s %s %q", x.URL, speaker, x.Content))
		}
		fmt.Fprintf(&b, "quotes %+v: %d\n\t%s\n", q, len(lines), strings.Join(lines, "\n\t"))
	}
	b.WriteString(ProvenanceSummary(t, s))
	return b.String()
}
