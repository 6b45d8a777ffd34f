package trace

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
	"time"
)

// Page templates: six shapes of news page, each with its own markup,
// navigation, sidebars and footer, as different content systems make them.

var esc = html.EscapeString

// render returns the HTML page of an article in its outlet's template.
func render(a *article, rng *rand.Rand) string {
	var b strings.Builder
	o := a.outlet
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s | %s</title>\n", esc(a.title), esc(o.name))
	fmt.Fprintf(&b, "<meta property=\"og:site_name\" content=\"%s\">\n<meta property=\"og:title\" content=\"%s\">\n", esc(o.name), esc(a.title))
	if a.date != nil {
		fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">\n", a.date.Format(time.RFC3339))
	}
	fmt.Fprintf(&b, "<meta name=\"author\" content=\"%s\">\n<link rel=\"canonical\" href=\"%s\">\n</head>\n", esc(a.author), esc(a.canonical))
	body := paragraphsHTML(a)
	byline := "By " + esc(a.author)
	if a.date != nil {
		byline += fmt.Sprintf(" · <time datetime=\"%s\">%s</time>", a.date.Format(time.RFC3339), a.date.Format("January 2, 2006"))
	}
	consent := rng.IntN(3) == 0
	switch o.template {
	case 0:
		fmt.Fprintf(&b, "<body class=\"article-page\">\n<header class=\"masthead\"><a href=\"/\">%s</a><nav><a href=\"/news\">News</a> <a href=\"/politics\">Politics</a> <a href=\"/opinion\">Opinion</a></nav></header>\n", esc(o.name))
		fmt.Fprintf(&b, "<main><article><h1>%s</h1><p class=\"byline\">%s</p>\n<div class=\"article-body\">%s</div></article>\n", esc(a.title), byline, body)
		b.WriteString("<aside class=\"related\"><h2>Related stories</h2><ul><li><a href=\"/a\">Council budget vote delayed again</a></li><li><a href=\"/b\">Storm season forecast</a></li></ul></aside></main>\n")
		fmt.Fprintf(&b, "<footer>© %s. All rights reserved. <a href=\"/privacy\">Privacy</a></footer>\n", esc(o.name))
	case 1:
		fmt.Fprintf(&b, "<body>\n<div id=\"top\"><div class=\"logo\">%s</div><ul class=\"menu\"><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li><li><a href=\"/subscribe\">Subscribe</a></li></ul></div>\n", esc(o.name))
		fmt.Fprintf(&b, "<div class=\"container\"><div class=\"post\"><h2 class=\"post-title\">%s</h2><div class=\"post-meta\">%s</div>\n<div class=\"post-content\">%s</div>\n", esc(a.title), byline, body)
		b.WriteString("<div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a> <a href=\"#\">Email</a></div></div>\n")
		b.WriteString("<div class=\"sidebar\"><h3>Popular</h3><ul><li><a href=\"/p1\">Markets slip on rate fears</a></li><li><a href=\"/p2\">Ten things to do this weekend</a></li></ul></div></div>\n")
		b.WriteString("<div class=\"footer\">Powered by a content system. <a href=\"/terms\">Terms</a></div>\n")
	case 2:
		fmt.Fprintf(&b, "<body class=\"story\">\n<nav class=\"site-nav\" aria-label=\"Sections\"><a href=\"/\">%s</a> <a href=\"/local\">Local</a> <a href=\"/nation\">Nation</a> <a href=\"/sports\">Sports</a></nav>\n", esc(o.name))
		fmt.Fprintf(&b, "<article class=\"story-main\"><header><p class=\"kicker\">News</p><h1 class=\"headline\">%s</h1><div class=\"dateline\">%s</div></header>\n<section class=\"story-text\">%s</section>\n", esc(a.title), byline, body)
		b.WriteString("<section class=\"comments\"><h3>Comments</h3><p>Comments are closed for this story.</p></section></article>\n")
		b.WriteString("<div class=\"newsletter\"><p>Sign up for our morning newsletter and get the day's top stories in your inbox.</p><form><input name=\"email\"><button>Sign up</button></form></div>\n")
	case 3:
		fmt.Fprintf(&b, "<body>\n<table class=\"layout\"><tr><td class=\"nav\"><a href=\"/\">%s</a><br><a href=\"/archive\">Archive</a><br><a href=\"/contact\">Contact</a></td><td class=\"content\">\n", esc(o.name))
		fmt.Fprintf(&b, "<h1>%s</h1><p><small>%s</small></p>\n%s\n</td></tr></table>\n", esc(a.title), byline, body)
		fmt.Fprintf(&b, "<p class=\"copyright\">Copyright %s</p>\n", esc(o.name))
	case 4:
		fmt.Fprintf(&b, "<body class=\"amp\">\n<header><div class=\"brand\">%s</div><button class=\"menu-toggle\">Menu</button></header>\n", esc(o.name))
		fmt.Fprintf(&b, "<div class=\"article-wrapper\"><div class=\"headline-block\"><h1>%s</h1><span class=\"author-date\">%s</span></div>\n<div class=\"entry-content\">%s</div></div>\n", esc(a.title), byline, body)
		b.WriteString("<div class=\"recommended\"><h4>Recommended for you</h4><a href=\"/r1\">How the new tax rules affect you</a><a href=\"/r2\">The week in pictures</a></div>\n")
		b.WriteString("<footer><p>About us · Advertise · Careers</p></footer>\n")
	default:
		fmt.Fprintf(&b, "<body>\n<div class=\"wrapper\"><div class=\"header\"><h3>%s</h3></div>\n", esc(o.name))
		fmt.Fprintf(&b, "<div class=\"main\"><div class=\"article\"><div class=\"title\"><h1>%s</h1></div><div class=\"meta\">%s</div>\n<div class=\"text\">%s</div></div></div>\n", esc(a.title), byline, body)
		b.WriteString("<div class=\"tags\">Tags: <a href=\"/t/politics\">politics</a>, <a href=\"/t/region\">region</a></div></div>\n")
	}
	if consent {
		b.WriteString("<div class=\"cookie-consent\">This website uses cookies to ensure you get the best experience on our website. <button>OK</button></div>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// paragraphsHTML renders an article's paragraphs and credit line.
func paragraphsHTML(a *article) string {
	var b strings.Builder
	credit := ""
	if a.credit != "" {
		credit = "<p>" + esc(a.credit) + "</p>\n"
		if len(a.credit)%2 == 0 {
			credit = "<p><em>" + esc(a.credit) + "</em></p>\n"
		}
	}
	if a.creditTop {
		b.WriteString(credit)
	}
	for _, p := range a.paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(p))
	}
	if !a.creditTop {
		b.WriteString(credit)
	}
	return b.String()
}
