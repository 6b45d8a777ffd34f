package metadata

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// textDate is a date found in running text, with its byte range in it and
// whether a time of day is written next to it.
type textDate struct {
	date       Date
	start, end int
	withTime   bool
	// ambiguous is set for a numeric date whose day and month could be
	// read either way (03/04/2020).
	ambiguous bool
}

// maxTextDateScan bounds how much of one text is searched for dates: date
// lines are short, and a long paragraph is body text whose dates are
// mentions, not the page's.
const maxTextDateScan = 4096

var (
	// 2020-03-15, 2020/3/15, 2020.03.15, 2020. 3. 15.
	yearFirstRE = regexp.MustCompile(`(?:^|[^\d])(\d{4})(?:[-/]|\.\s?)(\d{1,2})(?:[-/]|\.\s?)(\d{1,2})(?:[^\d]|$)`)
	// 15.03.2020, 15/03/2020, 15-03-2020
	dayFirstRE = regexp.MustCompile(`(?:^|[^\d.])(\d{1,2})([./-])(\d{1,2})([./-])(\d{4})(?:[^\d]|$)`)
	// 15.03.20 (two-digit year, dots only, two-digit parts: the German,
	// Russian and Scandinavian short form)
	shortYearRE = regexp.MustCompile(`(?:^|[^\d.])(\d{2})\.(\d{2})\.(\d{2})(?:[^\d.]|\.\s|\.$|$)`)
	// 2020年3月15日, 2020년 3월 15일
	cjkRE = regexp.MustCompile(`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})`)
	// 15 March 2020, 15. März 2020, 15 de março de 2020, 15th of March, 2020,
	// 15 d'abril de 2020, 15-Mar-2020, 15/mar/2020, 15 มี.ค. 2563
	dayMonthRE = regexp.MustCompile(`(?:^|[^\d])(\d{1,2})(?:\.|º|°|er|st|nd|rd|th)?(?:\s+|[/-])(?:de\s+|of\s+|d['’]\s*)?([\p{L}\p{M}]+)(?:\.[\p{L}\p{M}]+)?\.?(?:\s*/\s*[\p{L}\p{M}]+)?,?(?:\s+|[/-])(?:de\s+|del\s+|r\.\s+)?(\d{4})(?:[^\d]|$)`)
	// March 15, 2020, Mar. 15 2020
	monthDayRE = regexp.MustCompile(`(?:^|[^\p{L}\p{M}])([\p{L}\p{M}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[^\d]|$)`)
	// 2020. március 15., 2020 m. kovo 15 d.
	yearMonthDayRE = regexp.MustCompile(`(?:^|[^\d])(\d{4})(?:\.|\s+m\.)?\s+([\p{L}\p{M}]+)\.?\s+(\d{1,2})(?:[^\d]|$)`)
)

var (
	// A time of day after a date: "13 Jan 2020, 22:11", "09.08.2020 u 10:52",
	// "2020-03-15 às 10h20".
	timeAfterRE = regexp.MustCompile(`^\s*(?:[,|·•–—-]|\(|\p{L}{1,5}\.?|\(\p{L}{1,3}\.?\))?\s*(?:[,|·•–—-]|\p{L}{1,5})?\s*\d{1,2}[:h]\d{2}(?:[^\d]|$)`)
	// A time of day before a date: "11:25 PM - 10 Jul 2020".
	timeBeforeRE = regexp.MustCompile(`\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*[,|·•–—-]?\s*$`)
)

// normalizeDigits rewrites decimal digits of every script (Arabic-Indic,
// Persian, Devanagari, Bengali, full-width…) as ASCII digits, so that one set
// of date patterns reads them all.
func normalizeDigits(s string) string {
	ascii := true
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsDigit(r) {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r <= unicode.MaxASCII || !unicode.IsDigit(r) {
			return r
		}
		// Unicode encodes each script's digits as a run of ten from zero.
		start := r
		for start > 0 && unicode.IsDigit(start-1) && r-start < 60 {
			start--
		}
		return '0' + (r-start)%10
	}, s)
}

// findTextDates returns up to limit dates written in text, in order of
// appearance, and the text they were found in (text with its digits made
// ASCII: the ranges refer to it). monthFirst resolves numeric dates such as
// 03/04/2020 whose parts could both be months as month/day (the US habit)
// instead of day/month (everyone else's).
func findTextDates(text string, limit int, monthFirst bool) (string, []textDate) {
	if len(text) > maxTextDateScan {
		text = truncateUTF8(text, maxTextDateScan)
	}
	text = normalizeDigits(text)
	// Every pattern but the short dd.mm.yy form needs a four-digit year;
	// most lines have none and return here, before any regular expression.
	// One scan finds what the patterns need, so that most run none: the
	// longest run of digits, whether a four-digit run is followed or
	// preceded by a date separator, and whether any letter is written.
	run, maxRun := 0, 0
	yearSep, sepYear, letters := false, false, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= '0' && c <= '9' {
			run++
			maxRun = max(maxRun, run)
			continue
		}
		if run == 4 {
			yearSep = yearSep || c == '-' || c == '/' || c == '.' || c == ' ' || c >= 0x80
			if start := i - 5; start >= 0 {
				p := text[start]
				sepYear = sepYear || p == '.' || p == '/' || p == '-'
			}
		}
		run = 0
		letters = letters || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80
	}
	if run == 4 && len(text) >= 5 {
		p := text[len(text)-5]
		sepYear = sepYear || p == '.' || p == '/' || p == '-'
	}
	if maxRun < 2 || (maxRun < 4 && !strings.Contains(text, ".")) {
		return text, nil
	}
	var found []textDate
	add := func(d Date, ok bool, start, end int) {
		if ok {
			found = append(found, textDate{date: d, start: start, end: end})
		}
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if maxRun < 4 {
		for _, m := range shortYearRE.FindAllStringSubmatchIndex(text, -1) {
			d, ok := makeDate(2000+atoi(text[m[6]:m[7]]), atoi(text[m[4]:m[5]]), atoi(text[m[2]:m[3]]), 0, 0, 0, nil)
			add(d, ok, m[2], m[7])
		}
		return text, finish(text, found, limit)
	}
	for _, m := range findAll(yearFirstRE, text, yearSep) {
		d, ok := makeDate(atoi(text[m[2]:m[3]]), atoi(text[m[4]:m[5]]), atoi(text[m[6]:m[7]]), 0, 0, 0, nil)
		add(d, ok, m[2], m[7])
	}
	for _, m := range findAll(dayFirstRE, text, sepYear) {
		if text[m[4]:m[5]] != text[m[8]:m[9]] { // mixed separators: a version or a range, not a date
			continue
		}
		a, b, y := atoi(text[m[2]:m[3]]), atoi(text[m[6]:m[7]]), atoi(text[m[10]:m[11]])
		day, month := a, b
		if b > 12 || (monthFirst && a <= 12) {
			day, month = b, a
		}
		n := len(found)
		d, ok := makeDate(y, month, day, 0, 0, 0, nil)
		add(d, ok, m[2], m[11])
		if len(found) > n && a <= 12 && b <= 12 && a != b {
			found[n].ambiguous = true
		}
	}
	for _, m := range shortYearRE.FindAllStringSubmatchIndex(text, -1) {
		d, ok := makeDate(2000+atoi(text[m[6]:m[7]]), atoi(text[m[4]:m[5]]), atoi(text[m[2]:m[3]]), 0, 0, 0, nil)
		add(d, ok, m[2], m[7])
	}
	for _, m := range cjkRE.FindAllStringSubmatchIndex(text, -1) {
		d, ok := makeDate(atoi(text[m[2]:m[3]]), atoi(text[m[4]:m[5]]), atoi(text[m[6]:m[7]]), 0, 0, 0, nil)
		add(d, ok, m[2], m[7])
	}
	for _, m := range findAll(dayMonthRE, text, letters) {
		word := text[m[4]:m[5]]
		mo, ok := lookupMonth(word)
		if !ok {
			// Thai abbreviations carry inner full stops: "มี.ค."
			if i := strings.Index(text[m[4]:], " "); i > 0 {
				mo, ok = lookupMonth(strings.TrimSuffix(text[m[4]:m[4]+i], "."))
			}
		}
		if ok {
			y := atoi(text[m[6]:m[7]])
			if thaiMonth(word) && y > maxYear {
				y -= buddhistEraOffset
			}
			d, ok := makeDate(y, int(mo), atoi(text[m[2]:m[3]]), 0, 0, 0, nil)
			add(d, ok, m[2], m[7])
		}
	}
	for _, m := range findAll(monthDayRE, text, letters) {
		if mo, ok := lookupMonth(text[m[2]:m[3]]); ok {
			d, ok := makeDate(atoi(text[m[6]:m[7]]), int(mo), atoi(text[m[4]:m[5]]), 0, 0, 0, nil)
			add(d, ok, m[2], m[7])
		}
	}
	for _, m := range findAll(yearMonthDayRE, text, letters && yearSep) {
		if mo, ok := lookupMonth(text[m[4]:m[5]]); ok {
			d, ok := makeDate(atoi(text[m[2]:m[3]]), int(mo), atoi(text[m[6]:m[7]]), 0, 0, 0, nil)
			add(d, ok, m[2], m[7])
		}
	}
	return text, finish(text, found, limit)
}

// findAll returns re's matches in text when possible is set: the caller's
// scan has shown the pattern cannot match otherwise.
func findAll(re *regexp.Regexp, text string, possible bool) [][]int {
	if !possible {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

// finish orders the found dates, drops overlaps, keeps limit and marks those
// written with a time of day.
func finish(text string, found []textDate, limit int) []textDate {
	if len(found) == 0 {
		return nil
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].start < found[j].start })
	// Drop matches overlapping an earlier one: two patterns read the same words.
	out := found[:1]
	for _, f := range found[1:] {
		if f.start < out[len(out)-1].end {
			continue
		}
		out = append(out, f)
		if len(out) == limit {
			break
		}
	}
	if len(out) > limit {
		out = out[:limit]
	}
	for i := range out {
		after := text[out[i].end:]
		if len(after) > 40 {
			after = truncateUTF8(after, 40)
		}
		before := text[:out[i].start]
		if len(before) > 30 {
			before = before[len(before)-30:]
		}
		out[i].withTime = timeAfterRE.MatchString(after) || timeBeforeRE.MatchString(before)
	}
	return out
}
