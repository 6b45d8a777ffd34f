package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
)

// TestSeedCaseProvenance is the case that started sayso, on pages written
// for this test: an opinion article, its republished copy (another
// template, a "Source: …" credit and a consent banner) and a separately
// written news story quoting the spokesman's sentence with one word
// changed — read, attributed and stored by the real pipeline.
func TestSeedCaseProvenance(t *testing.T) {
	db := filepath.Join(t.TempDir(), "corpus.db")
	if code, out, errs := runCmd(t, "ingest", "--db", db, filepath.Join("testdata", "seedcase")); code != exitOK {
		t.Fatalf("ingest exit %d\n%s\n%s", code, out, errs)
	}
	const (
		original    = "https://peacewatch.example/opinion/2025/02/11/neutrality-line"
		republished = "https://dailyledger.example/world/neutrality-was-always-the-line-moscow-drew"
		unrelated   = "https://worldwire.example/2025/02/13/kremlin-welcomes-signals"
	)
	ids := map[string]int64{}
	for _, u := range []string{original, republished, unrelated} {
		code, out, errs := runCmd(t, "show", "--db", db, "--format", "json", u)
		var a exportArticle
		if code != exitOK || json.Unmarshal([]byte(out), &a) != nil {
			t.Fatalf("show %s: exit %d %s", u, code, errs)
		}
		ids[u] = a.ID
	}

	code, out, errs := runCmd(t, "copies", "--db", db, "--format", "json", republished)
	var c sayso.CopyCluster
	if code != exitOK || json.Unmarshal([]byte(out), &c) != nil {
		t.Fatalf("copies: exit %d\n%s\n%s", code, out, errs)
	}
	if c.Original.ArticleID != ids[original] || len(c.Members) != 2 || c.Members[1].ArticleID != ids[republished] {
		t.Errorf("copies: original %d, members %+v; want %d then %d", c.Original.ArticleID, c.Members, ids[original], ids[republished])
	}
	if len(c.Evidence) == 0 || c.Evidence[0].Kind != sayso.EvidenceCredit || c.Evidence[0].Text != "Source: PeaceWatch." ||
		c.Evidence[0].ArticleID != ids[republished] {
		t.Errorf("copies evidence = %+v, want the credit line first", c.Evidence)
	}
	code, out, _ = runCmd(t, "copies", "--db", db, original)
	if code != exitOK || !strings.Contains(out, `credit line in #`) || !strings.Contains(out, `"Source: PeaceWatch."`) {
		t.Errorf("copies text: exit %d\n%s", code, out)
	}
	if code, out, errs = runCmd(t, "copies", "--db", db, unrelated); code != exitOK || out != "" || !strings.Contains(errs, "no stored copies") {
		t.Errorf("copies of the unrelated story: exit %d %q %q", code, out, errs)
	}

	code, out, errs = runCmd(t, "trace", "--db", db, "--format", "json", original)
	if code != exitOK {
		t.Fatalf("trace: exit %d\n%s", code, errs)
	}
	var traces []sayso.QuoteTrace
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var tr sayso.QuoteTrace
		if err := json.Unmarshal([]byte(line), &tr); err != nil {
			t.Fatalf("trace line %q: %v", line, err)
		}
		traces = append(traces, tr)
	}
	if len(traces) != 2 {
		t.Fatalf("trace found %d traces, want 2 (the spokesman's two sentences):\n%s", len(traces), out)
	}
	tr := traces[0]
	if !strings.HasPrefix(tr.Text, "We have been told by Washington") || tr.Speaker != "Anatoly Vetrov" || tr.First.ArticleID != ids[original] {
		t.Errorf("first trace: %q by %q first in #%d", tr.Text, tr.Speaker, tr.First.ArticleID)
	}
	want := []struct {
		id      int64
		variant sayso.QuoteVariant
		copyOf  int64
	}{{ids[original], sayso.VariantExact, 0}, {ids[republished], sayso.VariantExact, ids[original]}, {ids[unrelated], sayso.VariantAltered, 0}}
	if len(tr.Appearances) != len(want) {
		t.Fatalf("appearances: %+v", tr.Appearances)
	}
	for i, w := range want {
		a := tr.Appearances[i]
		var copyOf int64
		if a.CopyOf != nil {
			copyOf = a.CopyOf.ArticleID
		}
		if a.ArticleID != w.id || a.Variant != w.variant || copyOf != w.copyOf || a.Speaker != "Anatoly Vetrov" {
			t.Errorf("appearance %d = #%d %s copy of %d by %q; want #%d %s copy of %d", i, a.ArticleID, a.Variant, copyOf, a.Speaker,
				w.id, w.variant, w.copyOf)
		}
	}
	var diff []string
	for _, op := range tr.Appearances[2].Diff {
		if op.Op != "=" {
			diff = append(diff, op.Op+op.Text)
		}
	}
	if got := strings.Join(diff, " "); got != "-agenda +table" {
		t.Errorf("diff of the changed quote = %q, want -agenda +table", got)
	}
	if other := traces[1]; len(other.Appearances) != 2 || other.Appearances[1].CopyOf == nil {
		t.Errorf("second trace: %+v", other)
	}

	code, out, _ = runCmd(t, "trace", "--db", db, "membership", "of", "the", "alliance", "for", "Ukraine")
	if code != exitOK || !strings.Contains(out, "printed by 3 articles, first by peacewatch.example") ||
		!strings.Contains(out, "altered: ") || !strings.Contains(out, "[-agenda-] {+table+}") || !strings.Contains(out, "(copy of #") {
		t.Errorf("trace text: exit %d\n%s", code, out)
	}
	if code, _, errs = runCmd(t, "trace", "--db", db, "two words"); code != exitFailure || !strings.Contains(errs, "at least 6 words") {
		t.Errorf("trace of two words: exit %d %s", code, errs)
	}

	// Rebuilding the indexes gives the same answers.
	before, _ := runCmdOut(t, "export", "--db", db, "--table", "traces")
	if code, out, errs := runCmd(t, "reindex", "--db", db); code != exitOK || !strings.Contains(out, "indexed 3 articles") {
		t.Errorf("reindex: exit %d %q %q", code, out, errs)
	}
	if after, _ := runCmdOut(t, "export", "--db", db, "--table", "traces"); after != before {
		t.Errorf("traces after reindex:\n%s\nbefore:\n%s", after, before)
	}

	// The exports' exact shapes, which tools outside the project read.
	code, out, errs = runCmd(t, "export", "--db", db, "--table", "copies")
	if code != exitOK {
		t.Fatalf("export copies: exit %d %s", code, errs)
	}
	checkKeys(t, out, 1, map[string][]string{
		"":          {"cluster", "original", "members"},
		"original":  {"article_id", "url", "outlet", "published", "evidence"},
		"members.0": {"article_id", "url", "outlet", "published", "similarity", "original"},
	})
	code, out, errs = runCmd(t, "export", "--db", db, "--table", "traces")
	if code != exitOK {
		t.Fatalf("export traces: exit %d %s", code, errs)
	}
	checkKeys(t, out, 2, map[string][]string{
		"":              {"trace", "text", "speaker", "first", "appearances"},
		"first":         {"article_id", "url", "outlet", "published"},
		"appearances.0": {"article_id", "url", "outlet", "published", "text", "speaker", "variant", "diff", "copy_of"},
	})
	code, out, _ = runCmd(t, "export", "--db", db, "--table", "traces", "--format", "csv")
	if code != exitOK || strings.Count(out, "\n") != 6 || !strings.HasPrefix(out, "trace,text,speaker,first_article_id") {
		t.Errorf("export traces as CSV: exit %d\n%s", code, out)
	}
}

// checkKeys checks that out holds n JSON lines whose objects (and the
// objects at the paths given, "members.0" the first member) have exactly
// the keys listed.
func checkKeys(t *testing.T, out string, n int, want map[string][]string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != n {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), n, out)
	}
	for _, line := range lines {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatal(err)
		}
		for path, keys := range want {
			if keys == nil {
				continue
			}
			var v any = obj
			for _, p := range strings.Split(path, ".") {
				switch x := v.(type) {
				case map[string]any:
					if p != "" {
						v = x[p]
					}
				case []any:
					v = x[0]
				}
			}
			m, ok := v.(map[string]any)
			if !ok {
				t.Errorf("%s is not an object in %s", path, line)
				continue
			}
			var got []string
			for k := range m {
				got = append(got, k)
			}
			slices.Sort(got)
			w := slices.Clone(keys)
			slices.Sort(w)
			if !slices.Equal(got, w) {
				t.Errorf("keys of %q = %v, want %v", path, got, w)
			}
		}
	}
}

// runCmdOut runs sayso in-process and returns its standard output and
// exit code.
func runCmdOut(t *testing.T, args ...string) (string, int) {
	t.Helper()
	code, out, _ := runCmd(t, args...)
	return out, code
}
