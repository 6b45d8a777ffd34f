package extract

import (
	"errors"
	"io"

	"github.com/sayso-news/sayso"
)

// ErrNoArticle is returned when a page carries no article.
var ErrNoArticle = &sayso.Error{Code: sayso.ENOARTICLE, Message: "no article found on the page"}

// FromReader reads an HTML page from r and returns the article on it.
// pageURL is the page's address ("" when unknown); it resolves relative links
// and feeds URL-based metadata. It returns ErrNoArticle when the page
// carries no article.
func FromReader(r io.Reader, pageURL string) (*sayso.Article, error) {
	return nil, errors.New("extract: not implemented yet")
}

// FromPage returns the article on a fetched page, decoding its charset from
// the Content-Type header, a byte-order mark, a <meta> declaration or by
// sniffing, and using its final URL as the page's address.
func FromPage(p *sayso.Page) (*sayso.Article, error) {
	return nil, errors.New("extract: not implemented yet")
}
