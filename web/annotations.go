package web

import (
	"net/http"
	"strconv"

	"github.com/sayso-news/sayso"
)

// The W3C Web Annotation export: an article's attributions as an
// AnnotationCollection in JSON-LD, each content span a target with a
// TextQuoteSelector (the exact words with some context) and a
// TextPositionSelector (code-point offsets into the extracted text, which
// is what the offsets count, as the model asks).

// annoContext is the Web Annotation JSON-LD context.
const annoContext = "http://www.w3.org/ns/anno.jsonld"

// quoteContext is how many code points of context a TextQuoteSelector carries.
const quoteContext = 32

type annoCollection struct {
	Context string   `json:"@context"`
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Label   string   `json:"label"`
	Total   int      `json:"total"`
	First   annoPage `json:"first"`
}

type annoPage struct {
	ID    string       `json:"id"`
	Type  string       `json:"type"`
	Items []annotation `json:"items"`
}

type annotation struct {
	ID         string       `json:"id"`
	Type       string       `json:"type"`
	Motivation string       `json:"motivation"`
	Body       []annoBody   `json:"body"`
	Target     []annoTarget `json:"target"`
}

type annoBody struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
	Format  string `json:"format,omitempty"`
}

type annoTarget struct {
	Source   string         `json:"source"`
	Selector []annoSelector `json:"selector"`
}

type annoSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
}

// buildAnnotations makes the collection of sa's attributions; base is
// the server's address for ids.
func buildAnnotations(sa *sayso.StoredArticle, base string) annoCollection {
	id := base + "/api/v1/articles/" + strconv.FormatInt(sa.ID, 10) + "/annotations"
	c := annoCollection{Context: annoContext, ID: id, Type: "AnnotationCollection",
		Label: "sayso attributions of " + sa.Article.Title, First: annoPage{ID: id + "#page1", Type: "AnnotationPage", Items: []annotation{}}}
	if sa.Analysis == nil {
		return c
	}
	text := []rune(sa.Article.Text())
	source := sa.FinalURL
	if source == "" {
		source = sa.Article.URL
	}
	for i, a := range sa.Analysis.Attributions {
		desc := string(a.Kind) + " attribution to " + speakerName(&a)
		if a.Cue != nil && a.Cue.Text != "" {
			desc += " (cue: " + a.Cue.Text + ")"
		}
		an := annotation{ID: id + "#a" + strconv.Itoa(i+1), Type: "Annotation", Motivation: "describing",
			Body: []annoBody{{Type: "TextualBody", Purpose: "describing", Value: desc, Format: "text/plain"},
				{Type: "TextualBody", Purpose: "tagging", Value: string(a.Kind)}}}
		for _, sp := range a.Content.Spans {
			start, end := max(sp.Start, 0), min(sp.End, len(text))
			if start >= end {
				continue
			}
			an.Target = append(an.Target, annoTarget{Source: source, Selector: []annoSelector{
				{Type: "TextQuoteSelector", Exact: string(text[start:end]),
					Prefix: string(text[max(0, start-quoteContext):start]), Suffix: string(text[end:min(len(text), end+quoteContext)])},
				{Type: "TextPositionSelector", Start: &start, End: &end},
			}})
		}
		if len(an.Target) > 0 {
			c.First.Items = append(c.First.Items, an)
		}
	}
	c.Total = len(c.First.Items)
	return c
}

// annotations answers GET /api/v1/articles/{id}/annotations.
func (s *Server) annotations(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sa, err := s.cfg.Corpus.Article(r.Context(), strconv.FormatInt(id, 10))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSONAs(w, http.StatusOK, `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`,
		buildAnnotations(sa, "http://"+r.Host))
}
