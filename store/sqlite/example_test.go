package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store/sqlite"
)

func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "sayso")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "corpus.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	url := "https://porthaven.example/news/harbour"
	res, err := s.Save(ctx, []*sayso.Record{{
		Page:   &sayso.Page{URL: url, FinalURL: url, Body: []byte("<html>…</html>")},
		Source: "example",
		State:  sayso.StateArticle,
		Article: &sayso.Article{URL: url, Title: "Harbour plan approved", ExtractorVersion: sayso.Version,
			Blocks: []sayso.Block{{Kind: sayso.BlockParagraph, Text: "The council approved the harbour plan on Tuesday."}}},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res[0].Outcome)

	hits, _ := s.Search(ctx, sayso.SearchQuery{Text: "harbour council"})
	for _, h := range hits {
		fmt.Println(h.Title, "—", h.Snippet)
	}
	// Output:
	// stored
	// Harbour plan approved — The [council] approved the [harbour] plan on Tuesday.
}
