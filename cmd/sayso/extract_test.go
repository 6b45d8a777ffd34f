package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/extract"
)

// runExtractCmd runs sayso in-process with args and returns the exit code and
// both output streams.
func runExtractCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

const samplePage = "../../testdata/sample/seed-page.html"

func TestExtractFormats(t *testing.T) {
	code, out, errs := runExtractCmd(t, "", "extract", "--format", "text", samplePage)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "Harbor City council voted 7–2") || strings.Contains(out, "cookies") || strings.Contains(out, "Source:") {
		t.Errorf("text output:\n%s", out)
	}

	code, out, _ = runExtractCmd(t, "", "extract", "--format", "markdown", samplePage)
	if code != exitOK || !strings.HasPrefix(out, "# Harbor City Approves") || !strings.Contains(out, "\n## What the plan includes\n") {
		t.Errorf("exit %d, markdown output:\n%s", code, out)
	}

	code, out, _ = runExtractCmd(t, "", "extract", samplePage)
	var a sayso.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil || code != exitOK {
		t.Fatalf("exit %d, JSON %v:\n%s", code, err, out)
	}
	if len(a.Credits) != 1 || a.Credits[0].Outlet != "Harbor City Ledger" || a.ExtractorVersion != sayso.Version {
		t.Errorf("credits %+v, version %q", a.Credits, a.ExtractorVersion)
	}
}

func TestExtractStdinGzipAndURL(t *testing.T) {
	raw, err := os.ReadFile(samplePage)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "page.html.gz")
	if err := os.WriteFile(name, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runExtractCmd(t, string(raw), "extract", "--url", "https://courier.example/city/bikes", "-", name)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want two JSON lines, got %d:\n%s", len(lines), out)
	}
	var a sayso.Article
	if err := json.Unmarshal([]byte(lines[0]), &a); err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://courier.example/city/bikes" {
		t.Errorf("url = %q", a.URL)
	}
}

func TestExtractExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	nav := write("nav.html", `<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>`)
	png := write("image.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	huge := write("huge.html", "<p>"+strings.Repeat("word ", (extract.DefaultMaxBytes/5)+1))
	missing := filepath.Join(dir, "missing.html")
	cases := []struct {
		name  string
		stdin string
		args  []string
		code  int
		// stderr lists what standard error must hold, one line each.
		stderr []string
	}{
		{"article", "", []string{samplePage}, exitOK, nil},
		{"no article", "", []string{nav}, exitNoArticle, []string{"nav.html: no article found"}},
		{"no article on stdin", "<nav><a href=/>Home</a></nav>", nil, exitNoArticle, []string{"-: no article found"}},
		{"binary", "", []string{png}, exitFailure, []string{"image.png: extract: binary data"}},
		{"missing file", "", []string{missing}, exitFailure, []string{"missing.html: open"}},
		{"too large", "", []string{huge}, exitFailure, []string{"huge.html: larger than"}},
		{"batch with failures", "", []string{"--format", "text", missing, samplePage, nav}, exitNoArticle,
			[]string{"missing.html: open", "nav.html: no article", "2 of 3 inputs failed"}},
		{"bad format", "", []string{"--format", "yaml", samplePage}, exitUsage, []string{`unknown --format "yaml"`}},
		{"unknown flag", "", []string{"--bogus"}, exitUsage, nil},
		{"help", "", []string{"-h"}, exitOK, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runExtractCmd(t, tc.stdin, append([]string{"extract"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, errs)
			}
			if code == exitOK && tc.name == "article" && !strings.Contains(out, "Harbor City") {
				t.Errorf("stdout:\n%s", out)
			}
			if tc.stderr == nil {
				return
			}
			lines := strings.Split(strings.TrimSpace(errs), "\n")
			if len(lines) != len(tc.stderr) {
				t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(tc.stderr), errs)
			}
			for i, want := range tc.stderr {
				if !strings.HasPrefix(lines[i], "sayso extract: ") || !strings.Contains(lines[i], want) {
					t.Errorf("stderr line %q, want \"sayso extract: …%s…\"", lines[i], want)
				}
			}
		})
	}
}

// TestExtractJSONFields checks the record's field names, the contract for
// programs reading sayso's output.
func TestExtractJSONFields(t *testing.T) {
	page := `<html lang="en"><head><title>Ferry fares frozen | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-02T08:00:00+02:00">
<meta property="article:modified_time" content="2024-05-03T10:00:00+02:00">
<meta property="article:section" content="Local"><meta property="article:tag" content="ferries">
<meta name="description" content="Fares stay the same until 2026.">
<link rel="canonical" href="https://courier.example/local/ferry-fares"></head><body><article><h1>Ferry fares frozen</h1>
<p>The ferry company will keep its fares at this year's level until 2026, its <a href="/board">board</a> said on Thursday after a long meeting.</p>
<p>Commuters had feared a rise of a tenth, which the company had proposed in March to pay for two new boats.</p>
<p>Source: Harbour Press Agency.</p></article></body></html>`
	code, out, errs := runExtractCmd(t, page, "extract", "--url", "https://courier.example/local/ferry-fares?ref=rss", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"url", "canonical_url", "title", "authors", "publisher", "published", "modified", "language",
		"description", "section", "tags", "body", "links", "credits", "evidence", "extractor_version"} {
		if _, ok := rec[k]; !ok {
			t.Errorf("record lacks %q: %s", k, out)
		}
	}
	ev, _ := rec["evidence"].(map[string]any)
	for _, k := range []string{"published", "modified", "title", "authors", "publisher"} {
		if ev[k] == nil {
			t.Errorf("evidence lacks %q: %v", k, ev)
		}
	}
}

func TestExtractURL(t *testing.T) {
	raw, err := os.ReadFile(samplePage)
	if err != nil {
		t.Fatal(err)
	}
	cp1251 := []byte("<html><head><meta charset=\"windows-1251\"><title>x</title></head><body><article><p>" +
		"\xcf\xf0\xe5\xe7\xe8\xe4\xe5\xed\xf2 \xef\xee\xe4\xef\xe8\xf1\xe0\xeb \xe7\xe0\xea\xee\xed, \xea\xee\xf2\xee\xf0\xfb\xe9 \xe2\xf1\xf2\xf3\xef\xe8\xf2 \xe2 \xf1\xe8\xeb\xf3 \xe2 \xff\xed\xe2\xe0\xf0\xe5, \xf1\xee\xee\xe1\xf9\xe8\xeb\xe0 \xef\xf0\xe5\xf1\xf1-\xf1\xeb\xf3\xe6\xe1\xe0." +
		"</p></article></body></html>")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(raw)
		case "/old":
			http.Redirect(w, r, "/story", http.StatusMovedPermanently)
		case "/ru":
			w.Header().Set("Content-Type", "text/html")
			w.Write(cp1251)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	code, out, errs := runExtractCmd(t, "", "extract", "--allow-private", "--format", "text", srv.URL+"/old", srv.URL+"/ru", srv.URL+"/gone")
	if code != exitNoArticle {
		t.Errorf("exit %d, want %d (one input missing)", code, exitNoArticle)
	}
	if !strings.Contains(out, "Harbor City council voted") {
		t.Errorf("redirected page not extracted:\n%s", out)
	}
	if !strings.Contains(out, "Президент подписал закон") {
		t.Errorf("windows-1251 page not decoded:\n%s", out)
	}
	if !strings.Contains(errs, "/gone") || strings.Count(errs, "\n") != 2 {
		t.Errorf("stderr:\n%s", errs)
	}

	code, out, _ = runExtractCmd(t, "", "extract", "--allow-private", srv.URL+"/old")
	var a sayso.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil || code != exitOK {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if a.URL != srv.URL+"/story" {
		t.Errorf("url = %q, want the address after the redirect", a.URL)
	}
}
