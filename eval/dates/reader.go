package dates

import (
	"bytes"
	"errors"
	"time"

	"github.com/sayso-news/sayso/extract"
)

// MetadataReader is sayso's DateReader: what the product outputs, the
// Article.Published of extract.FromReader (which copies the date
// extract/metadata chooses). A page extract finds no article on (a video
// page, a gallery, a listing) still has a publication date, so for those
// the metadata is read on its own, with extract's decoding and parsing.
func MetadataReader(page []byte, pageURL string) (*time.Time, error) {
	a, err := extract.FromReader(bytes.NewReader(page), pageURL)
	if err == nil {
		return a.Published, nil
	}
	if !errors.Is(err, extract.ErrNoArticle) {
		return nil, err
	}
	md, err := extract.Options{}.MetadataFromBytes(page, pageURL)
	if err != nil {
		return nil, err
	}
	return md.Published, nil
}
