package benchdata

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"github.com/sayso-news/sayso/eval/extraction"
)

// Page is a real page: its address and HTML.
type Page struct {
	URL  string
	HTML []byte
}

// DataDir returns where the shared data is: $SAYSO_DATA, else the
// "shared/data" folder beside the repository whose root is found by walking
// up from the working directory to go.mod.
func DataDir() string {
	if d := os.Getenv("SAYSO_DATA"); d != "" {
		return d
	}
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "data")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return filepath.Join("..", "shared", "data")
		}
		dir = parent
	}
}

// Scrapinghub reads the 181 pages of the scrapinghub article-extraction
// benchmark under dataDir, sorted by id, through eval/extraction's loader.
// It fails when the data is missing or unreadable.
func Scrapinghub(dataDir string) ([]Page, error) {
	set, err := extraction.Load(filepath.Join(dataDir, "extraction", "scrapinghub"))
	if err != nil {
		return nil, err
	}
	pages := make([]Page, len(set))
	for i, p := range set {
		pages[i] = Page{URL: p.URL, HTML: p.HTML}
	}
	return pages, nil
}

// Copy returns copy k of page p, for corpora larger than the data: copy 0
// is p itself; copy k > 0 is served from another outlet (mirror-k.example,
// so that canonical links do not fold it into the original) and differs by
// a comment, so its bytes are new too.
func Copy(p Page, k int) Page {
	if k == 0 {
		return p
	}
	u, err := url.Parse(p.URL)
	if err != nil {
		u = &url.URL{Scheme: "https", Path: "/"}
	}
	u.Host = fmt.Sprintf("mirror-%d.example", k)
	html := append([]byte(fmt.Sprintf("<!-- sayso benchmark copy %d -->\n", k)), p.HTML...)
	return Page{URL: u.String(), HTML: html}
}

// WriteWARC writes n pages, cycling through pages and their copies, as a
// gzip-per-record WARC file in Common Crawl's CC-NEWS layout (HTTP response
// records). It returns the number of records written.
func WriteWARC(w io.Writer, pages []Page, n int) (int, error) {
	if len(pages) == 0 {
		return 0, fmt.Errorf("write warc: no pages")
	}
	date := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	for i := range n {
		p := Copy(pages[i%len(pages)], i/len(pages))
		if err := WriteRecord(w, p.URL, p.HTML, date.Add(time.Duration(i)*time.Second)); err != nil {
			return i, fmt.Errorf("write warc record %d: %w", i, err)
		}
	}
	return n, nil
}

// WriteRecord writes one page as a gzipped WARC response record (HTTP 200,
// HTML) fetched from url at date.
func WriteRecord(w io.Writer, url string, html []byte, date time.Time) error {
	b := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithAddMissingDigest(true),
		gowarc.WithAddMissingRecordId(true), gowarc.WithAddMissingContentLength(true))
	fmt.Fprintf(b, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n", len(html))
	if _, err := b.Write(html); err != nil {
		return err
	}
	b.AddWarcHeader(gowarc.WarcTargetURI, url)
	b.AddWarcHeader(gowarc.WarcDate, date.UTC().Format(time.RFC3339))
	b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	r, _, err := b.Build()
	if err != nil {
		return err
	}
	defer r.Close()
	var rec bytes.Buffer
	if _, _, err := gowarc.NewMarshaler().Marshal(&rec, r, 0); err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if _, err := zw.Write(rec.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}
