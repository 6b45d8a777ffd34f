package metadata

import (
	"net/url"
	"regexp"
	"strconv"
	"time"
)

var (
	// /2020/03/15/, /2020-03-15-title, _2020_3_15
	urlDateRE = regexp.MustCompile(`(?:^|[/_.-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)`)
	// /20200315/, /2020031512345.html: eight digits that form a date,
	// optionally followed by a short serial number (up to six digits).
	urlCompactRE = regexp.MustCompile(`(?:^|[/_=-])((?:19|20)\d{2})(\d{2})(\d{2})(\d{0,6})(?:[/_.-]|$)`)
)

// urlMonthRE matches a year and month in a path: /2020/07/slug.html.
var urlMonthRE = regexp.MustCompile(`(?:^|/)((?:19|20)\d{2})/(\d{1,2})(?:/|$)`)

// urlMonth returns the year and month a URL's path spells, as in blogs'
// /2020/07/title.html, when it spells no full date.
func urlMonth(u *url.URL) (int, time.Month, bool) {
	if u == nil {
		return 0, 0, false
	}
	path := u.EscapedPath()
	if len(path) > 2048 {
		path = path[:2048]
	}
	m := urlMonthRE.FindStringSubmatch(path)
	if m == nil {
		return 0, 0, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 || y < minYear || y > maxYear {
		return 0, 0, false
	}
	return y, time.Month(mo), true
}

// urlDate returns the publication date a URL's path spells, such as
// /2020/03/15/ or /20200315/, and whether the match was the plain form
// (compact forms followed by a serial number are weaker evidence).
func urlDate(u *url.URL) (Date, string, bool) {
	if u == nil {
		return Date{}, "", false
	}
	path := u.EscapedPath()
	if len(path) > 2048 {
		path = path[:2048]
	}
	if m := urlDateRE.FindStringSubmatch(path); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if dt, ok := makeDate(y, mo, d, 0, 0, 0, nil); ok {
			return dt, "url", true
		}
	}
	if m := urlCompactRE.FindStringSubmatch(path); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if dt, ok := makeDate(y, mo, d, 0, 0, 0, nil); ok {
			ev := "url:compact"
			if m[4] != "" {
				ev = "url:compact-serial"
			}
			return dt, ev, true
		}
	}
	return Date{}, "", false
}
