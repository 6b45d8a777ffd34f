package postgres_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/postgres"
	"github.com/sayso-news/sayso/store/postgres/pgtest"
	"github.com/sayso-news/sayso/store/sqlite"
	"github.com/sayso-news/sayso/store/storetest"
)

// openLite opens a new SQLite store named name in a temporary folder,
// closed when the test ends.
func openLite(t *testing.T, name string) *store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openPrepared opens a new PostgreSQL store from the migrated template,
// closed when the test ends.
func openPrepared(t *testing.T) *store.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), pgtest.NewPrepared(t, migrated))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestSameAsSQLite stores one corpus in both engines: the same search
// hits, quotes, copy clusters and quote traces.
func TestSameAsSQLite(t *testing.T) {
	pg := open(t)
	defer pg.Close()
	lite := openLite(t, "sayso.db")
	want := storetest.Describe(t, lite)
	got := storetest.Describe(t, pg)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("PostgreSQL differs from SQLite (-sqlite +postgres):\n%s", diff)
	}
	// The description is not empty: every search but one finds something,
	// and there are clusters and traces.
	if strings.Count(want, ": 0 hits") != 1 || !strings.Contains(want, "cluster ") || !strings.Contains(want, "trace ") {
		t.Errorf("description:\n%s", want)
	}
}

// TestLanguageStemming checks that an article is searched in its
// language's configuration: "strikes" finds the English articles printing
// "strike", and not an article in a language PostgreSQL does not stem.
func TestLanguageStemming(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	recs := storetest.DescribeCorpus()[:2]
	recs[1].Article.Language = "xx"
	if _, err := s.Save(ctx, recs); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		want  int
	}{{"strikes", 1}, {"strike", 2}, {"walked", 2}, {"walking", 1}, {"commuter", 1}} {
		hits, err := s.Search(ctx, sayso.SearchQuery{Text: tt.query})
		if err != nil || len(hits) != tt.want {
			t.Errorf("Search(%q) = %d hits, %v; want %d", tt.query, len(hits), err, tt.want)
		}
	}
}

// TestCopy copies a SQLite corpus into PostgreSQL and back into a new
// SQLite file: each copy answers as the original does, under the same ids,
// refuses to be copied into again, and takes new records afterwards.
func TestCopy(t *testing.T) {
	ctx := context.Background()
	lite := openLite(t, "from.db")
	want := storetest.Describe(t, lite)
	pg := openPrepared(t)
	back := openLite(t, "back.db")
	for _, c := range []struct {
		name     string
		dst, src *store.Store
	}{{"sqlite to postgres", pg, lite}, {"postgres to sqlite", back, pg}} {
		copied, err := store.Copy(ctx, c.dst, c.src, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(copied) == 0 || copied[0].Rows == 0 {
			t.Errorf("%s: copied %+v", c.name, copied)
		}
		if diff := cmp.Diff(want, storetest.DescribeStored(t, c.dst)); diff != "" {
			t.Errorf("%s: the copy differs (-original +copy):\n%s", c.name, diff)
		}
		if diff := cmp.Diff(ids(t, c.src), ids(t, c.dst)); diff != "" {
			t.Errorf("%s: ids differ (-original +copy):\n%s", c.name, diff)
		}
		if _, err := store.Copy(ctx, c.dst, c.src, nil); sayso.ErrorCodeOf(err) != sayso.ECONFLICT {
			t.Errorf("%s: copy into a corpus: %v, want a conflict", c.name, err)
		}
	}
	// New outlets, pages and speakers take ids after the copied ones.
	rec := storetest.DescribeCorpus()[0]
	rec.Page.URL, rec.Page.FinalURL, rec.Article.URL = "https://new.example/a", "https://new.example/a", "https://new.example/a"
	rec.Page.Body = append(rec.Page.Body, " new"...)
	rec.Analysis.Attributions[0].Speaker.Name = "A New Speaker"
	if res, err := pg.Save(ctx, []*sayso.Record{rec}); err != nil || res[0].Outcome != sayso.OutcomeStored {
		t.Errorf("save after the copy: %+v, %v", res, err)
	}
}

// ids lists the ids of a store's outlets, pages, speakers and attributions
// with what they name.
func ids(t *testing.T, s *store.Store) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT 'outlet ' || id || ' ' || host FROM outlets ORDER BY id`,
		`SELECT 'page ' || id || ' ' || url FROM pages ORDER BY id`,
		`SELECT 'speaker ' || id || ' ' || name || ' ' || coalesce(identity, 0) FROM speakers ORDER BY id`,
		`SELECT 'attribution ' || id || ' ' || coalesce(speaker_id, 0) FROM attributions ORDER BY id`,
	} {
		rows, err := s.DB().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			out = append(out, line)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return out
}

// TestReindexText checks that "sayso reindex" makes the full-text index
// rows again when a migration changed how text is indexed (as 0006 did,
// keeping stop words): afterwards the store answers as SQLite does.
func TestReindexText(t *testing.T) {
	ctx := context.Background()
	want := storetest.Describe(t, openLite(t, "sayso.db"))
	pg := openPrepared(t)
	if _, err := pg.Save(ctx, storetest.DescribeCorpus()); err != nil {
		t.Fatal(err)
	}
	// The rows as an older index made them: without stop words.
	for _, q := range []string{
		`UPDATE articles_fts SET doc = ts_delete(doc, ARRAY['the', 'a', 'to', 'of', 'in', 'on', 'and'])`,
		`UPDATE quotes_fts SET doc = ts_delete(doc, ARRAY['the', 'a', 'to', 'of', 'in', 'on', 'and'])`,
		`INSERT INTO trace_state (key, value) VALUES ('text_stale', 'test')`,
	} {
		if _, err := pg.DB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if got := storetest.DescribeStored(t, pg); got == want {
		t.Fatal("the stale index answers as SQLite: the test does not test")
	}
	if err := pg.Reindex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(want, `search "the": 10 hits`) {
		t.Errorf("description:\n%s", want)
	}
	if diff := cmp.Diff(want, storetest.DescribeStored(t, pg)); diff != "" {
		t.Errorf("after reindex (-sqlite +postgres):\n%s", diff)
	}
}

// cancelOn is a slog.Handler that cancels a context when a record with
// the message msg is logged.
type cancelOn struct {
	msg    string
	cancel context.CancelFunc
}

func (c cancelOn) Enabled(context.Context, slog.Level) bool { return true }
func (c cancelOn) WithAttrs([]slog.Attr) slog.Handler       { return c }
func (c cancelOn) WithGroup(string) slog.Handler            { return c }
func (c cancelOn) Handle(_ context.Context, r slog.Record) error {
	if r.Message == c.msg {
		c.cancel()
	}
	return nil
}

// TestCopyCancelled cancels a copy into PostgreSQL once its first table is
// in: the destination stays empty, and a second copy succeeds.
func TestCopyCancelled(t *testing.T) {
	ctx := context.Background()
	lite := openLite(t, "from.db")
	if _, err := lite.Save(ctx, storetest.DescribeCorpus()); err != nil {
		t.Fatal(err)
	}
	pg := openPrepared(t)
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if _, err := store.Copy(cctx, pg, lite, slog.New(cancelOn{"copied", cancel})); sayso.ErrorCodeOf(err) != sayso.EUNAVAILABLE {
		t.Fatalf("cancelled copy: %v, want unavailable", err)
	}
	var n int
	if err := pg.DB().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM outlets) + (SELECT count(*) FROM pages)`).Scan(&n); err != nil || n != 0 {
		t.Errorf("after a cancelled copy: %d rows, %v", n, err)
	}
	if _, err := store.Copy(ctx, pg, lite, nil); err != nil {
		t.Errorf("copy after a cancelled one: %v", err)
	}
}
