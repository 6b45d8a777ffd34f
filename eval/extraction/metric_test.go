package extraction

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"snake_case and 2.5% of U.S.", []string{"snake_case", "and", "2", "5", "of", "U", "S"}},
		{"Ünïcödé — слово 東京都 ٣٤", []string{"Ünïcödé", "слово", "東京都", "٣٤"}},
		{"it’s", []string{"it", "s"}},
		{"bad \xff byte", []string{"bad", "byte"}},
	}
	for _, tc := range cases {
		if got := Tokens(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCompare(t *testing.T) {
	cases := []struct {
		truth, pred string
		tp, fp, fn  float64
		exact       bool
	}{
		// 5 tokens → 2 shingles each side, one shared.
		{"a b c d e", "a b c d x", 1.0 / 3, 1.0 / 3, 1.0 / 3, false},
		{"a b c d e", "a, b; c d e!", 1, 0, 0, true},
		// Fewer than four tokens make one shingle.
		{"a b", "a b", 1, 0, 0, true},
		{"a b", "a c", 0, 0.5, 0.5, false},
		{"a b c d", "", 0, 0, 1, false},
		{"", "a b c d", 0, 1, 0, false},
		{"", "", 0, 0, 0, true},
		// Multiplicity counts: the repeated shingle is predicted once.
		{"a b c d a b c d", "a b c d", 1.0 / 5, 0, 4.0 / 5, false},
	}
	for _, tc := range cases {
		s := Compare(tc.truth, tc.pred)
		if !near(s.TP, tc.tp) || !near(s.FP, tc.fp) || !near(s.FN, tc.fn) || s.Exact != tc.exact {
			t.Errorf("Compare(%q, %q) = %+v, want tp %.3f fp %.3f fn %.3f exact %v", tc.truth, tc.pred, s, tc.tp, tc.fp, tc.fn, tc.exact)
		}
	}
}

func TestEvaluateAverages(t *testing.T) {
	pages := []Page{
		{ID: "perfect", Truth: "one two three four five"},
		{ID: "half", Truth: "a b c d e"},
		{ID: "empty-prediction", Truth: "w x y z"},
		{ID: "both-empty", Truth: ""},
		{ID: "failed", Truth: "p q r s"},
	}
	preds := map[string]string{"perfect": "one two three four five", "half": "a b c d x", "both-empty": ""}
	x := func(html []byte, pageURL string) (string, error) {
		if pageURL == "fail" {
			return "ignored", errors.New("boom")
		}
		return string(html), nil
	}
	for i := range pages {
		pages[i].HTML = []byte(preds[pages[i].ID])
		if pages[i].ID == "failed" {
			pages[i].URL = "fail"
		}
	}
	r := Evaluate(context.Background(), pages, x)
	// Precision: perfect 1, half 0.5, both-empty 1 (empty and failed pages
	// predicted nothing: undefined, left out).
	if wantP := (1 + 0.5 + 1) / 3.0; !near(r.Precision, wantP) {
		t.Errorf("precision = %v, want %v", r.Precision, wantP)
	}
	// Recall: perfect 1, half 0.5, empty 0, both-empty 1, failed 0.
	if wantR := (1 + 0.5 + 0 + 1 + 0) / 5.0; !near(r.Recall, wantR) {
		t.Errorf("recall = %v, want %v", r.Recall, wantR)
	}
	if wantF := 2 * r.Precision * r.Recall / (r.Precision + r.Recall); !near(r.F1, wantF) {
		t.Errorf("F1 = %v, want %v", r.F1, wantF)
	}
	if !near(r.Accuracy, 2.0/5) || r.Failed != 1 || r.Pages != 5 {
		t.Errorf("accuracy %v failed %d pages %d", r.Accuracy, r.Failed, r.Pages)
	}
	var b strings.Builder
	r.Print(&b)
	if !strings.Contains(b.String(), "5 pages") {
		t.Errorf("Print: %q", b.String())
	}
	if w := r.Worst(1); len(w) != 1 || w[0].F1() != 0 {
		t.Errorf("Worst(1) = %+v", w)
	}
}

// TestLoadTruthScoresPerfect loads the real benchmark (when present) and
// checks that the truth scored against itself is perfect.
func TestLoadTruthScoresPerfect(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "extraction", "scrapinghub")
	if d := os.Getenv("SAYSO_DATA"); d != "" {
		dir = filepath.Join(d, "extraction", "scrapinghub")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("scrapinghub benchmark absent at %s: %v", dir, err)
	}
	pages, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 181 {
		t.Errorf("%d pages, want 181", len(pages))
	}
	truth := map[string]string{}
	for _, p := range pages {
		if len(p.HTML) == 0 || p.URL == "" {
			t.Errorf("page %s: empty HTML or URL", p.ID)
		}
		truth[p.URL] = p.Truth
	}
	r := Evaluate(context.Background(), pages, func(_ []byte, u string) (string, error) { return truth[u], nil })
	if r.F1 != 1 || r.Accuracy != 1 {
		t.Errorf("truth against itself: F1 %v accuracy %v", r.F1, r.Accuracy)
	}
}

func TestLoadMissing(t *testing.T) {
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("Load of an empty folder succeeded")
	}
}
