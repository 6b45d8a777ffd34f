package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/fakesite"
)

// runCmd runs sayso in-process and returns the exit code and both streams.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		log: slog.New(slog.NewTextHandler(&errb, nil)), getenv: func(string) string { return "" }}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

// pageFolder writes n test article pages into a new folder.
func pageFolder(t testing.TB, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "pages")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("story-%04d.html", i)), []byte(fakesite.ArticleHTML(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCorpusCommands(t *testing.T) {
	dir := pageFolder(t, 12)
	site := fakesite.New()
	defer site.Close()
	for i := 100; i < 103; i++ {
		site.HTML(fmt.Sprintf("/news/%d", i), fakesite.ArticleHTML(i))
	}
	site.Page("/feed.xml", "application/rss+xml", []byte(`<rss version="2.0"><channel>
<item><link>/news/100</link></item><item><link>/news/101</link></item><item><link>/news/102</link></item></channel></rss>`))
	site.Status("/gone", 404)
	db := filepath.Join(t.TempDir(), "corpus.db")

	code, out, errs := runCmd(t, "ingest", "--db", db, "--allow-private", "--rate", "1000", dir, site.URL("/feed.xml"))
	if code != exitOK {
		t.Fatalf("ingest exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{"stored       15 (15 articles", "fetched      3", "failed       0"} {
		if !strings.Contains(out, want) {
			t.Errorf("ingest summary lacks %q:\n%s", want, out)
		}
	}
	// Some inputs failing: exit code 2 and the reason in the summary.
	code, out, _ = runCmd(t, "ingest", "--db", db, "--allow-private", site.URL("/gone"), dir)
	if code != exitNoArticle || !strings.Contains(out, "duplicate    12") || !strings.Contains(out, "HTTP 404") {
		t.Errorf("ingest with a 404: exit %d\n%s", code, out)
	}

	code, out, errs = runCmd(t, "search", "--db", db, "ferry", "fares")
	if code != exitOK || !strings.Contains(out, "[ferry]") || !strings.Contains(out, "[fares]") {
		t.Errorf("search: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = runCmd(t, "search", "--db", db, "--format", "json", "--limit", "2", "library")
	var hit sayso.SearchHit
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != exitOK || len(lines) != 2 || json.Unmarshal([]byte(lines[0]), &hit) != nil || hit.ArticleID == 0 {
		t.Fatalf("search json: exit %d\n%s", code, out)
	}

	// A copy answers as its original.
	copyDB := filepath.Join(t.TempDir(), "copy.db")
	if code, out, errs := runCmd(t, "copy", "--from", db, "--to", copyDB); code != exitOK || !strings.Contains(out, "articles           15") {
		t.Errorf("copy: exit %d\n%s%s", code, out, errs)
	}
	if _, copied, _ := runCmd(t, "search", "--db", copyDB, "--format", "json", "--limit", "2", "library"); copied != out {
		t.Errorf("search in the copy:\n%s\nwant\n%s", copied, out)
	}
	if code, _, errs := runCmd(t, "copy", "--from", db, "--to", copyDB); code != exitFailure || !strings.Contains(errs, "not empty") {
		t.Errorf("copy into a corpus: exit %d %s", code, errs)
	}

	code, out, errs = runCmd(t, "show", "--db", db, fmt.Sprint(hit.ArticleID))
	if code != exitOK || !strings.Contains(out, hit.Title) || !strings.Contains(out, "library") || !strings.Contains(out, "Attributions (") && !strings.Contains(out, "Attribution failed") {
		t.Errorf("show: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = runCmd(t, "show", "--db", db, "--format", "json", hit.URL)
	var shown exportArticle
	if code != exitOK || json.Unmarshal([]byte(out), &shown) != nil || shown.ID != hit.ArticleID || shown.Text == "" {
		t.Errorf("show json by URL: exit %d\n%.300s", code, out)
	}
	if code, _, errs = runCmd(t, "show", "--db", db, "999999"); code != exitFailure || !strings.Contains(errs, "no stored article") {
		t.Errorf("show missing: exit %d %s", code, errs)
	}

	// Every stored attribution is listed (how many there are is attrib's
	// business), those of the feed's pages under their outlet.
	s, err := openStore(context.Background(), db, false)
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(context.Background())
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs = runCmd(t, "quotes", "--db", db, "--format", "json", "--limit", "100000")
	if n := strings.Count(out, "\n"); code != exitOK || n != st.Attributions {
		t.Errorf("quotes: exit %d, %d quotes, want %d\n%s", code, n, st.Attributions, errs)
	}
	code, out, _ = runCmd(t, "quotes", "--db", db, "--outlet", "127.0.0.1", "--format", "json", "--limit", "100000")
	if n := strings.Count(out, "\n"); code != exitOK || n > st.Attributions {
		t.Errorf("quotes --outlet 127.0.0.1: exit %d, %d quotes", code, n)
	}
	if st.Attributions > 0 {
		code, out, _ = runCmd(t, "quotes", "--db", db)
		if code != exitOK || !strings.Contains(out, "#") {
			t.Errorf("quotes text: exit %d\n%s", code, out)
		}
	}
	code, out, _ = runCmd(t, "quotes", "--db", db, "--outlet", "nowhere.example")
	if code != exitOK || out != "" {
		t.Errorf("quotes --outlet nowhere: exit %d\n%s", code, out)
	}

	code, out, _ = runCmd(t, "export", "--db", db)
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != exitOK || len(lines) != 15 {
		t.Fatalf("export jsonl: exit %d, %d lines", code, len(lines))
	}
	var ex exportArticle
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &ex); err != nil || ex.Text == "" || len(ex.Article.Blocks) == 0 || ex.Outlet == "" {
		t.Errorf("export record: %v %+v", err, ex)
	}
	code, out, _ = runCmd(t, "export", "--db", db, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != exitOK || err != nil || len(rows) != 16 || rows[0][len(rows[0])-1] != "text" || !strings.Contains(rows[1][len(rows[1])-1], "Story number") {
		t.Errorf("export csv: exit %d, %v, %d rows", code, err, len(rows))
	}
	for _, format := range []string{"jsonl", "csv"} {
		code, out, errs = runCmd(t, "export", "--db", db, "--table", "attributions", "--format", format)
		rows := strings.Count(out, "\n")
		if format == "csv" {
			rows-- // header
		}
		if code != exitOK || rows != st.Attributions {
			t.Errorf("export attributions %s: exit %d, %d rows, want %d\n%.300s%s", format, code, rows, st.Attributions, out, errs)
		}
		code, out, errs = runCmd(t, "export", "--db", db, "--table", "speakers", "--format", format)
		rows = strings.Count(out, "\n")
		if format == "csv" {
			rows--
		}
		if code != exitOK || rows != st.Speakers {
			t.Errorf("export speakers %s: exit %d, %d rows, want %d\n%.300s%s", format, code, rows, st.Speakers, out, errs)
		}
	}

	code, out, errs = runCmd(t, "reprocess", "--db", db, "--state", "failed")
	if code != exitOK || !strings.Contains(out, "stored       0") {
		t.Errorf("reprocess --state failed: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runCmd(t, "reprocess", "--db", db)
	if code != exitOK || !strings.Contains(out, "stored       15 (15 articles") {
		t.Errorf("reprocess: exit %d\n%s%s", code, out, errs)
	}
}

func TestCorpusUsage(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"ingest"}, exitUsage, "no SOURCE"},
		{[]string{"ingest", "--rate", "0", "x"}, exitUsage, "must be positive"},
		{[]string{"search", "--db", missing}, exitUsage, "no QUERY"},
		{[]string{"search", "--db", missing, "x"}, exitFailure, "no corpus database"},
		{[]string{"quotes", "--kind", "loud"}, exitUsage, "--kind"},
		{[]string{"show", "--db", missing}, exitUsage, "exactly one"},
		{[]string{"export", "--format", "xml"}, exitUsage, "jsonl or csv"},
		{[]string{"export", "--table", "pages"}, exitUsage, "articles, attributions, speakers, copies or traces"},
		{[]string{"reprocess", "--state", "odd"}, exitUsage, "--state"},
		{[]string{"copy", "--to", missing}, exitUsage, "--from and --to"},
		{[]string{"copy", "--from", missing, "--to", missing}, exitUsage, "the same"},
		{[]string{"copy", "--from", missing, "--to", missing + "2"}, exitFailure, "no corpus database"},
	}
	for _, tt := range tests {
		code, _, errs := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d mentioning %q", tt.args, code, errs, tt.code, tt.msg)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a query command created the database")
	}
}

// attributionRows exports the attribution rows of a database in a form
// independent of article ids (which depend on the order pages finished).
func attributionRows(t *testing.T, db string) []string {
	t.Helper()
	code, out, errs := runCmd(t, "export", "--db", db, "--table", "attributions")
	if code != exitOK {
		t.Fatalf("export: exit %d %s", code, errs)
	}
	var rows []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		delete(m, "article_id")
		b, _ := json.Marshal(m)
		rows = append(rows, string(b))
	}
	sort.Strings(rows)
	return rows
}
