package store

import (
	"testing"

	"github.com/sayso-news/sayso"
)

// TestRuneText checks slicing by code points on ASCII and other texts,
// clamped at both ends, and span texts joined as stored.
func TestRuneText(t *testing.T) {
	for _, tt := range []struct {
		text       string
		start, end int
		want       string
	}{
		{"The mayor said so.", 4, 9, "mayor"},
		{"“We will,” she said.", 1, 8, "We will"},
		{"Åse Kleveland sa nei.", 0, 3, "Åse"},
		{"short", -3, 99, "short"},
		{"short", 4, 2, ""},
		{"", 0, 5, ""},
		{"naïve — café", 8, 12, "café"},
	} {
		if got := newRuneText(tt.text).slice(tt.start, tt.end); got != tt.want {
			t.Errorf("newRuneText(%q).slice(%d, %d) = %q, want %q", tt.text, tt.start, tt.end, got, tt.want)
		}
	}
	rt := newRuneText("“Go,” he said, “now.”")
	if got, want := rt.spanText([]sayso.Span{{Start: 1, End: 3}, {Start: 16, End: 19}}), "Go now"; got != want {
		t.Errorf("spanText = %q, want %q", got, want)
	}
}
