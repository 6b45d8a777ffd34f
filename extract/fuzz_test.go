package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
)

// FuzzFromReader feeds arbitrary bytes to the extractor: it must return an
// article or an error, never panic, and an article's text must be valid
// UTF-8, encode as JSON, and have a block for every link it reports.
func FuzzFromReader(f *testing.F) {
	seeds := []string{
		"",
		"<html><body><p>Hello, world. This is a short paragraph of text.</p></body></html>",
		article("", "First paragraph, long enough to count as prose in an article body.", "Source: Example News."),
		"<div><div><div><p>deep</p></div></div></div>",
		"<table><tr><td><p>cell text, with a comma, and more words</p></td></tr></table>",
		"<meta charset=shift_jis><p>\x93\x8c\x8b\x9e</p>",
		"<pre>  code\n  block  </pre><blockquote><p>quoted words here</p></blockquote>",
		"WASHINGTON (Reuters) - <p>x</p>",
		"\xef\xbb\xbf<p>BOM</p>", "\xff\xfe<\x00p\x00>\x00",
	}
	if raw, err := os.ReadFile(filepath.Join("..", "testdata", "sample", "seed-page.html")); err == nil {
		seeds = append(seeds, string(raw))
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := FromReader(bytes.NewReader(page), "https://example.com/a/b")
		if err != nil {
			if a != nil {
				t.Fatal("article and error both returned")
			}
			return
		}
		if len(a.Blocks) == 0 {
			t.Fatal("article without blocks")
		}
		texts := append([]string{a.Title, a.Publisher, a.Description, a.Language}, a.Authors...)
		for _, b := range a.Blocks {
			texts = append(texts, b.Text)
		}
		for _, c := range a.Credits {
			texts = append(texts, c.Text, c.Outlet)
		}
		for _, s := range texts {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		if _, err := json.Marshal(a); err != nil {
			t.Fatalf("article does not encode: %v", err)
		}
		for _, l := range a.Links {
			if l.Block < 0 || l.Block >= len(a.Blocks) {
				t.Fatalf("link %+v points outside %d blocks", l, len(a.Blocks))
			}
		}
		_ = Markdown(a)
	})
}

// FuzzCreditLine checks the credit-line parser on arbitrary lines: a
// credit it finds names an outlet taken from the line itself.
func FuzzCreditLine(f *testing.F) {
	for _, s := range []string{"Source: AntiWar.com.", "This article was originally published by The Conversation.",
		"WASHINGTON (Reuters) - The Senate voted.", "— AP", "Via X", "Источник: ТАСС", "İSTANBUL (AP) — x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, ok := creditLine(s); ok && (c.Outlet == "" && c.Kind != sayso.CreditCourtesy || c.Text == "") {
			t.Fatalf("credit %+v from %q", c, s)
		}
		if c, rest, ok := wireDateline(s); ok && (c.Outlet == "" || len(rest) > len(s)) {
			t.Fatalf("dateline %+v, rest %q from %q", c, rest, s)
		}
		_, _, _ = stripSignoff(s)
	})
}

// FuzzDecode checks charset detection and decoding on arbitrary bytes and
// Content-Type headers: the result is valid UTF-8.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`<meta charset="windows-1251"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>`), "")
	f.Add([]byte("\xef\xbb\xbf<p>bom</p>"), "text/html; charset=utf-8")
	f.Add([]byte("<p>x</p>"), "text/html; charset=shift_jis")
	f.Add([]byte("it\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s \xc3\xa2\xc2\x80\xc2\x9c \xc3\xa2\xc2\x80\xc2\x9d x\xc3\xa2\xc2\x80"), "")
	f.Fuzz(func(t *testing.T, b []byte, contentType string) {
		out, _, err := toUTF8(b, contentType)
		if err == nil && !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8 from %q (%q)", b, contentType)
		}
	})
}

// FuzzRewrite checks the parser-trap scan and the rewrite on arbitrary
// markup: the rewrite only drops tags, so it never grows the document,
// and its output reads as a document.
func FuzzRewrite(f *testing.F) {
	f.Add([]byte(strings.Repeat("<b id=1>", 20)+"<p>x</p>"), 0)
	f.Add([]byte("<html a><html b><body><body c><script>a<b</script><p>x"), 0)
	f.Add([]byte(strings.Repeat("<table><td>", 50)+"x"), 8)
	f.Add([]byte("<style>p{}</style><SCRIPT type=x>"+strings.Repeat("a", maxScriptKept+5)+"</script ><script type=application/ld+json>{}</script>"), 0)
	f.Fuzz(func(t *testing.T, b []byte, depth int) {
		parserTraps(b)
		s := stripRawText(b)
		if len(s) > len(b) {
			t.Fatalf("stripRawText grew %d bytes to %d", len(b), len(s))
		}
		if in := stripRawTextInPlace(bytes.Clone(b)); !bytes.Equal(in, s) {
			t.Fatalf("stripRawTextInPlace = %q, stripRawText = %q", in, s)
		}
		out := rewrite(b, depth%300)
		if len(out) > len(b) {
			t.Fatalf("rewrite grew %d bytes to %d", len(b), len(out))
		}
		if _, err := parseHTML(out); err != nil && depth%300 > 0 && depth%300 <= maxNesting/4 {
			t.Fatalf("rewrite to depth %d did not parse: %v", depth%300, err)
		}
	})
}
