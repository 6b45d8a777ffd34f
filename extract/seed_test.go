package extract

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedPage builds a realistic news page around the seed article at test
// time: its paragraphs and credit line in the article body of a WordPress-
// like template, its consent banner ("ОК" button and cookie notice) where
// such banners live. The seed text is read in place, never copied.
func seedPage(t *testing.T, lang string) (page, title string, paragraphs []string) {
	t.Helper()
	name := filepath.Join(dataDir(), "..", "seed", "seed-article.txt")
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Skipf("seed article absent at %s: %v", name, err)
	}
	tmpl, err := os.ReadFile(filepath.Join("testdata", "seed-template.html"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(raw), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	// Layout of the seed: title, paragraphs, credit line, the banner's
	// button and the banner's notice.
	if len(lines) < 5 {
		t.Fatalf("seed article has %d lines, want a title, paragraphs and a banner", len(lines))
	}
	title = lines[0]
	body := lines[1 : len(lines)-2]
	ok, cookie := lines[len(lines)-2], lines[len(lines)-1]
	var b strings.Builder
	for _, p := range body {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	attr := ""
	if lang != "" {
		attr = ` lang="` + lang + `"`
	}
	page = strings.NewReplacer("{{LANG}}", attr, "{{TITLE}}", html.EscapeString(title), "{{BODY}}", b.String(),
		"{{COOKIE}}", html.EscapeString(cookie), "{{OK}}", html.EscapeString(ok)).Replace(string(tmpl))
	return page, title, body[:len(body)-1]
}

func TestSeedArticle(t *testing.T) {
	for _, lang := range []string{"en-US", ""} {
		t.Run("lang="+lang, func(t *testing.T) {
			page, title, paragraphs := seedPage(t, lang)
			a, err := FromReader(strings.NewReader(page), "https://digest.example/2025/03/03/nato-red-line/")
			if err != nil {
				t.Fatal(err)
			}
			text := a.Text()
			if want := strings.Join(paragraphs, "\n\n"); text != want {
				t.Errorf("body:\n%s\n\nwant:\n%s", text, want)
			}
			for _, bad := range []string{"Source:", "AntiWar", "cookies", "ОК", "Share this", "Leave a Reply", "Recent Posts"} {
				if strings.Contains(text, bad) {
					t.Errorf("body contains %q", bad)
				}
			}
			if len(a.Credits) != 1 || a.Credits[0].Outlet != "AntiWar.com" || a.Credits[0].Kind != "source" {
				t.Errorf("credits = %+v, want one source credit naming AntiWar.com", a.Credits)
			}
			if a.Title != title {
				t.Errorf("title = %q, want %q", a.Title, title)
			}
			if !strings.HasPrefix(a.Language, "en") {
				t.Errorf("language = %q, want en", a.Language)
			}
		})
	}
}
