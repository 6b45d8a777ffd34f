package extract_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/sayso-news/sayso/extract"
)

// ExampleFromReader extracts the article from a page: the body without its
// navigation, share bar and consent banner, and the credit line moved into
// the article's credits.
func ExampleFromReader() {
	page := `<!DOCTYPE html><html lang="en"><head><title>Bridge reopens – Valley Times</title>
<meta property="og:title" content="Bridge reopens after repairs"></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article>
  <h1>Bridge reopens after repairs</h1>
  <div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
  <p>The old stone bridge over the Arne reopened on Monday after eight months of repairs, the county council said.</p>
  <p>Engineers replaced two of its five arches, which had been cracked by last winter's floods, and widened the footpath.</p>
  <p>Source: Arne Valley Gazette.</p>
</article>
<div class="cookie-consent"><p>This site uses cookies to improve your experience.</p><button>OK</button></div>
</body></html>`
	a, err := extract.FromReader(strings.NewReader(page), "https://valley.example/local/bridge")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Text())
	fmt.Println("credit:", a.Credits[0].Outlet)
	// Output:
	// Bridge reopens after repairs
	// The old stone bridge over the Arne reopened on Monday after eight months of repairs, the county council said.
	//
	// Engineers replaced two of its five arches, which had been cracked by last winter's floods, and widened the footpath.
	// credit: Arne Valley Gazette
}

// ExampleMarkdown renders an extracted article with its structure: the
// title, a subheading, a list and the credit line.
func ExampleMarkdown() {
	page := `<html><head><title>Ferry timetable changes</title></head><body><article>
<h1>Ferry timetable changes</h1>
<p>The ferry company will run two extra crossings on weekdays from June, it said on Monday, after a rise in commuters.</p>
<h2>New departures</h2>
<ul><li>07:15 from the harbour</li><li>18:40 from the island</li></ul>
<p>Weekend crossings stay as they are, and fares will not change before next spring, the company added.</p>
<p>Source: Island Press Agency</p>
</article></body></html>`
	a, err := extract.FromReader(strings.NewReader(page), "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(extract.Markdown(a))
	// Output:
	// # Ferry timetable changes
	//
	// The ferry company will run two extra crossings on weekdays from June, it said on Monday, after a rise in commuters.
	//
	// ## New departures
	//
	// - 07:15 from the harbour
	// - 18:40 from the island
	//
	// Weekend crossings stay as they are, and fares will not change before next spring, the company added.
	//
	// ---
	//
	// *Source: Island Press Agency*
}

// ExampleOptions_MetadataFromBytes reads the metadata of a page that has
// no article, a video page, with the date it was fetched: a date later
// than that is rejected.
func ExampleOptions_MetadataFromBytes() {
	page := []byte(`<html lang="en-GB"><head><title>Storm footage | Valley TV</title>
<meta property="og:site_name" content="Valley TV">
<meta property="article:published_time" content="2024-11-03T18:05:00+00:00">
<meta property="article:modified_time" content="2031-01-01T00:00:00+00:00">
</head><body><video src="/storm.mp4"></video></body></html>`)
	opt := extract.Options{Now: time.Date(2024, 11, 4, 9, 0, 0, 0, time.UTC)}
	md, err := opt.MetadataFromBytes(page, "https://valley.example/video/storm")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(md.Title, "|", md.Publisher, "|", md.Language)
	fmt.Println(md.Published.Format(time.RFC3339), md.Modified)
	// Output:
	// Storm footage | Valley TV | en-GB
	// 2024-11-03T18:05:00Z <nil>
}
