package metadata_test

import (
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/sayso-news/sayso/extract/metadata"
)

func ExampleRead() {
	page := `<html lang="en_GB"><head>
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2021-03-04T09:15:00+01:00">
<title>Harbour reopens after storm | Example Times</title></head>
<body><h1>Harbour reopens after storm</h1>
<p class="byline">By Jane Doe and John Roe, Reuters</p></body></html>`
	doc, _ := html.Parse(strings.NewReader(page))
	u, _ := url.Parse("https://www.example-times.com/2021/03/04/harbour")
	md := metadata.Read(doc, u)
	fmt.Println(md.Title)
	fmt.Println(md.Authors, "from", md.Evidence["authors"])
	fmt.Println(md.Publisher, md.Language)
	fmt.Println(md.Published.Format("2006-01-02 15:04 -07:00"), "from", md.Evidence["published"])
	// Output:
	// Harbour reopens after storm
	// [Jane Doe John Roe] from byline
	// Example Times en-GB
	// 2021-03-04 09:15 +01:00 from meta:article:published_time
}
