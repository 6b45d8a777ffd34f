package web_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sayso-news/sayso/internal/benchdata"
	"github.com/sayso-news/sayso/web"
)

// TestSeedAnnotations stores the seed article (read in place from the
// shared data) through the analyse API and checks its Web Annotation
// export against the required fields of the W3C model: the JSON-LD
// context, ids, types, targets with a source, a TextQuoteSelector's
// exact text and a TextPositionSelector's start and end — which must
// select that same text in the article.
func TestSeedAnnotations(t *testing.T) {
	path := filepath.Join(benchdata.DataDir(), "..", "seed", "seed-article.txt")
	seed, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article not available (%v): the shared data is read in place", err)
	}
	srv, _ := freshServer(t, web.Config{})
	in, _ := json.Marshal(map[string]any{"text": string(seed), "store": true})
	res, body := post(t, srv, "/api/v1/analyse", "application/json", string(in), nil)
	if res.StatusCode != 200 {
		t.Fatalf("store the seed article: %d %.500s", res.StatusCode, body)
	}
	var art struct {
		ID   int64  `json:"id"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal([]byte(body), &art); err != nil || art.ID == 0 {
		t.Fatalf("stored article: %v %.300s", err, body)
	}
	res, body = get(t, srv, fmt.Sprintf("/api/v1/articles/%d/annotations", art.ID))
	if res.StatusCode != 200 {
		t.Fatalf("annotations: %d %s", res.StatusCode, body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/ld+json") || !strings.Contains(ct, "anno.jsonld") {
		t.Errorf("content type %q", ct)
	}
	var coll map[string]any
	if err := json.Unmarshal([]byte(body), &coll); err != nil {
		t.Fatal(err)
	}
	if coll["@context"] != "http://www.w3.org/ns/anno.jsonld" || coll["type"] != "AnnotationCollection" || !isIRI(coll["id"]) {
		t.Fatalf("collection header: %v %v %v", coll["@context"], coll["type"], coll["id"])
	}
	first, _ := coll["first"].(map[string]any)
	items, _ := first["items"].([]any)
	if first["type"] != "AnnotationPage" || len(items) < 5 {
		t.Fatalf("page: type %v, %d annotations (the seed article has many attributions)", first["type"], len(items))
	}
	if int(coll["total"].(float64)) != len(items) {
		t.Errorf("total %v, %d items", coll["total"], len(items))
	}
	text := []rune(art.Text)
	ids := map[string]bool{}
	for i, it := range items {
		a := it.(map[string]any)
		if a["type"] != "Annotation" || !isIRI(a["id"]) || ids[a["id"].(string)] {
			t.Fatalf("annotation %d: type %v, id %v (must be a unique IRI)", i, a["type"], a["id"])
		}
		ids[a["id"].(string)] = true
		targets, _ := a["target"].([]any)
		if len(targets) == 0 {
			t.Fatalf("annotation %d has no target", i)
		}
		for _, tg := range targets {
			target := tg.(map[string]any)
			if !isIRI(target["source"]) {
				t.Errorf("annotation %d: target source %v is not an IRI", i, target["source"])
			}
			var exact string
			start, end := -1, -1
			for _, sl := range target["selector"].([]any) {
				sel := sl.(map[string]any)
				switch sel["type"] {
				case "TextQuoteSelector":
					exact, _ = sel["exact"].(string)
				case "TextPositionSelector":
					s, ok1 := sel["start"].(float64)
					e, ok2 := sel["end"].(float64)
					if !ok1 || !ok2 {
						t.Fatalf("annotation %d: TextPositionSelector without start and end", i)
					}
					start, end = int(s), int(e)
				default:
					t.Errorf("annotation %d: selector type %v", i, sel["type"])
				}
			}
			if exact == "" || start < 0 || end <= start || end > len(text) {
				t.Fatalf("annotation %d: exact %q, start %d, end %d", i, exact, start, end)
			}
			if got := string(text[start:end]); got != exact {
				t.Errorf("annotation %d: position selects %q, quote says %q", i, got, exact)
			}
		}
		if b, _ := a["body"].([]any); len(b) == 0 {
			t.Errorf("annotation %d has no body", i)
		}
	}
}

// isIRI reports whether v is an absolute IRI.
func isIRI(v any) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "")
}
