package extract

import (
	"strings"
	"testing"
)

// para returns a paragraph of n sentences about topic, long enough to be
// judged prose.
func para(topic string, n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += "The council said the " + topic + " plan would be reviewed again next spring by the committee. "
	}
	return "<p>" + s + "</p>"
}

// sentences returns a paragraph naming topic once, followed by n-1
// sentences that do not.
func sentences(topic string, n int) string {
	s := topic + " start on Monday, the council said."
	for i := 1; i < n; i++ {
		s += " The work was approved after a long debate in the chamber last year."
	}
	return "<p>" + s + "</p>"
}

// roundup returns the items of a roundup of projects: a linked heading
// and a sentence each.
func roundup(items ...[2]string) string {
	s := ""
	for _, it := range items {
		s += `<div class="roundup-item"><h2><a href="https://example.org/` + it[0] + `">` + it[0] + `</a></h2><p>` + it[1] + `</p></div>`
	}
	return s
}

// TestLayouts checks the body on layouts that split or hide the article's
// text: each case must keep every want line and drop every drop line.
func TestLayouts(t *testing.T) {
	lib := "The council said the library would open later. Its budget grew by a tenth this year. Readers asked for longer hours on Sundays."
	cases := []struct {
		name       string
		page       string
		want, drop []string
		once       bool // each want line comes out once
	}{
		{
			name: "accordion panels hidden until opened are read; a hidden menu is not",
			page: `<nav><ul style="display:none"><li>Hidden menu entry about nothing at all</li></ul></nav><article><h1>Guide</h1>` + para("bridge", 3) +
				`<div class="accordion"><a aria-controls="p1">Step one</a><div id="p1" style="display:none" role="region" aria-labelledby="h1">` + para("harbour", 2) + `</div></div>` + para("tram", 2) + `</article>`,
			want: []string{"harbour plan", "bridge plan", "tram plan"},
			drop: []string{"Hidden menu entry"},
		},
		{
			name: "a streamed segment is read",
			page: `<body><main><h1>Story</h1><template id="B:0"></template></main><div hidden id="S:0">` + para("library", 4) + `</div></body>`,
			want: []string{"library plan"},
		},
		{
			name: "body parts of one class between ad slots are all read",
			page: `<article><h1>Story</h1><div class="content-part">` + para("school", 3) + `</div><div class="ad-slot">Advertisement</div><div class="content-part">` + para("hospital", 3) + `</div></article><aside class="related">` + para("unrelated", 1) + `</aside>`,
			want: []string{"school plan", "hospital plan"},
			drop: []string{"Advertisement", "unrelated plan"},
		},
		{
			name: "paragraphs beside a long comment thread in one parent are all read",
			page: `<div class="postarea"><h1>Story</h1>` + para("school", 2) + para("hospital", 2) + para("library", 3) +
				`<ol class="commentlist">` + strings.Repeat(`<li class="comment"><div class="comment-content">`+para("reader", 3)+`</div></li>`, 8) + `</ol></div>`,
			want: []string{"school plan", "hospital plan", "library plan"},
			drop: []string{"reader plan"},
		},
		{
			name: "a paywalled page's full text comes from its JSON-LD article",
			page: `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"` + lib +
				`\n` + strings.Repeat("The hospital plan was approved by a large majority after a long debate in the chamber. ", 4) + `"}</script>` +
				`<article><h1>Story</h1><p>` + lib + `</p><div class="paywall">Subscribe to read on.</div></article>`,
			want: []string{"library would open", "hospital plan was approved"},
			drop: []string{"Subscribe"},
		},
		{
			name: "an author box with a long biography stays out",
			page: `<article><h1>Story</h1><div class="entry-content">` + para("school", 4) + `<div class="author-box"><div class="author-box__text"><p>Jane Doe is a reporter who covered city hall for ten years before she joined the paper, and she writes about schools, housing and transport for the metro desk.</p><p>She lives with her family in the old town and teaches a journalism class at the university every spring term.</p></div></div></div></article>`,
			want: []string{"school plan"},
			drop: []string{"Jane Doe is a reporter"},
		},
		{
			name: "a body given only in <noscript> is read",
			page: `<div id="app"></div><noscript><article><h1>Story</h1>` + para("museum", 3) + para("station", 2) + `</article></noscript>`,
			want: []string{"museum plan", "station plan"},
		},
		{
			name: "the standfirst beside the headline is read",
			page: `<article><header><h1>Story</h1><p class="lead">Councillors approved the new harbour budget on Tuesday.</p><span class="byline">By Jane Doe</span></header><div class="article-body">` + para("school", 4) + `</div></article>`,
			want: []string{"Councillors approved the new harbour budget", "school plan"},
			drop: []string{"Jane Doe"},
		},
		{
			name: "a short body in <main> wins over a longer legal notice in the footer",
			page: `<header><nav><a href="/">Home</a></nav></header><main><h1>Story</h1>` + para("harbour", 2) + `<ul><li>Opening hours of the new hall</li><li>Fees for residents</li></ul></main>` +
				`<footer><div class="notice"><p>This material is general information and not advice. Readers should consult a qualified professional before acting on any of it, and no liability is accepted for decisions made on its basis.</p>` +
				`<p>Products referenced are for general information only. Always consult a qualified advisor before purchasing, and review each provider's terms, which may change without notice and differ by state and by product line.</p></div></footer>`,
			want: []string{"harbour plan"},
			drop: []string{"consult a qualified"},
		},
		{
			name: "a promotion carousel outside <main> is not the article",
			page: `<div class="promo-bar__content">` + strings.Repeat(`<div class="slide"><p>Free delivery on orders of forty euros or more. See our delivery page for rates and timelines in your country.</p></div>`, 6) +
				`</div><main><h1>Story</h1>` + para("museum", 2) + `</main>`,
			want: []string{"museum plan"},
			drop: []string{"Free delivery"},
		},
		{
			name: "a roundup's items with linked headings inside the body, prose after them, are read",
			page: `<article><h1>Ten garden projects</h1><div class="entry-content">` + para("garden", 4) + para("terrace", 3) + `<h2>The projects</h2><div class="roundup">` +
				roundup([2]string{"A terrace bench", "Build a simple bench from pine boards in one afternoon, with only a saw and a drill, and oil it twice before the first rain."},
					[2]string{"Floating shelves", "Two brackets hidden in the wall carry these oak shelves, which hold more books than you would think."},
					[2]string{"A herb planter", "Cedar resists rot, so this window box will last for years outside the kitchen with little care beyond a coat of oil each spring."},
					[2]string{"A step stool", "Children can reach the sink on this sturdy stool, glued and screwed together from offcuts of plywood."}) +
				`</div>` + para("closing", 2) + `</div></article>`,
			want: []string{"garden plan", "A terrace bench", "Build a simple bench", "A step stool", "Children can reach", "closing plan"},
		},
		{
			name: "a list of other stories closing the body stays out",
			page: `<article><h1>Story</h1><div class="entry-content">` + para("garden", 3) + `<div class="river">` +
				strings.Repeat(`<div class="river-item"><h3><a href="/other">Another story from the paper today</a></h3><p>A summary of another story that readers may want to open after this one.</p></div>`, 5) +
				`</div></div></article>`,
			want: []string{"garden plan"},
			drop: []string{"Another story", "A summary of another story"},
		},
		{
			name: "a text rendered once per screen size comes out once",
			page: `<main><h1>Story</h1>` + strings.Repeat(`<div class="variant"><h2>The plan</h2>`+sentences("Harbour works", 3)+sentences("School works", 3)+sentences("Library works", 3)+`</div>`, 3) + `</main>`,
			want: []string{"The plan", "Harbour works", "Library works"},
			once: true,
		},
		{
			name: "a paragraph the text repeats is no copy: what follows stays",
			page: `<article><h1>Meal plan</h1><h2>Monday</h2>` + sentences("Breakfast", 3) + sentences("Lunch", 3) + `<h2>Tuesday</h2>` + sentences("Breakfast", 3) + sentences("Dinner", 3) + `</article>`,
			want: []string{"Lunch", "Dinner"},
			once: true,
		},
		{
			name: "offers opening with a linked phrase whose sentence goes on are read",
			page: `<article><h1>Spring sales</h1><div class="entry-content">` + para("sale", 3) +
				`<p><a href="https://example.org/a">The Harbour Books spring sale</a> offers 20% off every atlas until the end of May, and delivery is free for members.</p>` +
				`<p><a href="https://example.org/b">The Garden Centre clearance event</a> takes a third off all tools this week, with a further discount on seeds for children.</p>` +
				`<p><a href="https://example.org/c">The Old Mill bakery loyalty card</a> gives a free loaf after nine, and this month it also counts coffee bought at the counter.</p>` +
				para("closing", 2) + `</div></article>`,
			want: []string{"offers 20% off every atlas", "takes a third off", "gives a free loaf"},
		},
		{
			name: "one-block teasers, a linked headline and a summary each, stay out",
			page: `<article><h1>Story</h1><div class="entry-content">` + para("sale", 4) + `</div></article><div class="grid">` +
				`<p><a href="/a">Harbour works to close the quay for a month</a> The council approved the plan after a long debate on Tuesday.</p>` +
				`<p><a href="/b">New library opening hours from Monday</a> Readers asked for longer hours on Sundays, and the board agreed.</p>` +
				`<p><a href="/c">Tram line extension reaches the hospital</a> The first trams will run in the spring after two years of works.</p></div>`,
			want: []string{"sale plan"},
			drop: []string{"Harbour works", "library opening", "Tram line"},
		},
		{
			name: "footnotes with a linked number each are read",
			page: `<article><h1>Study</h1><div class="body">` + para("survey", 4) + para("harbour", 4) + para("quay", 4) +
				`<div class="fn"><a href="#r1">1</a><div class="fn-text"><p>Jane Doe and John Roe, A survey of harbour works, Journal of Ports, volume 12, pages 3 to 19, published in the spring of 2021.</p></div></div>` +
				`<div class="fn"><a href="#r2">2</a><div class="fn-text"><p>The council minutes of the meeting held in March, in which the harbour plan was first debated and then sent to the committee.</p></div></div>` +
				`<div class="fn"><a href="#r3">3</a><div class="fn-text"><p>An interview with the harbour master, recorded in May for the local radio station and published online a week later.</p></div></div>` +
				`</div></article>`,
			want: []string{"survey plan", "A survey of harbour works", "The council minutes", "An interview with the harbour master"},
		},
		{
			name: "an opinion piece whose class says commentary is no comment thread",
			page: `<main><article class="article article-type-commentary"><h1>Opinion</h1>` + para("harbour", 3) + para("school", 3) +
				`</article></main><footer>` + para("museum", 3) + para("tram", 3) + para("park", 3) + `</footer>`,
			want: []string{"harbour plan", "school plan"},
			drop: []string{"museum plan"},
		},
		{
			name: "a caption whose class names the article body stays out",
			page: `<article><h1>Story</h1>` + para("harbour", 3) + `<div class="media"><img src="a.jpg"><figcaption class="article-body__caption"><p>The new quay seen from the water on Tuesday, when the first ships moored there after two years of works and delays.</p></figcaption></div>` + para("school", 3) + `</article>`,
			want: []string{"harbour plan", "school plan"},
			drop: []string{"The new quay seen"},
		},
		{
			name: "a subheading above a picture's credit line still leads into the text below it",
			page: `<article><h1>Trips</h1>` + para("harbour", 3) + `<h2>1. Island Hopping</h2><img src="a.jpg"><span>Getty Images / Harbour Pictures</span>` +
				`<p>The ferry calls at four islands a day, and the crossing takes an hour in calm weather.</p>` +
				`<h2>2. Mountain Lakes</h2><p>Three lakes lie above the village.<img src="b.jpg"> Photo by: 'Ana Ruiz'.</p>` + para("school", 3) + `</article>`,
			want: []string{"harbour plan", "1. Island Hopping", "The ferry calls", "2. Mountain Lakes", "school plan"},
			drop: []string{"Getty Images", "Ana Ruiz"},
		},
		{
			name: "an FAQ whose questions are accordion toggles linking to # is read; a menu's # links are not",
			page: `<nav><ul><li><a class="menu-link" href="#">Visit us</a></li><li><a class="menu-link" href="#">Tickets</a></li></nav>` +
				`<article><h1>Guide</h1>` + para("harbour", 3) + para("museum", 3) + `<h2>Questions</h2><ul class="accordion">` +
				`<li class="accordion-item"><a href="#" class="accordion-title">When does the quay open?</a><div class="accordion-content"><p>The quay opens to walkers in May, and to cars a month later, once the last works are done.</p></div></li>` +
				`<li class="accordion-item"><a href="#" class="accordion-title">Is parking free there?</a><div class="accordion-content"><p>Parking is free on weekdays, and costs two euros an hour at weekends and on holidays.</p></div></li>` +
				`<li class="accordion-item"><a href="#" class="accordion-title">Can I bring a dog?</a><div class="accordion-content"><p>Dogs are welcome on a lead everywhere on the quay, but not inside the museum or its café.</p></div></li>` +
				`</ul></article>`,
			want: []string{"harbour plan", "When does the quay open?", "The quay opens", "Is parking free there?", "Parking is free", "Can I bring a dog?", "Dogs are welcome"},
			drop: []string{"Visit us", "Tickets"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromReader(strings.NewReader("<html><head><title>Story</title></head><body>"+tc.page+"</body></html>"), "https://example.com/story")
			if err != nil {
				t.Fatal(err)
			}
			text := a.Text()
			for _, w := range tc.want {
				if n := strings.Count(text, w); n != 1 && (n == 0 || tc.once) {
					t.Errorf("body has %q %d times:\n%s", w, n, text)
				}
			}
			for _, d := range tc.drop {
				if strings.Contains(text, d) {
					t.Errorf("body has %q:\n%s", d, text)
				}
			}
		})
	}
}
