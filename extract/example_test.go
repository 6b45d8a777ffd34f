package extract_test

import (
	"fmt"
	"strings"

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
