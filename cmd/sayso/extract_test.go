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
	zw.Write(raw)
	zw.Close()
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

func TestExtractBatchFailures(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "nav.html")
	os.WriteFile(empty, []byte(`<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>`), 0o644)
	missing := filepath.Join(dir, "missing.html")

	code, out, errs := runExtractCmd(t, "", "extract", "--format", "text", missing, samplePage, empty)
	if code != exitNoArticle {
		t.Errorf("exit %d, want %d", code, exitNoArticle)
	}
	if !strings.Contains(out, "Harbor City") {
		t.Errorf("the good input was not extracted:\n%s", out)
	}
	for _, want := range []string{"missing.html", "nav.html: no article", "2 of 3 inputs failed"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(errs), "\n") {
		if !strings.HasPrefix(line, "sayso extract: ") {
			t.Errorf("stderr line %q is not one line per input", line)
		}
	}

	code, _, errs = runExtractCmd(t, "", "extract", empty)
	if code != exitNoArticle || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "no article") {
		t.Errorf("single page without article: exit %d, stderr %q", code, errs)
	}
	code, _, _ = runExtractCmd(t, "", "extract", "--format", "yaml", samplePage)
	if code != exitUsage {
		t.Errorf("bad --format: exit %d, want %d", code, exitUsage)
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
