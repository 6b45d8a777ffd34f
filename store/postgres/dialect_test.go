package postgres

import (
	"testing"

	"github.com/sayso-news/sayso/store"
)

func TestRebind(t *testing.T) {
	tests := []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT a FROM t WHERE a = ? AND b IN (?, ?)`, `SELECT a FROM t WHERE a = $1 AND b IN ($2, $3)`},
		{`SELECT '?' , "?x", ? FROM t WHERE n LIKE ? ESCAPE '\'`, `SELECT '?' , "?x", $1 FROM t WHERE n LIKE $2 ESCAPE '\'`},
		{`SELECT 'it''s ?', ?`, `SELECT 'it''s ?', $1`},
	}
	for _, tt := range tests {
		if got := (Dialect{}).Rebind(tt.in); got != tt.want {
			t.Errorf("Rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	q, err := store.ParseQuery(`ferry "harbour plan" -storm fish* it's OR x\y`)
	if err != nil {
		t.Fatal(err)
	}
	got := (Dialect{}).Match(q)
	want := `'ferry' & ('harbour' <-> 'plan') & !'storm' & 'fish':* & (('it' <-> 's') | ('x' <-> 'y'))`
	if got != want {
		t.Errorf("Match = %q\nwant    %q", got, want)
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://sayso:s3cret@db.example:5432/sayso?sslmode=require", "postgres://sayso:xxxxx@db.example:5432/sayso?sslmode=require"},
		{"postgres://postgres@127.0.0.1/x", "postgres://postgres@127.0.0.1/x"},
		{"postgresql://u:p@h/d", "postgresql://u:xxxxx@h/d"},
		{"/tmp/c.db", "/tmp/c.db"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if !IsURL("postgres://x") || !IsURL("postgresql://x") || IsURL("sayso.db") {
		t.Error("IsURL")
	}
}
