package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sayso-news/sayso/store/sqlite"
)

// TestWebQueryPlans checks with EXPLAIN QUERY PLAN that the queries of
// the web pages' look-ups seek through an index and stop at their limit:
// no scan of a large table, no sort of all matches.
func TestWebQueryPlans(t *testing.T) {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "plans.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tc := range []struct {
		name, query string
		args        []any
		want        string
	}{
		{"latest articles matching", sqlite.Dialect{}.LatestArticleMatches(), []any{`"said"`, 10}, "VIRTUAL TABLE INDEX"},
		{"latest quotes matching", sqlite.Dialect{}.LatestQuoteMatches(), []any{`"said"`, 10}, "VIRTUAL TABLE INDEX"},
		{"speaker's latest quotes", `SELECT id FROM attributions WHERE speaker_id = ? ORDER BY id DESC LIMIT ?`, []any{5, 10}, "attributions_speaker"},
		{"speaker count", `SELECT count(*) FROM (SELECT 1 FROM attributions WHERE speaker_id = ? LIMIT ?) x`, []any{5, 10}, "attributions_speaker"},
		{"speaker sample", `SELECT id, article_id, coalesce(role, '')
			FROM attributions WHERE speaker_id = ? ORDER BY id DESC LIMIT ?`, []any{5, 10}, "attributions_speaker"},
		{"speaker sample's articles", `SELECT a.id, a.published_unix, o.host FROM articles a
			JOIN pages p ON p.id = a.id JOIN outlets o ON o.id = p.outlet_id WHERE a.id IN (?, ?)`, []any{5, 10}, "INTEGER PRIMARY KEY"},
		{"outlet sample", `SELECT id FROM pages WHERE outlet_id = ? AND state = 'article' ORDER BY id DESC LIMIT ?`, []any{5, 10}, "pages_outlet"},
		{"outlet's attributions", `SELECT t.kind FROM attributions t LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.id BETWEEN ? AND ?`, []any{1024, 2047}, "INTEGER PRIMARY KEY"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.DB().Query("EXPLAIN QUERY PLAN "+tc.query, tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var plan []string
			for rows.Next() {
				var id, parent, notused int
				var detail string
				if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, detail)
			}
			all := strings.Join(plan, "\n")
			if !strings.Contains(all, tc.want) {
				t.Errorf("plan does not use %s:\n%s", tc.want, all)
			}
			for _, bad := range []string{"TEMP B-TREE", "SCAN attributions", "SCAN pages", "SCAN articles\n", "AUTOMATIC"} {
				if strings.Contains(all+"\n", bad) {
					t.Errorf("plan has %q:\n%s", bad, all)
				}
			}
		})
	}
}
