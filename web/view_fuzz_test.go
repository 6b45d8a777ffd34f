package web

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
)

// FuzzArticleView marks attributions and claims with arbitrary spans —
// reversed, negative, past the end, overlapping — in arbitrary text:
// building the view must not panic, and each block's runs must give back
// the block's text exactly.
func FuzzArticleView(f *testing.F) {
	f.Add("First block.\n\nSecond “quoted” block, said she.", 3, 20, 14, 30, -5, 900)
	f.Add("é\n\n\n\nü", 0, 1, 1, 0, 2, 3)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		if !utf8.ValidString(text) {
			t.Skip("article text is valid UTF-8: extraction decodes every charset")
		}
		var blocks []sayso.Block
		for _, p := range strings.Split(text, "\n\n") {
			blocks = append(blocks, sayso.Block{Kind: sayso.BlockParagraph, Text: p})
		}
		an := &sayso.Analysis{
			Attributions: []sayso.Attribution{
				{Kind: sayso.Direct, Content: sayso.Segment{Spans: []sayso.Span{{Start: a, End: b}, {Start: e, End: g}}},
					Source: &sayso.Segment{Spans: []sayso.Span{{Start: c, End: d}}}, Speaker: &sayso.Speaker{Name: "X", Type: sayso.Anonymous}},
				{Kind: sayso.Indirect, Content: sayso.Segment{Spans: []sayso.Span{{Start: d, End: a}}}, Cue: &sayso.Segment{Spans: []sayso.Span{{Start: b, End: g}}}},
			},
			Claims: []sayso.Claim{{Span: sayso.Span{Start: c, End: g}}},
		}
		v := buildArticleView(&sayso.StoredArticle{ID: 1, Article: &sayso.Article{Blocks: blocks}, Analysis: an}, nil, nil)
		if len(v.Blocks) != len(blocks) {
			t.Fatalf("%d blocks shown of %d", len(v.Blocks), len(blocks))
		}
		for i, bv := range v.Blocks {
			var sb strings.Builder
			for _, s := range bv.Segments {
				sb.WriteString(s.Text)
				if s.Attr < 0 || s.Attr > len(v.Attrs) {
					t.Fatalf("segment names attribution %d of %d", s.Attr, len(v.Attrs))
				}
			}
			if sb.String() != blocks[i].Text {
				t.Fatalf("block %d: runs give %q, want %q", i, sb.String(), blocks[i].Text)
			}
		}
	})
}
