package metadata

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string // want "" when no date
	}{
		{"2020-03-15T10:20:30Z", "2020-03-15T10:20:30Z"},
		{"2020-03-15T10:20:30.123+0300", "2020-03-15T10:20:30+03:00"},
		{"2020-03-15 10:20:30 -05:00", "2020-03-15T10:20:30-05:00"},
		{"2020-03-15T10:20", "2020-03-15T10:20:00"},
		{"2020-03-15", "2020-03-15"},
		{"2020/3/5", "2020-03-05"},
		{"20200315", "2020-03-15"},
		{"1584267630", "2020-03-15T10:20:30Z"},
		{"1584267630000", "2020-03-15T10:20:30Z"},
		{"Sun, 15 Mar 2020 10:20:30 GMT", "2020-03-15T10:20:30Z"},
		{"Sun, 15 Mar 2020 10:20:30 +0100", "2020-03-15T10:20:30+01:00"},
		{"Wed Jun 09 2021 04:12:51 GMT+0000 (Coordinated Universal Time)", "2021-06-09T04:12:51Z"},
		{"March 15, 2020", "2020-03-15"},
		{"15 de março de 2020", "2020-03-15"},
		{"15. März 2020", "2020-03-15"},
		{"15.03.2020", "2020-03-15"},
		{"2020年3月15日", "2020-03-15"},
		{"2020. március 15.", "2020-03-15"},
		{"15 марта 2020", "2020-03-15"},
		{"15 березня 2020", "2020-03-15"},
		{"15 Mart 2020", "2020-03-15"},
		{"17 באוגוסט 2020", "2020-08-17"},
		{"٠٧ أكتوبر ٢٠٢٠", "2020-10-07"},
		{"15 มี.ค. 2563", "2020-03-15"},
		{"15 มีนาคม 2563", "2020-03-15"},
		{"15 Maret 2020", "2020-03-15"},
		{"15 d'abril de 2020", "2020-04-15"},
		{"15-Mar-2020", "2020-03-15"},
		{"15/mar/2020", "2020-03-15"},
		{"Monday 15th March 2020", "2020-03-15"},
		{"15 Μαρτίου 2020", "2020-03-15"},
		{"2020-02-30", ""},
		{"1970-01-01", ""},
		{"2150-01-01", ""},
		{"yesterday", ""},
		{"", ""},
		{"12345", ""},
	}
	for _, tc := range tests {
		d, ok := ParseDate(tc.in)
		got := ""
		if ok {
			got = formatDate(d)
		}
		if got != tc.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFindTextDatesMonthFirst(t *testing.T) {
	for _, tc := range []struct {
		in         string
		monthFirst bool
		want       string
	}{
		{"03/04/2020", false, "2020-04-03"},
		{"03/04/2020", true, "2020-03-04"},
		{"13/04/2020", true, "2020-04-13"},
		{"04/13/2020", false, "2020-04-13"},
		{"1.2-2020", false, ""},
	} {
		_, found := findTextDates(tc.in, 1, tc.monthFirst)
		got := ""
		if len(found) > 0 {
			got = formatDate(found[0].date)
		}
		if got != tc.want {
			t.Errorf("findTextDates(%q, monthFirst=%v) = %q, want %q", tc.in, tc.monthFirst, got, tc.want)
		}
	}
}

func TestCleanAuthors(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{[]string{"By Jane Doe and John Roe"}, []string{"Jane Doe", "John Roe"}},
		{[]string{"Jane Doe, John Roe and Ana Lima"}, []string{"Jane Doe", "John Roe", "Ana Lima"}},
		{[]string{"By AP"}, nil},
		{[]string{"Reuters Staff"}, nil},
		{[]string{"Editorial Board"}, nil},
		{[]string{"The Associated Press"}, nil},
		{[]string{"Jane Doe, Senior Correspondent"}, []string{"Jane Doe"}},
		{[]string{"Jane Doe | Updated 3 March 2020 10:20"}, []string{"Jane Doe"}},
		{[]string{"jane.doe@example.com Jane Doe"}, []string{"Jane Doe"}},
		{[]string{"Jane Doe for The Example Post"}, []string{"Jane Doe"}},
		{[]string{"Por María Fernández y Luis Gómez"}, []string{"María Fernández", "Luis Gómez"}},
		{[]string{"Автор: Иван Петров"}, []string{"Иван Петров"}},
		{[]string{"Example Times"}, nil},
		{[]string{"https://www.facebook.com/janedoe"}, nil},
		{[]string{"Jane Doe", "jane doe"}, []string{"Jane Doe"}},
		{[]string{"Noah Webster"}, []string{"Noah Webster"}},
		{[]string{"Ludwig van Beethoven"}, []string{"Ludwig van Beethoven"}},
		{[]string{"This is a sentence that is far too long to be anybody's name at all"}, nil},
		{[]string{"Do UOL", "Em São Paulo"}, nil},
		{[]string{"Europa Press"}, nil},
		{[]string{"Polizei Musterstadt"}, nil},
		{[]string{"Developed By Jane Doe"}, nil},
		{[]string{"株式会社サンプル"}, nil},
		{[]string{"Cancel Unsubscribe"}, nil},
		{[]string{"Autor"}, nil},
		{[]string{"Sarah E. Needleman"}, []string{"Sarah E. Needleman"}},
		{[]string{"Tom Davies Associated Press"}, []string{"Tom Davies"}},
		{[]string{"Jill Disis, CNN Business"}, []string{"Jill Disis"}},
		{[]string{"Example Times Sport"}, nil},
		{[]string{"वाराणसी ब्यूरो"}, nil},
		{[]string{"山田太郎"}, []string{"山田太郎"}},
	}
	for _, tc := range tests {
		got := cleanAuthors(tc.in, "Example Times", "example.com")
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("cleanAuthors(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestNormalizeLanguage(t *testing.T) {
	for in, want := range map[string]string{
		"en_US": "en-US", "EN-gb": "en-GB", "pt-br": "pt-BR", "de": "de", "zh-hant-tw": "zh-Hant-TW",
		"en-US,en;q=0.9": "en-US", "": "", "und": "", "not a language tag": "", "x-default": "",
	} {
		if got := NormalizeLanguage(in); got != want {
			t.Errorf("NormalizeLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	for _, tc := range []struct{ in, pub, host, want string }{
		{"Harbour reopens | Example Times", "Example Times", "example-times.com", "Harbour reopens"},
		{"Example Times - Harbour reopens", "Example Times", "", "Harbour reopens"},
		{"Harbour reopens – exampletimes", "", "exampletimes.com", "Harbour reopens"},
		{"Left - right: a debate", "Example Times", "example.com", "Left - right: a debate"},
	} {
		if got := cleanTitle(tc.in, tc.pub, tc.host); got != tc.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2020-03-15T10:20:30Z", "15 марта 2020", "Sun, 15 Mar 2020 10:20:30 GMT", "20200315", "٠٧ أكتوبر ٢٠٢٠", "1584267630000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if ok && (d.Time.Year() < minYear || d.Time.Year() > maxYear) {
			t.Errorf("ParseDate(%q) = %v, outside the plausible years", s, d.Time)
		}
		_, found := findTextDates(s, 3, false)
		if len(found) > 3 {
			t.Errorf("findTextDates returned %d dates, max 3", len(found))
		}
	})
}

func FuzzJSONLD(f *testing.F) {
	for _, s := range []string{
		`{"@type":"NewsArticle","datePublished":"2020-01-01","author":{"name":"Jane Doe"}}`,
		`{"@graph":[{"@type":["Article","WebPage"],"headline":"x"}]}`,
		"{\"@type\":\"Article\",\"headline\":\"a\nb\",}}",
		`[{"@type":"Person"},{"@type":"WebSite","name":"S"}]`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range parseJSONLD(s) {
			_ = ldNames(o.m["author"], 0)
			_ = ldStrings(o.m["keywords"], true)
			_ = ldString(o.m["headline"])
		}
	})
}

func FuzzRead(f *testing.F) {
	f.Add(`<html lang="en"><head><meta property="og:title" content="T"></head><body><h1>T</h1><p class="byline">By Jane Doe</p><time datetime="2020-01-02">2 Jan</time></body></html>`)
	f.Add(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-01"}</script>`)
	f.Add(`<script>var d = {"publishDate":"2025-05-27", "dateModified" : "2025-06-01T10:00:00Z"};</script><div data-x='{"ublish":"'></div>`)
	f.Add(`<meta name="script:ld+json" content='{"@type":"Article","datePublished":"2020-01-01"}'><h2>Monday, 8 September 2008</h2>`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		md := Read(doc, nil)
		for _, a := range md.Authors {
			if !utf8.ValidString(a) && utf8.ValidString(page) {
				t.Errorf("author %q is not valid UTF-8", a)
			}
		}
	})
}
