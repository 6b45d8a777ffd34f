package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
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
