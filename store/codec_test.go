package store

import (
	"strings"
	"testing"
	"unicode/utf8"

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
		{strings.Repeat("é", 200) + "ok", 200, 202, "ok"},
		{strings.Repeat("é", 200) + "ok", 63, 65, "éé"},
		{strings.Repeat("é", 128), 64, 128, strings.Repeat("é", 64)},
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

// TestDecompressText checks texts round-trip through compress and
// decompressText, the reused buffer never leaking one text into the next.
func TestDecompressText(t *testing.T) {
	texts := []string{"", "short", strings.Repeat("The harbour plan. ", 5000), "naïve — café", strings.Repeat("x", maxPooledText+10), "after"}
	for _, want := range texts {
		got, err := decompressText(compress([]byte(want)))
		if err != nil {
			t.Fatalf("decompressText: %v", err)
		}
		if got != want {
			t.Errorf("decompressText gave %d bytes (%.20q…), want %d (%.20q…)", len(got), got, len(want), want)
		}
	}
	if _, err := decompressText([]byte("not zstd at all")); err == nil {
		t.Error("decompressText accepted bytes that are not zstd")
	}
}

// FuzzRuneText checks runeText's slices against slicing the text's runes.
func FuzzRuneText(f *testing.F) {
	f.Add("The mayor said so.", 4, 9)
	f.Add(strings.Repeat("é", 130)+"“ok”", 63, 131)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		if !utf8.ValidString(s) {
			return
		}
		r := []rune(s)
		a := max(0, min(start, len(r)))
		b := max(a, min(end, len(r)))
		if got, want := newRuneText(s).slice(start, end), string(r[a:b]); got != want {
			t.Errorf("slice(%d, %d) of %q = %q, want %q", start, end, s, got, want)
		}
	})
}
