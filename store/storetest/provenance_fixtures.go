package storetest

import (
	"strings"
	"time"

	"github.com/sayso-news/sayso"
)

// Provenance fixtures: original prose written for these tests. A strike
// story is printed by the Porthaven Post (A), republished with a credit
// line (B, dated before A), mirrored with a canonical link and no credit
// (C); two other outlets write their own stories quoting the same people
// (D alters a quote and cuts another, E gives a quote to the wrong
// speaker); F is unrelated.

const (
	quoteSolberg = "We will keep the ferries in port until the company puts a fair offer on the table for every crew member"
	quoteBrandt  = "Nobody on this island can afford a strike that lasts into the summer season, and I will not stand by while it does"
)

var strikeParagraphs = []string{
	"Ferry crews in Porthaven walked out on Monday morning, leaving hundreds of commuters stranded on the quay as the first strike in twenty years began.",
	"The union says the company has refused to discuss pay for more than a year, while fuel surcharges on tickets have doubled since the spring.",
	"“" + quoteSolberg + ",” said Mira Solberg, who leads the seafarers’ union branch.",
	"The company said in a statement that it had made three offers and that the union had rejected each of them without putting them to a vote.",
	"Mayor Ilse Brandt urged both sides back to the table. “" + quoteBrandt + ",” she told reporters outside the town hall.",
	"Talks are due to resume on Thursday under a mediator appointed by the regional government, the first contact between the two sides in a month.",
	"Shops near the terminal said they had already lost trade, and the island’s hotels reported cancellations for the coming weekend.",
}

func day(d int) *time.Time {
	t := time.Date(2024, 5, d, 8, 0, 0, 0, time.UTC)
	return &t
}

// provRecord makes a record of an article with the given paragraphs, its
// quotes attributed to the speakers named in speakers (quote → name).
func provRecord(url, title string, published *time.Time, paras []string, speakers map[string]string) *sayso.Record {
	rec := simpleRecord(url, title, paras...)
	a := rec.Article
	a.Published = published
	text := a.Text()
	an := &sayso.Analysis{Attributions: []sayso.Attribution{}, Claims: []sayso.Claim{}, CitedWorks: []sayso.CitedWork{}, Entities: []sayso.Entity{}}
	for quote, name := range speakers {
		if !strings.Contains(text, quote) {
			continue
		}
		an.Attributions = append(an.Attributions, sayso.Attribution{Kind: sayso.Direct,
			Content: sayso.Segment{Text: quote, Spans: []sayso.Span{span(text, quote, 0)}},
			Speaker: &sayso.Speaker{Name: name, Type: sayso.Person, Resolution: sayso.ResolvedNamed}, Confidence: 0.9})
	}
	// Attributions in text order, as attribution gives them.
	sortAttributions(an.Attributions)
	rec.Analysis, rec.AnalyzerVersion = an, "attrib-test"
	rec.Page.Body = append(rec.Page.Body, "<!-- "+url+" -->"...)
	return rec
}

func sortAttributions(as []sayso.Attribution) {
	for i := 1; i < len(as); i++ {
		for j := i; j > 0 && as[j].Content.Spans[0].Start < as[j-1].Content.Spans[0].Start; j-- {
			as[j], as[j-1] = as[j-1], as[j]
		}
	}
}

// ProvenanceCorpus returns the records of the provenance behaviour tests:
// articles A–F (see above), in that order.
func ProvenanceCorpus() []*sayso.Record {
	speakers := map[string]string{quoteSolberg: "Mira Solberg", quoteBrandt: "Ilse Brandt"}
	a := provRecord("https://porthavenpost.example/news/ferry-strike", "Ferry crews strike in Porthaven", day(5), strikeParagraphs, speakers)
	a.Article.Publisher = "Porthaven Post"

	bParas := append([]string{"Editor’s note: our partners at the Porthaven Post have covered the strike since its first hour."}, strikeParagraphs[:5]...)
	b := provRecord("https://coastaldigest.example/2024/05/strike", "Strike leaves island commuters stranded", day(4), bParas, speakers)
	b.Article.Credits = []sayso.Credit{{Kind: sayso.CreditSource, Text: "Source: Porthaven Post", Outlet: "Porthaven Post"}}

	c := provRecord("https://islandtimes.example/a/8812", "Ferry crews strike in Porthaven", day(6), strikeParagraphs, speakers)
	c.Article.CanonicalURL = "https://porthavenpost.example/news/ferry-strike"

	altered := strings.Replace(quoteBrandt, "afford", "survive", 1)
	cut := strings.Join(strings.Fields(quoteSolberg)[:12], " ")
	d := provRecord("https://harbournews.example/strike-day-one", "Island cut off as ferry strike begins", day(7), []string{
		"A walkout by ferry staff cut the island off from the mainland on Monday, the harbour master confirmed, with no sailings expected before Thursday.",
		"“" + altered + ",” Mayor Ilse Brandt said, calling on the operator and the union to accept mediation.",
		"Union official Mira Solberg said crews would stay out: “" + cut + " …”",
		"Passengers queued for a replacement boat run by a fishing cooperative, which carried forty people across before the weather turned.",
	}, map[string]string{altered: "Ilse Brandt", cut + " …": "Mira Solberg"})

	e := provRecord("https://northgazette.example/island/strike", "Porthaven mayor warns over ferry walkout", day(8), []string{
		"The mayor of Porthaven has warned that the ferry strike could cost the island its summer, as talks remain frozen for a second week.",
		"“" + quoteSolberg + ",” Ilse Brandt said on Tuesday, in remarks that surprised union members.",
		"Regional officials said a mediator would meet both sides on Thursday in the hope of ending the dispute before the holiday weekend.",
	}, map[string]string{quoteSolberg: "Ilse Brandt"})

	f := provRecord("https://northgazette.example/culture/choir", "Island choir wins national prize", day(9), []string{
		"The Porthaven community choir won the national amateur prize on Saturday with a programme of sea shanties and a new work by a local composer.",
		"“We rehearsed in the lifeboat station all winter because the church hall was being repaired after the storm,” said its conductor, Anna Vik.",
		"The choir will perform at the harbour festival in July, when the prize money will pay for a tour of the northern islands.",
	}, map[string]string{"We rehearsed in the lifeboat station all winter because the church hall was being repaired after the storm": "Anna Vik"})
	return []*sayso.Record{a, b, c, d, e, f}
}
