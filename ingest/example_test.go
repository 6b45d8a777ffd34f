package ingest_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/sayso-news/sayso/extract"
	"github.com/sayso-news/sayso/ingest"
	"github.com/sayso-news/sayso/internal/fakesite"
	"github.com/sayso-news/sayso/store/sqlite"
)

func ExampleIngester_Run() {
	dir, _ := os.MkdirTemp("", "sayso")
	defer os.RemoveAll(dir)
	pages := filepath.Join(dir, "pages")
	os.Mkdir(pages, 0o755)
	os.WriteFile(filepath.Join(pages, "story.html"), []byte(fakesite.ArticleHTML(1)), 0o644)

	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "corpus.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	in, err := ingest.New(ingest.Config{Store: s, Extract: extract.FromPage,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		fmt.Println(err)
		return
	}
	sum, err := in.Run(ctx, []string{pages})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("read %d, stored %d (%d articles), failed %d\n", sum.Read, sum.Stored, sum.Articles, sum.Failed)
	// Output: read 1, stored 1 (1 articles), failed 0
}
