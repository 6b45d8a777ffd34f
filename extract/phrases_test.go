package extract

import "testing"

func TestPhraseDetectors(t *testing.T) {
	cases := []struct {
		name string
		f    func(line) bool
		yes  []string
		no   []string
	}{
		{"consent", isConsentNotice,
			[]string{
				"This website uses cookies to ensure you get the best experience on our website.",
				"Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Mit der Nutzung stimmen Sie der Datenschutzerklärung zu.",
				"Этот сайт использует файлы cookie.",
			},
			[]string{
				"Bake the cookies for twelve minutes, until the edges turn golden.",
				"The bakery sold more than ten thousand cookies on Saturday.",
			}},
		{"promo", isPromo,
			[]string{
				"Get the morning headlines delivered to your inbox. Subscribe to our newsletters.",
				"Follow us on Twitter and Facebook.",
				"Email Tariq Malik or follow him @tariqjmalik.",
				"Sign up for our morning briefing.",
			},
			[]string{
				"The newsletter, which has two million readers, was sold to a media group on Monday.",
				"He told his followers on Twitter that the vote had been rigged.",
				"Spam in your inbox fell by a third after the new law, the regulator said.",
			}},
		{"caption", isCaption,
			[]string{
				"Protesters gather outside parliament on Tuesday (Image: GETTY)",
				"The hospital in Beijing where the patients were treatedCredit: EPA",
				"Image 1 of 5",
				"Roughly 13,000 US troops remain in Afghanistan [File: Reuters]",
				"The old lighthouse at dawn. Photo by: 'Ana Ruiz'.",
				"Stalls line the market square on Saturday. | Photo by Tom Reed",
				"Getty Images / Harbour Pictures",
			},
			[]string{
				"The minister said the image of the party had suffered.",
				"The exhibition shows every photo by the two brothers who documented the harbour for forty years.",
				"She took the photo by the river.",
				"Credit card debt rose by four per cent in the third quarter, the central bank said on Monday in a statement.",
			}},
		{"date line", isDateLine,
			[]string{
				"Posted on March 3, 2025",
				"20 Nov 2019 08:00 GMT",
				"Updated: March 3, 2021 / 7:05 PM",
				"22 de janeiro de 2018",
				"Mittwoch, 20. November 2019",
			},
			[]string{
				"10 p.m.",
				"4:14 p.m.",
				"In 2019, sales rose by 5 per cent.",
				"By Friday, all schools will reopen.",
			}},
		{"byline", isByline,
			[]string{
				"By Jana Becker",
				"By JERUSALEM POST STAFF",
				"By Jana Becker and Tom Reed, Reuters",
				"Von Jana Becker",
				"By John Q. Public",
			},
			[]string{
				"By Friday, all schools will reopen.",
				"By then the votes had been counted.",
				"By 2030 the city wants to be carbon neutral.",
				"Bylaws were changed in 2019",
			}},
		{"legal", isLegalNotice,
			[]string{
				"© 2019 Associated Press. All Rights Reserved.",
				"This document is subject to copyright.",
				"Citation: Glacier meltwater lakes double in size (2021, May 4) retrieved 6 May 2021 from https://example.org/news/lakes",
				"Cite this article: Jane Doe, Glacier meltwater lakes double in size, Valley Science, 2021.",
			},
			[]string{
				"The files were retrieved from a server in Ohio, investigators said.",
				"Citations for speeding rose by a third last year, the police said.",
				"The company said it reserved the right to appeal.",
			}},
	}
	for _, tc := range cases {
		for _, s := range tc.yes {
			if !tc.f(newLine(s, textChars(s))) {
				t.Errorf("%s: %q not detected", tc.name, s)
			}
		}
		for _, s := range tc.no {
			if tc.f(newLine(s, textChars(s))) {
				t.Errorf("%s: %q detected wrongly", tc.name, s)
			}
		}
	}
	for _, s := range []string{"Advertisement", "ADVERTISEMENT", "Anzeige", "Реклама", "Read more »", "Share this article"} {
		if !isBoilerplatePhrase(s) {
			t.Errorf("boilerplate phrase %q not detected", s)
		}
	}
	if isBoilerplatePhrase("Advertisement revenue fell") {
		t.Error("a sentence taken for a phrase")
	}
}

func TestDropHexRuns(t *testing.T) {
	cases := map[string]string{
		"block-ddd261f2-56d7-4daf-ad66": "block------------------------",
		"elementor-element-5ad3f1":      "elementor-element-------",
		"ad-slot-2":                     "ad-slot-2",
		"ad1":                           "ad1",
		"feed":                          "feed",
		"col-md-6":                      "col-md-6",
	}
	for in, want := range cases {
		if got := dropHexRuns(in); got != want {
			t.Errorf("dropHexRuns(%q) = %q, want %q", in, got, want)
		}
	}
	var h hinter
	if neg, _ := h.hint("wp-block-menlo block-ddd261f2-56d7-4daf-ad66", ""); neg != 0 {
		t.Errorf("a hex id reads as boilerplate: neg %d", neg)
	}
}
