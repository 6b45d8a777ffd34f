package extract

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/sayso-news/sayso"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// article is a small page template for the table tests below: a title, the
// given body paragraphs inside an article element, and furniture around.
func article(head string, paragraphs ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>" + head + "<title>A test page</title></head><body>")
	b.WriteString(`<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav><article><h1>A test page</h1>`)
	for _, p := range paragraphs {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString(`</article><footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>`)
	return b.String()
}

func TestCharsets(t *testing.T) {
	cases := []struct {
		name        string
		enc         encoding.Encoding
		text        string
		meta        string // <meta> declaration, or ""
		contentType string // HTTP header, or ""
	}{
		{"windows-1251 meta", charmap.Windows1251, "Председатель парламента заявил журналистам, что закон о бюджете будет принят до конца месяца, несмотря на возражения оппозиции.", `<meta charset="windows-1251">`, ""},
		{"windows-1251 http-equiv", charmap.Windows1251, "Министр сообщил, что новые правила вступят в силу весной, а штрафы за нарушение будут увеличены вдвое.", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, ""},
		{"windows-1251 header", charmap.Windows1251, "Городской совет одобрил строительство нового моста через реку, работы начнутся летом следующего года.", "", "text/html; charset=windows-1251"},
		{"shift_jis meta", japanese.ShiftJIS, "東京都は来年度の予算案を発表し、子育て支援と防災対策に重点を置くと説明した。知事は記者会見で財源の確保について詳しく述べた。", `<meta charset="Shift_JIS">`, ""},
		{"shift_jis header", japanese.ShiftJIS, "大阪市の新しい図書館は来月開館し、週末には子ども向けの読み聞かせ会が開かれる予定だと市の担当者が話した。", "", "text/html; charset=shift_jis"},
		{"gb18030 meta", simplifiedchinese.GB18030, "市政府宣布将在明年春季开通新的地铁线路，连接机场和市中心，预计每天可运送乘客十万人次。", `<meta charset="gb18030">`, ""},
		{"gbk declared gb2312", simplifiedchinese.GBK, "教育部表示，新学期将在全国推广课后服务，并增加体育和艺术课程的课时，以减轻学生负担。", `<meta charset="gb2312">`, ""},
		{"utf-8 declared gb2312", encoding.Nop, "教育部表示，新学期将在全国推广课后服务，并增加体育和艺术课程的课时，以减轻学生负担。", `<meta charset="gb2312">`, ""},
		{"utf-8 declared windows-1251", encoding.Nop, "Председатель парламента заявил журналистам, что закон о бюджете будет принят до конца месяца.", `<meta charset="windows-1251">`, ""},
		{"iso-8859-2 meta", charmap.ISO8859_2, "Przewodniczący rady miasta powiedział, że nowy most zostanie otwarty jesienią, a koszty budowy nie wzrosną.", `<meta charset="iso-8859-2">`, ""},
		{"iso-8859-15 header", charmap.ISO8859_15, "Le maire a annoncé que la nouvelle piscine coûtera 12 millions d'euros et ouvrira ses portes à l'été prochain.", "", "text/html; charset=ISO-8859-15"},
		{"latin-1 undeclared", charmap.Windows1252, "Der Bürgermeister erklärte, dass die Straßenbahn ab nächstem Jahr bis zum Flughafen fahren wird, für alle Fahrgäste.", "", ""},
		{"french undeclared", charmap.Windows1252, "Le maire a annoncé que la nouvelle piscine coûtera douze millions d'euros et ouvrira à l'été prochain, a-t-il précisé.", "", ""},
		{"windows-1251 undeclared", charmap.Windows1251, "Председатель парламента заявил журналистам, что закон о бюджете будет принят до конца месяца, несмотря на возражения оппозиции.", "", ""},
		{"koi8-r undeclared", charmap.KOI8R, "Министр сообщил, что новые правила вступят в силу весной, а штрафы за нарушение будут увеличены вдвое для всех водителей.", "", ""},
		{"shift_jis undeclared", japanese.ShiftJIS, "東京都は来年度の予算案を発表し、子育て支援と防災対策に重点を置くと説明した。知事は記者会見で財源の確保について詳しく述べた。", "", ""},
		{"euc-jp undeclared", japanese.EUCJP, "大阪市の新しい図書館は来月開館し、週末には子ども向けの読み聞かせ会が開かれる予定だと市の担当者が話した。", "", ""},
		{"gb18030 undeclared", simplifiedchinese.GB18030, "市政府宣布将在明年春季开通新的地铁线路，连接机场和市中心，预计每天可运送乘客十万人次。", "", ""},
		{"euc-kr undeclared", korean.EUCKR, "서울시는 내년부터 지하철 운행 시간을 새벽 두 시까지 연장한다고 발표했다. 시민들의 귀가 편의를 위한 조치라고 설명했다.", "", ""},
		{"greek undeclared", charmap.ISO8859_7, "Ο δήμαρχος ανακοίνωσε ότι η νέα γέφυρα θα ανοίξει το φθινόπωρο και ότι το κόστος δεν θα αυξηθεί για τους κατοίκους.", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			page := article(tc.meta, tc.text, tc.text+" "+tc.text)
			raw, err := tc.enc.NewEncoder().String(page)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Options{ContentType: tc.contentType}.FromBytes([]byte(raw), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Text(); !strings.Contains(got, tc.text) {
				t.Errorf("body = %q, want it to contain %q", got, tc.text)
			}
		})
	}
}

func TestFromPageUsesHeaderAndFinalURL(t *testing.T) {
	text := "Глава региона пообещал отремонтировать все школы до начала учебного года, заявив об этом на встрече с родителями."
	raw, _ := charmap.Windows1251.NewEncoder().String(article(`<link rel="canonical" href="/story">`, text, text))
	p := &sayso.Page{URL: "http://a.example/x", FinalURL: "https://b.example/news/x",
		Header: map[string][]string{"Content-Type": {"text/html; charset=windows-1251"}}, Body: []byte(raw)}
	a, err := FromPage(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text(), text) {
		t.Errorf("body = %q", a.Text())
	}
	if a.URL != "https://b.example/news/x" {
		t.Errorf("URL = %q, want the final URL", a.URL)
	}
}

func TestFromPageRejectsDatesAfterFetch(t *testing.T) {
	text := "The council voted on Tuesday to keep the night buses running through the winter, after a petition."
	page := article(`<meta property="article:published_time" content="2031-05-04T10:00:00Z">`+
		`<meta name="date" content="2024-05-04">`, text, text)
	fetched := time.Date(2024, 5, 5, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		name      string
		fetchedAt time.Time
		want      string
	}{
		{"fetched before the date", fetched, "2024-05-04"},
		{"fetch time unknown", time.Time{}, "2031-05-04"},
	}
	for _, tc := range cases {
		p := &sayso.Page{URL: "https://a.example/x", Body: []byte(page), FetchedAt: tc.fetchedAt}
		a, err := FromPage(p)
		if err != nil {
			t.Fatal(err)
		}
		if a.Published == nil || a.Published.Format("2006-01-02") != tc.want {
			t.Errorf("%s: published %v, want %s", tc.name, a.Published, tc.want)
		}
	}
}

func TestMetadataFromBytes(t *testing.T) {
	video := `<html lang="en"><head><title>Flood footage | Valley TV</title>` +
		`<meta property="og:title" content="Flood footage"><meta property="og:site_name" content="Valley TV">` +
		`<meta property="article:published_time" content="2024-03-02T09:30:00+01:00"></head>` +
		`<body><nav><a href="/">Home</a></nav><video src="/v.mp4"></video></body></html>`
	if _, err := FromReader(strings.NewReader(video), ""); !errors.Is(err, ErrNoArticle) {
		t.Fatalf("FromReader: err = %v, want ErrNoArticle", err)
	}
	md, err := Options{}.MetadataFromBytes([]byte(video), "https://valley.example/v/1")
	if err != nil {
		t.Fatal(err)
	}
	if md.Title != "Flood footage" || md.Publisher != "Valley TV" || md.Published == nil || md.Published.Format(time.RFC3339) != "2024-03-02T09:30:00+01:00" {
		t.Errorf("metadata = title %q, publisher %q, published %v", md.Title, md.Publisher, md.Published)
	}
	if _, err := (Options{}).MetadataFromBytes([]byte("\x89PNG\r\n\x1a\n\x00\x00"), ""); sayso.ErrorCodeOf(err) != sayso.EINVALID {
		t.Errorf("binary: err = %v, want an invalid-input error", err)
	}
}

func TestFromPageRefusesNonHTML(t *testing.T) {
	for _, ct := range []string{"image/png", "application/pdf", "video/mp4"} {
		p := &sayso.Page{URL: "https://a.example/x", Header: map[string][]string{"Content-Type": {ct}}, Body: []byte(article("", "Some text, long enough to be a paragraph of an article body here."))}
		if _, err := FromPage(p); sayso.ErrorCodeOf(err) != sayso.EINVALID {
			t.Errorf("%s: err = %v, want an invalid-input error", ct, err)
		}
	}
	if _, err := FromPage(nil); sayso.ErrorCodeOf(err) != sayso.EINVALID {
		t.Errorf("nil page: err = %v", err)
	}
}

func TestNoArticle(t *testing.T) {
	pages := map[string]string{
		"navigation only": `<html><body><nav><ul><li><a href="/a">News</a></li><li><a href="/b">Sport</a></li><li><a href="/c">Weather</a></li></ul></nav></body></html>`,
		"empty body":      `<!DOCTYPE html><html><head><title>Nothing here</title></head><body></body></html>`,
		"one word":        `<html><body><p>Hello</p></body></html>`,
		"login form":      `<html><body><form><label>Email</label><input name=e><button>Sign in</button></form><a href="/forgot">Forgot password?</a></body></html>`,
		"cookie banner":   `<html><body><div class="consent"><p>This website uses cookies to ensure you get the best experience on our website. By continuing to browse you accept our cookie policy.</p><a>OK</a></div></body></html>`,
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			a, err := FromReader(strings.NewReader(page), "")
			if !errors.Is(err, ErrNoArticle) {
				t.Fatalf("err = %v (article %+v), want ErrNoArticle", err, a)
			}
			if sayso.ErrorCodeOf(err) != sayso.ENOARTICLE {
				t.Errorf("code = %q", sayso.ErrorCodeOf(err))
			}
		})
	}
}

func TestCredits(t *testing.T) {
	cases := []struct {
		line   string
		kind   sayso.CreditKind
		outlet string
	}{
		{"Source: AntiWar.com.", sayso.CreditSource, "AntiWar.com"},
		{"SOURCE: Al Jazeera News", sayso.CreditSource, "Al Jazeera News"},
		{"Originally published by The Guardian.", sayso.CreditOriginallyPublished, "The Guardian"},
		{"Originally published at Common Dreams", sayso.CreditOriginallyPublished, "Common Dreams"},
		{"This article first appeared on Truthout.", sayso.CreditOriginallyPublished, "Truthout"},
		{"This article originally appeared in The Atlantic.", sayso.CreditOriginallyPublished, "The Atlantic"},
		{"This article is republished from The Conversation under a Creative Commons license.", sayso.CreditRepublished, "The Conversation"},
		{"Republished from Grist with permission.", sayso.CreditRepublished, "Grist"},
		{"Courtesy of NASA", sayso.CreditCourtesy, "NASA"},
		{"— AP", sayso.CreditWireSignoff, "AP"},
		{"(Reuters)", sayso.CreditWireSignoff, "Reuters"},
		{"Источник: ТАСС", sayso.CreditSource, "ТАСС"},
		{"This post was originally published on Grist.", sayso.CreditOriginallyPublished, "Grist"},
		{"A version of this article first appeared in The Atlantic.", sayso.CreditOriginallyPublished, "The Atlantic"},
		{"This story is republished here with permission from ProPublica.", sayso.CreditRepublished, "ProPublica"},
		{"Cross-posted from Naked Capitalism", sayso.CreditRepublished, "Naked Capitalism"},
		{"Publicado originalmente en El País.", sayso.CreditOriginallyPublished, "El País"},
		{"Ursprünglich erschienen bei Zeit Online.", sayso.CreditOriginallyPublished, "Zeit Online"},
		{"Bron: NOS", sayso.CreditSource, "NOS"},
		{"Reporting by Rodrigo Campos; Editing by Nick Zieminski", sayso.CreditCourtesy, ""},
		{"(Additional reporting by Megan Davies)", sayso.CreditCourtesy, ""},
		{"Associated Press writers Alan Fram and Zeke Miller contributed to this report.", sayso.CreditCourtesy, "Associated Press"},
		{"المصدر: وكالة الأنباء الوطنية", sayso.CreditSource, "وكالة الأنباء الوطنية"},
	}
	for _, tc := range cases {
		c, ok := creditLine(tc.line)
		if !ok || c.Kind != tc.kind || c.Outlet != tc.outlet {
			t.Errorf("creditLine(%q) = %+v, %v; want %s naming %q", tc.line, c, ok, tc.kind, tc.outlet)
		}
	}
	for _, line := range []string{
		"First published on March 3, 2021 / 6:40 PM",
		"Sources say the minister will resign before the summit, which opens on Monday in the capital and will last three days.",
		"Viable options remain, the minister said.",
		"Via",
		"This article appeared to show that the minister had misled parliament about the budget for schools.",
		"Republished accounts of the meeting differ on what the minister said about the budget.",
	} {
		if c, ok := creditLine(line); ok {
			t.Errorf("creditLine(%q) = %+v, want no credit", line, c)
		}
	}
	dl := []struct{ text, outlet, rest string }{
		{"WASHINGTON (Reuters) - The Senate voted on Tuesday.", "Reuters", "WASHINGTON - The Senate voted on Tuesday."},
		{"SANTA FE, N.M. (AP) — A judge ruled on Monday.", "AP", "SANTA FE, N.M. — A judge ruled on Monday."},
		{"(AFP) - Markets fell.", "AFP", "Markets fell."},
	}
	for _, tc := range dl {
		c, rest, ok := wireDateline(tc.text)
		if !ok || c.Outlet != tc.outlet || rest != tc.rest {
			t.Errorf("wireDateline(%q) = %+v, %q, %v", tc.text, c, rest, ok)
		}
	}
	if _, _, ok := wireDateline("The minister (AP reported) said no."); ok {
		t.Error("dateline found inside a sentence")
	}
	if c, rest, ok := stripSignoff("The talks will resume next week. — AP"); !ok || c.Outlet != "AP" || rest != "The talks will resume next week." {
		t.Errorf("stripSignoff = %+v, %q, %v", c, rest, ok)
	}
}

// TestGolden extracts the pages under testdata/golden and the repository's
// sample page and compares their Markdown rendering with the .want.md files.
// Run with -update to rewrite them after a deliberate change.
func TestGolden(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.html"))
	pages = append(pages, filepath.Join("..", "testdata", "sample", "seed-page.html"))
	for _, name := range pages {
		t.Run(filepath.Base(name), func(t *testing.T) {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			a, err := FromReader(bytes.NewReader(raw), "https://news.example/story")
			if err != nil {
				t.Fatal(err)
			}
			got := Markdown(a)
			want := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(name), ".html")+".want.md")
			if *update {
				if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			w, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(w) {
				t.Errorf("Markdown of %s changed:\n--- got\n%s\n--- want\n%s", name, got, w)
			}
		})
	}
}

func TestFallbackTitle(t *testing.T) {
	body := "<p>The committee met on Tuesday and agreed, after a long debate, to publish its findings in full next spring.</p>"
	cases := []struct{ page, want, evidence string }{
		// No <title>, no metadata: the first <h1> is the title.
		{"<html><body><h1>Only a heading</h1>" + body + "</body></html>", "Only a heading", "h1"},
	}
	for _, tc := range cases {
		a, err := FromReader(strings.NewReader(tc.page), "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != tc.want || a.Evidence["title"] != tc.evidence {
			t.Errorf("title %q (%s), want %q (%s)", a.Title, a.Evidence["title"], tc.want, tc.evidence)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	for in, want := range map[string]string{
		"Bridge reopens after repairs | Valley Times":  "Bridge reopens after repairs",
		"Valley Times – Bridge reopens after repairs":  "Bridge reopens after repairs",
		"Bridge reopens after repairs":                 "Bridge reopens after repairs",
		"  Bridge   reopens after repairs - VT  ":      "Bridge reopens after repairs",
		"Ministers meet: talks resume | News | Portal": "Ministers meet: talks resume",
	} {
		if got := stripSiteName(in); got != want {
			t.Errorf("stripSiteName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLanguage(t *testing.T) {
	ka := "საქართველოს პარლამენტმა ახალი კანონი მიიღო, რომელიც ქალაქებში საზოგადოებრივ ტრანსპორტს გააუმჯობესებს და ფასებს შეამცირებს."
	de := "Der Stadtrat hat am Dienstag beschlossen, die Buslinien im Norden der Stadt ab dem kommenden Jahr häufiger fahren zu lassen."
	cases := []struct {
		name, lang, text, want string
	}{
		{"declared and matching", "en", "The council decided on Tuesday to run the northern bus lines more often from next year, the mayor said.", "en"},
		{"undeclared", "", de, "de"},
		{"declared en over Georgian", "en", ka, "ka"},
		{"declared regional tag kept", "de-AT", de, "de-AT"},
		{"declared sr over Latin kept", "sr", "Gradsko veće je u utorak odlučilo da autobusi na severu grada od sledeće godine voze češće nego do sada.", "sr"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			attr := ""
			if tc.lang != "" {
				attr = ` lang="` + tc.lang + `"`
			}
			page := "<html" + attr + "><body><article><p>" + tc.text + "</p><p>" + tc.text + "</p></article></body></html>"
			a, err := FromReader(strings.NewReader(page), "")
			if err != nil {
				t.Fatal(err)
			}
			if a.Language != tc.want {
				t.Errorf("language %q (evidence %q), want %q", a.Language, a.Evidence["language"], tc.want)
			}
		})
	}
}

func TestClassHints(t *testing.T) {
	cases := []struct {
		class, id string
		neg, pos  int8
	}{
		{"article-body", "", 0, hintStrongPos},
		{"entry-content clearfix", "", 0, hintStrongPos},
		{"share-bar", "", hintStrongNeg, 0},
		{"socialIcons", "", hintStrongNeg, 0},
		{"RelatedArticles", "", hintNeg, 0},
		{"has-comments modal-enabled", "", 0, 0},
		{"article-comments", "", hintStrongNeg, hintPos},
		{"", "comments", hintStrongNeg, 0},
		{"header", "masthead", hintNeg, 0},
		{"shadow loading thread", "", 0, 0},
		{"grid overflow-hidden transition", "", 0, 0},
		{"about-author-box", "", hintWeakNeg, 0},
		{"affiliate-disclaimer", "", hintNeg, 0},
	}
	var h hinter
	for _, tc := range cases {
		if neg, pos := h.hint(tc.class, tc.id); neg != tc.neg || pos != tc.pos {
			t.Errorf("hint(%q, %q) = %d/%d, want %d/%d", tc.class, tc.id, neg, pos, tc.neg, tc.pos)
		}
	}
}

func TestBodyScript(t *testing.T) {
	cases := map[string]*unicode.RangeTable{
		"The council met on Tuesday.":          unicode.Latin,
		"Совет собрался во вторник.":           unicode.Cyrillic,
		"東京都は予算案を発表した。":                        unicode.Hiragana,
		"市政府宣布将开通新的地铁线路。":                      unicode.Han,
		"서울시는 발표했다.":                           unicode.Hangul,
		"საქართველოს პარლამენტმა":              unicode.Georgian,
		"افتتح محافظ المدينة الجسر":            unicode.Arabic,
		"Ο δήμαρχος ανακοίνωσε":                unicode.Greek,
		"Les élèves ont étudié l'été dernier.": unicode.Latin,
		"1234 5678 — !!":                       nil,
	}
	for text, want := range cases {
		if got := bodyScript(text); got != want {
			t.Errorf("bodyScript(%q) = %v, want %v", text, got, want)
		}
	}
}
