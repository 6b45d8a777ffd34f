package fakesite

import (
	"fmt"
	"strings"
)

// Original article prose written for sayso's tests. Each page combines a
// town, a speaker and paragraphs so that every page differs.
var (
	towns    = []string{"Porthaven", "Skarvik", "Elmbridge", "North Tarrow", "Kestrel Bay", "Lindholm", "Abermor", "Vesterdal"}
	speakers = []struct{ name, role string }{
		{"Ilse Brandt", "Mayor"}, {"Tomas Eld", "harbour master"}, {"Mara Quist", "council leader"},
		{"Jonas Hale", "ferry operator"}, {"Ruth Okafor", "school governor"}, {"Pieter Wal", "union representative"},
	}
	topics = []struct{ headline, lead, detail string }{
		{"council approves harbour plan", "The council approved the harbour plan on Tuesday after a long debate about ferry fares and the future of the old quay.",
			"The plan sets aside money for new pontoons, a covered fish market and repairs to the sea wall that was damaged in the winter storms."},
		{"ferry fares to rise in spring", "Ferry fares will rise by eight percent from April, the operator announced on Monday, blaming the cost of fuel and new safety rules.",
			"Regular passengers will be able to buy a season ticket at the old price until the end of March, and pensioners will keep their discount."},
		{"school roof to be replaced", "The roof of the primary school will be replaced over the summer holidays after inspectors found water damage in three classrooms.",
			"Pupils will not lose any teaching time, the education office said, because the work is planned to finish before the autumn term begins."},
		{"storm closes coastal road", "The coastal road was closed for most of Sunday after a storm brought down trees and flooded the lower car park near the lifeboat station.",
			"Engineers worked through the night to clear the road, and buses were diverted through the hills, adding half an hour to most journeys."},
		{"library extends opening hours", "The town library will open on Sunday afternoons from next month, after a petition signed by more than two thousand residents.",
			"Volunteers have offered to run a reading club for children and a help desk for older people who want to learn to use computers."},
	}
)

// ArticleHTML returns the i-th of an endless series of news article pages
// written for tests: original prose about small towns, with direct and
// reported quotes ("said", "according to"), in a realistic template with
// navigation, a share bar and a footer around the story. Every i gives a
// different page.
func ArticleHTML(i int) string {
	town := towns[i%len(towns)]
	sp := speakers[i%len(speakers)]
	other := speakers[(i+1)%len(speakers)]
	tp := topics[i%len(topics)]
	title := fmt.Sprintf("%s %s", town, tp.headline)
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>%s | %s Gazette</title>
<meta property="og:title" content="%s">
<meta property="og:site_name" content="%s Gazette">
<meta name="author" content="Anna Lind">
<meta property="article:published_time" content="2024-03-%02dT08:%02d:00Z">
</head><body>
<header><a href="/">%s Gazette</a><nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<main><article>
<h1>%s</h1>
<p class="byline">By Anna Lind</p>
<p>%s</p>
<p>"We have listened to the people of %s and we will keep our promises," said %s %s. "This is the most important decision of the year for the town."</p>
<p>%s</p>
<p>%s, the %s, said the decision was welcome but came too late for many families who had already made other plans. "We asked for this two years ago," %s said.</p>
<p>According to figures from the regional office, the change will affect about %d households in %s and the surrounding villages.</p>
<p>A public meeting will be held in the town hall on the first Thursday of next month, where residents can ask questions and give their views. Story number %d.</p>
</article>
<div class="share">Share this story: <a href="#">Facebook</a> <a href="#">Email</a></div>
</main>
<footer><p>© 2024 %s Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`,
		title, town, title, town, (i%27)+1, i%60, town, title, tp.lead, town, sp.role, sp.name, tp.detail,
		other.name, other.role, lastName(other.name), 1000+37*i, town, i, town)
	return b.String()
}

func lastName(n string) string {
	f := strings.Fields(n)
	return f[len(f)-1]
}

// ListingHTML is a section front page: a list of links and no article.
const ListingHTML = `<!doctype html><html lang="en"><head><title>News | Porthaven Gazette</title></head><body>
<nav><a href="/">Home</a></nav><h1>News</h1>
<ul><li><a href="/a1">Harbour plan</a></li><li><a href="/a2">Ferry fares</a></li><li><a href="/a3">School roof</a></li></ul>
</body></html>`
