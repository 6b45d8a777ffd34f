package metadata

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a parsed date with how much of it the source gave.
//
// A value without a time of day is kept at midnight UTC; a value with a time
// but no zone is kept as written, in UTC ("floating"). Only a value with an
// explicit offset carries its zone, so the calendar day of Time, read in its
// own location, is always the day as written on the page.
type Date struct {
	Time    time.Time
	HasTime bool
	HasZone bool
}

// maxDateLen bounds the length of a structured date value worth parsing:
// the longest real forms ("Wednesday, 15 September 2020 10:20:30 +0300")
// are under 60 characters.
const maxDateLen = 80

// minYear and maxYear bound plausible publication years: the web news era
// begins in the mid-1990s, and anything past 2100 is a typo or a placeholder.
const (
	minYear = 1995
	maxYear = 2100
)

var isoDateRE = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})` +
	`(?:(?:T|\s+|T\s*|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?` +
	`\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|UTC|GMT|[A-Za-z]{3,5})?)?(?:\s|$|[^\d])`)

var compactDateRE = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?)?$`)

// rfcLayouts are the formats of dates in HTTP headers, RSS and some meta
// tags, tried in order.
var rfcLayouts = []string{
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon Jan 2 15:04:05 -0700 2006",
	"Mon Jan 02 2006 15:04:05 GMT-0700", // JavaScript's Date.toString, "(zone name)" cut off
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
}

// ParseDate reads a date from a structured value (a meta tag's content, a
// JSON-LD property, a datetime attribute): ISO 8601 and its common
// deformations, compact yyyymmdd, RFC 1123 and friends, Unix timestamps in
// seconds or milliseconds, and as a last resort the first date written in
// words or numbers ("15 March 2020", "15.03.2020"). It reports false when s
// holds no plausible date (years outside 1995–2100, impossible days).
func ParseDate(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, false
	}
	// A long value may still start with a date ("2020-03-15T10:00:00+03:00 (updated …)").
	s = normalizeDigits(truncateUTF8(s, maxDateLen))
	if d, ok := parseISO(s); ok {
		return d, true
	}
	if d, ok := parseCompact(s); ok {
		return d, true
	}
	if d, ok := parseUnix(s); ok {
		return d, true
	}
	// JavaScript's Date.toString ends with "(zone name)": try without it,
	// then as written.
	tries := []string{s}
	if i := strings.Index(s, " ("); i > 0 {
		tries = []string{s[:i], s}
	}
	for _, v := range tries {
		for _, layout := range rfcLayouts {
			if t, err := time.Parse(layout, v); err == nil {
				return plausible(Date{Time: t, HasTime: true, HasZone: true})
			}
		}
	}
	if _, found := findTextDates(s, 1, false); len(found) > 0 {
		return found[0].date, true
	}
	return Date{}, false
}

func parseISO(s string) (Date, bool) { return dateFromMatch(isoDateRE.FindStringSubmatch(s + " ")) }

func parseCompact(s string) (Date, bool) { return dateFromMatch(compactDateRE.FindStringSubmatch(s)) }

// dateFromMatch builds a Date from a match of isoDateRE or compactDateRE,
// whose groups are the year, month and day, then the optional hour,
// minute, second and zone; nil (no match) gives false.
func dateFromMatch(m []string) (Date, bool) {
	if m == nil {
		return Date{}, false
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
	if m[4] == "" {
		return makeDate(y, mo, d, 0, 0, 0, nil)
	}
	// An absent second is "", which reads as 0.
	return makeDate(y, mo, d, atoi(m[4]), atoi(m[5]), atoi(m[6]), parseZone(m[7]))
}

// parseUnix reads a Unix timestamp in seconds (10 digits) or milliseconds
// (13 digits); the result is in UTC, which is what the number means.
func parseUnix(s string) (Date, bool) {
	if len(s) != 10 && len(s) != 13 {
		return Date{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return Date{}, false
	}
	if len(s) == 13 {
		n /= 1000
	}
	return plausible(Date{Time: time.Unix(n, 0).UTC(), HasTime: true, HasZone: true})
}

// zone is a parsed UTC offset. parseZone returns nil for none and for an
// abbreviation such as "EST" that cannot be resolved without guessing a
// location; the time is then kept floating.
type zone struct {
	loc *time.Location
}

func parseZone(z string) *zone {
	switch {
	case z == "":
		return nil
	case z == "Z" || strings.EqualFold(z, "UTC") || strings.EqualFold(z, "GMT"):
		return &zone{time.UTC}
	case z[0] == '+' || z[0] == '-':
		digits := strings.ReplaceAll(z[1:], ":", "")
		if len(digits) == 2 {
			digits += "00"
		}
		if len(digits) != 4 {
			return nil
		}
		h, err1 := strconv.Atoi(digits[:2])
		m, err2 := strconv.Atoi(digits[2:])
		if err1 != nil || err2 != nil || h > 14 || m > 59 {
			return nil
		}
		off := h*3600 + m*60
		if z[0] == '-' {
			off = -off
		}
		if off == 0 {
			return &zone{time.UTC}
		}
		return &zone{time.FixedZone(z, off)}
	}
	return nil
}

// makeDate builds a Date after checking every part is in range; z nil
// keeps the time floating (or date-only at midnight UTC when h, mi and sec
// were not given — callers pass zeros then).
func makeDate(y, mo, d, h, mi, sec int, z *zone) (Date, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 {
		return Date{}, false
	}
	loc := time.UTC
	if z != nil {
		loc = z.loc
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc)
	if t.Day() != d { // 31 February and friends roll over: reject them.
		return Date{}, false
	}
	hasTime := h != 0 || mi != 0 || sec != 0 || z != nil
	return plausible(Date{Time: t, HasTime: hasTime, HasZone: z != nil})
}

func plausible(d Date) (Date, bool) {
	y := d.Time.Year()
	if y < minYear || y > maxYear {
		return Date{}, false
	}
	return d, true
}

// Day returns the calendar day of d as written: the date in d's own zone.
func (d Date) Day() string { return d.Time.Format("2006-01-02") }
