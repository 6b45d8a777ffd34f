package store_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/store"
	"github.com/sayso-news/sayso/store/sqlite"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want string // rendered by the SQLite dialect
	}{
		{"harbour", `"harbour"`},
		{"Harbour Plan", `"harbour" AND "plan"`},
		{`"harbour plan" vote`, `"harbour" + "plan" AND "vote"`},
		{"ferry -storm", `"ferry" NOT "storm"`},
		{"ferry NOT storm", `"ferry" NOT "storm"`},
		{"storm OR gale ferry", `("storm" OR "gale") AND "ferry"`},
		{"fisher*", `"fisher" *`},
		{"the*", `"the" *`},
		{"U.S.-led", `"u" + "s" + "led"`},
		{"café", `"cafe"`},
		{`“curly quotes”`, `"curly" + "quotes"`},
		{`x" OR "y`, `"x" AND "or" AND "y"`},
		{"AND ferry", `"ferry"`},
	}
	for _, tt := range tests {
		q, err := store.ParseQuery(tt.in)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tt.in, err)
			continue
		}
		if got := (sqlite.Dialect{}).Match(q); got != tt.want {
			t.Errorf("ParseQuery(%q) renders %s, want %s", tt.in, got, tt.want)
		}
	}
	invalid := []struct{ in, msg string }{
		{"", "nothing to search for"},
		{"  ", "nothing to search for"},
		{"-storm", "nothing to search for"},
		{"NOT storm", "nothing to search for"},
		{`""`, "nothing to search for"},
		{"* : ( )", "nothing to search for"},
		{strings.Repeat("w ", 40), "more than 32 terms"},
		{`"` + strings.Repeat("word ", 65) + `"`, "more than 64 words"},
		{"a*", "at least 3 letters"},
		{"harbour th*", "at least 3 letters"},
		{"U.S*", "at least 3 letters"},
	}
	for _, tt := range invalid {
		_, err := store.ParseQuery(tt.in)
		if sayso.ErrorCodeOf(err) != sayso.EINVALID || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("ParseQuery(%q) err = %v, want EINVALID saying %q", tt.in, err, tt.msg)
		}
	}
}

func TestSnippet(t *testing.T) {
	text := "The council met on Tuesday.\n\nAfter a long debate about ferry fares, the harbour plan passed. " +
		"Fishermen cheered outside the hall, and the mayor promised new pontoons before the winter storms arrived in the bay."
	q, _ := store.ParseQuery("harbour fisher*")
	got := store.Snippet(text, q)
	want := "…long debate about ferry fares, the [harbour] plan passed. [Fishermen] cheered outside the hall, and the mayor promised new pontoons before the winter storms arrived in the bay."
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Snippet mismatch:\n%s", diff)
	}
	short, _ := store.ParseQuery("tuesday")
	if got := store.Snippet("Met on Tuesday.", short); got != "Met on [Tuesday]." {
		t.Errorf("short snippet = %q", got)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`"a b" OR c -d e*`, "U.S.-led", `“x`, "NOT", "a OR OR b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := store.ParseQuery(s)
		if err != nil {
			return
		}
		m := (sqlite.Dialect{}).Match(q)
		if m == "" || !utf8.ValidString(m) && utf8.ValidString(s) {
			t.Fatalf("ParseQuery(%q) renders %q", s, m)
		}
		_ = store.Snippet(s, q)
	})
}
