package main

import (
	"context"

	"github.com/sayso-news/sayso"
)

// The shapes of the copies and traces exports, which evaluation tools
// outside the project read: change them only with those tools.

// exportCluster is one line of the copies export.
type exportCluster struct {
	Cluster  int64              `json:"cluster"`
	Original exportOriginal     `json:"original"`
	Members  []exportCopyMember `json:"members"`
}

// exportOriginal is a cluster's original with the evidence naming it.
type exportOriginal struct {
	sayso.ArticleRef
	Evidence []sayso.OriginEvidence `json:"evidence"`
}

// exportCopyMember is one member of a cluster.
type exportCopyMember struct {
	sayso.ArticleRef
	Similarity float64 `json:"similarity"`
	Original   bool    `json:"original"`
}

// exportTrace is one line of the traces export.
type exportTrace struct {
	Trace       int64                   `json:"trace"`
	Text        string                  `json:"text"`
	Speaker     string                  `json:"speaker"`
	First       sayso.ArticleRef        `json:"first"`
	Appearances []sayso.QuoteAppearance `json:"appearances"`
}

// provenanceBatch is the clusters or traces read per store call.
const provenanceBatch = 100

func exportCopies(ctx context.Context, s sayso.Store, w *rowWriter) error {
	w.header("cluster", "original_article_id", "evidence", "article_id", "url", "outlet", "published", "similarity", "original")
	after := int64(0)
	for {
		cs, err := s.CopyClusters(ctx, after, provenanceBatch)
		if err != nil || len(cs) == 0 {
			return err
		}
		for _, c := range cs {
			after = c.ID
			line := exportCluster{Cluster: c.ID, Original: exportOriginal{ArticleRef: c.Original.ArticleRef, Evidence: c.Evidence}}
			for _, m := range c.Members {
				line.Members = append(line.Members, exportCopyMember{ArticleRef: m.ArticleRef, Similarity: m.Similarity, Original: m.Original})
			}
			if w.csv == nil {
				if err := w.row(line); err != nil {
					return err
				}
				continue
			}
			for _, m := range line.Members {
				if err := w.row(nil, c.ID, c.Original.ArticleID, jsonCell(c.Evidence), m.ArticleID, m.URL, m.Outlet,
					timeCell(m.Published), m.Similarity, boolCell(m.Original)); err != nil {
					return err
				}
			}
		}
	}
}

func exportTraces(ctx context.Context, s sayso.Store, w *rowWriter) error {
	w.header("trace", "text", "speaker", "first_article_id", "article_id", "url", "outlet", "published",
		"appearance_text", "appearance_speaker", "variant", "diff", "copy_of")
	after := int64(0)
	for {
		ts, err := s.QuoteTraces(ctx, after, provenanceBatch)
		if err != nil || len(ts) == 0 {
			return err
		}
		for _, t := range ts {
			after = t.ID
			if w.csv == nil {
				if err := w.row(exportTrace{Trace: t.ID, Text: t.Text, Speaker: t.Speaker, First: t.First, Appearances: t.Appearances}); err != nil {
					return err
				}
				continue
			}
			for _, a := range t.Appearances {
				copyOf := ""
				if a.CopyOf != nil {
					copyOf = jsonCell(a.CopyOf.ArticleID)
				}
				if err := w.row(nil, t.ID, t.Text, t.Speaker, t.First.ArticleID, a.ArticleID, a.URL, a.Outlet,
					timeCell(a.Published), a.Text, a.Speaker, string(a.Variant), jsonCell(a.Diff), copyOf); err != nil {
					return err
				}
			}
		}
	}
}

func boolCell(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
