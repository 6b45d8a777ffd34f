package dates

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestEvaluateOutcomes(t *testing.T) {
	day := func(s string) *time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	moscow := time.FixedZone("+03:00", 3*3600)
	late := time.Date(2020, 6, 7, 23, 30, 0, 0, moscow) // 20:30 UTC the same day; the 7th as written
	early := time.Date(2020, 6, 8, 0, 30, 0, 0, moscow) // 21:30 UTC on the 7th; the 8th as written
	pages := []Page{
		{File: "a", Want: day("2020-06-07")},
		{File: "b", Want: day("2020-06-07")},
		{File: "c", Want: day("2020-06-07")},
		{File: "d", Want: nil},
		{File: "e", Want: nil},
		{File: "f", Want: day("2020-06-07")},
	}
	got := map[string]*time.Time{"a": &late, "b": &early, "c": nil, "d": nil, "e": day("2020-01-01")}
	read := func(html []byte, pageURL string) (*time.Time, error) {
		if pageURL == "f" {
			return nil, errors.New("broken page")
		}
		return got[pageURL], nil
	}
	for i := range pages {
		pages[i].URL = pages[i].File
	}
	r := Evaluate(context.Background(), pages, read)
	want := map[string]Outcome{"a": Correct, "b": Wrong, "c": Missing, "d": Correct, "e": Wrong, "f": Missing}
	for _, res := range r.Results {
		if res.Outcome != want[res.File] {
			t.Errorf("page %s: outcome %s, want %s", res.File, res.Outcome, want[res.File])
		}
	}
	if r.Correct != 2 || r.Wrong != 2 || r.Missing != 2 || r.Failed != 1 || r.Accuracy != 2.0/6 {
		t.Errorf("report = %+v", *r)
	}
	var b strings.Builder
	r.Print(&b)
	if !strings.Contains(b.String(), "exact-day accuracy 0.333") {
		t.Errorf("Print wrote %q", b.String())
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("Load of an empty folder succeeded")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(`{"u":{"file":"../x","date":null}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "bad file name") {
		t.Errorf("Load accepted a path outside html/: %v", err)
	}
}

func TestMetadataReaderCharset(t *testing.T) {
	// A windows-1251 page: "15 марта 2020" must decode before it is read.
	page := []byte("<html><head><meta charset=\"windows-1251\"></head><body><h1>T</h1><p class=\"date\">15 \xec\xe0\xf0\xf2\xe0 2020</p></body></html>")
	got, err := MetadataReader(page, "https://example.ru/a")
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || Day(*got) != "2020-03-15" {
		t.Errorf("MetadataReader = %v, want 2020-03-15", got)
	}
}
