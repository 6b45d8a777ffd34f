package metadata

import (
	"net/url"
	"strings"
	"time"
)

// choose picks each field's value from the candidates, by the priority in
// priority.go, and records the evidence of each choice.
func (r *reader) choose(md *Metadata) {
	r.chooseDates(md)

	// A wire service or a blogging platform named as publisher is not the
	// site: prefer any other candidate, fall back to it only when alone.
	md.Publisher, md.Evidence["publisher"] = r.firstText("publisher", func(s string) string {
		s = cleanPublisher(s)
		if wireNames[strings.ToLower(s)] || platformNames[strings.ToLower(s)] {
			return ""
		}
		return s
	})
	if md.Publisher == "" {
		md.Publisher, md.Evidence["publisher"] = r.firstText("publisher", cleanPublisher)
	}
	md.Title, md.Evidence["title"] = r.firstText("title", func(s string) string {
		return cleanTitle(s, md.Publisher, hostName(r.pageURL))
	})
	md.Description, md.Evidence["description"] = r.firstText("description", nil)
	md.Section, md.Evidence["section"] = r.firstText("section", nil)
	md.Language, md.Evidence["language"] = r.firstText("language", NormalizeLanguage)
	md.CanonicalURL, md.Evidence["canonical_url"] = r.firstText("canonical", r.resolve)
	md.Image, md.Evidence["image"] = r.firstText("image", r.resolve)

	// Authors: the strongest source that names at least one person.
	host := hostName(r.pageURL)
	byRank := r.best("author")
	for i := 0; i < len(byRank); {
		j := i
		var raw []string
		for j < len(byRank) && byRank[j].rank == byRank[i].rank && byRank[j].Evidence == byRank[i].Evidence {
			raw = append(raw, byRank[j].Value)
			j++
		}
		if names := cleanAuthors(raw, md.Publisher, host); len(names) > 0 {
			md.Authors = names
			md.Evidence["authors"] = byRank[i].Evidence
			break
		}
		i = j
	}

	// Tags: every tag of the strongest source.
	tags := r.best("tags")
	if len(tags) > 0 {
		seen := map[string]bool{}
		for _, t := range tags {
			if t.Evidence != tags[0].Evidence {
				break
			}
			k := strings.ToLower(t.Value)
			// Articles carry a dozen tags; keyword-stuffed pages hundreds.
			if seen[k] || len(md.Tags) >= 50 {
				continue
			}
			seen[k] = true
			md.Tags = append(md.Tags, t.Value)
		}
		md.Evidence["tags"] = tags[0].Evidence
	}
	for k, v := range md.Evidence {
		if v == "" {
			delete(md.Evidence, k)
		}
	}
}

// firstText returns the strongest candidate of a field that survives clean
// (nil keeps values as they are; clean returns "" to reject), and its
// evidence.
func (r *reader) firstText(field string, clean func(string) string) (string, string) {
	for _, c := range r.best(field) {
		v := c.Value
		if clean != nil {
			v = clean(v)
		}
		if v = strings.TrimSpace(v); v != "" {
			return v, c.Evidence
		}
	}
	return "", ""
}

// resolve makes a URL absolute against the page's address and rejects
// anything but http and https.
func (r *reader) resolve(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	if r.pageURL != nil {
		u = r.pageURL.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

// chooseDates picks the published and modified dates. A candidate is
// implausible when it lies more than a day after Options.Now or, for
// evidence from the visible page or the URL, more than a day after every
// structured date the page gives (a date line in the future of the page's
// own metadata is an event's date, not the article's).
func (r *reader) chooseDates(md *Metadata) {
	var latest time.Time
	for _, c := range r.cands {
		if isDateField(c.Field) && c.rank < rankTextLabel && c.date.Time.After(latest) {
			latest = c.date.Time
		}
	}
	const slack = 24 * time.Hour
	ok := func(c cand) bool {
		if r.opt.Now.Year() >= minYear && c.date.Time.After(r.opt.Now.Add(slack)) {
			return false
		}
		if c.rank >= rankTextLabel && !latest.IsZero() && c.date.Time.After(latest.Add(slack)) {
			return false
		}
		return true
	}
	for _, field := range []string{"published", "modified"} {
		cands := r.best(field)
		if field == "published" {
			cands = r.shownFirst(cands, ok)
			if len(cands) == 0 {
				// A page that gives only the day it was updated is dated
				// by it: that is the day its readers see.
				cands = r.best("modified")
			}
		}
		for _, c := range cands {
			if !ok(c) {
				continue
			}
			t, ev := c.date.Time, c.Evidence
			if zt, zev, ok := r.pageZone(c); ok {
				t, ev = zt, ev+" (in the page's zone, from "+zev+")"
			} else if d, shown, adjusted := r.localDay(c, cands); adjusted {
				t, ev = d, ev+" (day as shown: "+shown+")"
			}
			if field == "published" {
				md.Published = &t
			} else {
				md.Modified = &t
			}
			md.Evidence[field] = ev
			break
		}
	}
}

// pageZone moves a UTC timestamp into the page's own zone when another
// timestamp on the page carries a non-zero offset: a CMS that writes
// datePublished in UTC and og:updated_time as 22:15-05:00 tells where its
// readers are, and the day they see. It returns the instant in that zone
// and the evidence whose offset was used.
func (r *reader) pageZone(c cand) (time.Time, string, bool) {
	d := c.date
	if _, off := d.Time.Zone(); !d.HasTime || !d.HasZone || off != 0 || c.rank >= rankTextLabel {
		return time.Time{}, "", false
	}
	for _, o := range r.cands {
		if !isDateField(o.Field) || !o.date.HasZone || o.rank >= rankTextLabel {
			continue
		}
		if _, off := o.date.Time.Zone(); off != 0 {
			return d.Time.In(o.date.Time.Location()), o.Evidence, true
		}
	}
	return time.Time{}, "", false
}

// localDay corrects the day of a machine-written timestamp in UTC (or
// without a zone) by the day the page shows its readers. A CMS that stores
// "2021-03-09T03:40:00Z" for an article a reader in Chicago sees dated 8
// March writes the 8th in the URL, in a <time>'s text or in the date line: when no such shown date agrees with the timestamp's own day and one
// shows the neighbouring day that some UTC offset (−12 h to +14 h) reaches
// from the timestamp, that day is the article's. The result is that day,
// date-only at midnight UTC (the page gave no offset to keep), and the
// evidence that showed it.
func (r *reader) localDay(c cand, cands []cand) (time.Time, string, bool) {
	d := c.date
	if _, off := d.Time.Zone(); !d.HasTime || (d.HasZone && off != 0) || c.rank >= rankTextLabel {
		return time.Time{}, "", false
	}
	day := d.Time.Format("2006-01-02")
	prev := d.Time.AddDate(0, 0, -1).Format("2006-01-02")
	next := d.Time.AddDate(0, 0, 1).Format("2006-01-02")
	h := d.Time.Hour()
	var shown *cand
	for i := range cands {
		o := &cands[i]
		// Shown dates: written for readers, not converted by a machine —
		// the URL, a placed date line, a <time>'s own text. A date line
		// away from the headline may confirm the timestamp's day but not
		// move it: a live blog's entries and a list's dates are other
		// days.
		if !isShown(o.Evidence) || o.rank == rankTextOther {
			continue
		}
		listed := o.Evidence == "text:date-element"
		switch o.date.Time.Format("2006-01-02") {
		case day:
			return time.Time{}, "", false
		case prev:
			if h < 12 && shown == nil && !listed {
				shown = o
			}
		case next:
			if h >= 10 && shown == nil && !listed {
				shown = o
			}
		}
	}
	if shown == nil {
		return time.Time{}, "", false
	}
	t := shown.date.Time
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), shown.Evidence, true
}

// cleanPublisher rejects publisher values that are not names: URLs and
// Twitter handles lose their decoration, empty results are rejected.
func cleanPublisher(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "@")
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		if u, err := url.Parse(s); err == nil {
			return strings.TrimPrefix(u.Hostname(), "www.")
		}
		return ""
	}
	// A site's name is a few words; a long value is a slogan or a description.
	if len(s) > 100 {
		return ""
	}
	// "Valley Courier | News since 1901": the name comes before the slogan.
	if i := strings.Index(s, " | "); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// platformNames are blogging and publishing platforms that templates name
// as the publisher of every site they host.
var platformNames = map[string]bool{
	"blogger": true, "blogspot": true, "wordpress": true, "wordpress.com": true, "medium": true,
	"tumblr": true, "substack": true, "wix": true, "squarespace": true, "ghost": true,
}

// titleSeparators split a page title from the site name around it:
// "Headline | Site", "Site - Headline", "Headline :: Site".
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " / "}

// cleanTitle cuts the site name off a title when one side of a separator
// is the publisher's name or the host.
func cleanTitle(s, publisher, host string) string {
	s = strings.Join(strings.Fields(s), " ")
	// A headline is a line; a thousand bytes is a paragraph stuffed into a
	// title tag.
	if len(s) > 1000 {
		return ""
	}
	site := func(part string) bool {
		p := strings.ToLower(strings.TrimSpace(part))
		if p == "" {
			return false
		}
		if publisher != "" && (p == strings.ToLower(publisher) || strings.Contains(strings.ToLower(publisher), p) && len(p) >= 3) {
			return true
		}
		sq := strings.ReplaceAll(p, " ", "")
		return host != "" && (strings.HasPrefix(host, sq+".") || sq == host || strings.Contains(host, sq) && len(sq) >= 4)
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(s, sep); i > 0 && site(s[i+len(sep):]) {
			return strings.TrimSpace(s[:i])
		}
		if i := strings.Index(s, sep); i > 0 && site(s[:i]) {
			return strings.TrimSpace(s[i+len(sep):])
		}
	}
	return s
}

// isShown reports whether evidence is a date shown to readers as written
// (the URL, a visible line, a <time>'s text) rather than a machine value.
func isShown(evidence string) bool {
	return evidence == "time" || strings.HasPrefix(evidence, "url") || strings.HasPrefix(evidence, "text")
}

// shownFirst weighs the date the page shows its readers against its
// metadata. When the strongest structured publication date (JSON-LD, meta
// tags) is a day the page shows nowhere — not in any visible line, <time>
// or the URL, the day before or after included for time zones — while the
// page shows a publication date by its headline (a date line or a <time>
// there, or a line labelled "Published"), the shown date is the article's:
// the metadata then names a first draft, a template's default or a page
// the text was moved from. A shown date that is the metadata's
// modification day is an "updated" date and does not count; nor do lines
// labelled "Updated", which readers take as the article's date about as
// often as not; and several days shown by the headline decide nothing. It
// returns cands with the chosen shown date moved to the
// front, or cands as they were.
func (r *reader) shownFirst(cands []cand, ok func(cand) bool) []cand {
	var meta *cand
	for i := range cands {
		if ok(cands[i]) {
			if cands[i].rank < rankTextLabel && !isShown(cands[i].Evidence) && cands[i].line < 0 {
				meta = &cands[i]
			}
			break
		}
	}
	if meta == nil {
		return cands
	}
	var modified []time.Time
	latestModified := time.Time{}
	for _, o := range r.cands {
		if o.Field == "modified" && o.rank < rankTextLabel && o.line < 0 {
			modified = append(modified, o.date.Time)
			if o.date.Time.After(latestModified) {
				latestModified = o.date.Time
			}
		}
	}
	// A publication date after the page's own last modification is a
	// malformed one (day and month swapped, a server's clock): it agrees
	// with nothing.
	broken := !latestModified.IsZero() && meta.date.Time.After(latestModified.Add(24*time.Hour))
	var shown *cand
	days := map[string]bool{}
	for i := range r.cands {
		o := &r.cands[i]
		if !isDateField(o.Field) || !ok(*o) {
			continue
		}
		visible := o.line >= 0 || strings.HasPrefix(o.Evidence, "url")
		if visible && !broken && shownAs(*o, meta.date) {
			return cands
		}
		if o.Field != "published" || o.line < 0 || o.rank > rankTextNear {
			continue
		}
		if o.Evidence == "text:date-element" || !r.nearHeadline(o.line) && o.Evidence != "text:published-label" {
			continue
		}
		// A <time> holding the metadata's modification day is an update
		// stamp; a date line by the headline is what readers see.
		updated := false
		for _, m := range modified {
			updated = updated || sameDay(o.date.Time, m)
		}
		if updated && !strings.HasPrefix(o.Evidence, "text") {
			continue
		}
		days[o.date.Day()] = true
		if shown == nil || o.rank < shown.rank {
			shown = o
		}
	}
	// Several days shown by the headline are a list's (related stories,
	// an archive), not the article's.
	if shown == nil || len(days) > 1 {
		return cands
	}
	s := *shown
	s.Evidence += " (shown by the headline; the metadata's " + meta.Evidence + " is not on the page)"
	return append([]cand{s}, cands...)
}

// sameDay reports whether a and b fall on the same calendar day as written.
func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// shownAs reports whether the shown date o shows the structured date d:
// the same day as written, or a neighbouring day that some zone (UTC−12
// to UTC+14) puts the instant on (either neighbour, for a date without a
// time). A numeric
// date whose day and month could be read either way ("10/09/2024") counts
// both ways.
func shownAs(o cand, d Date) bool {
	reach := func(a time.Time) bool {
		if sameDay(a, d.Time) {
			return true
		}
		if !d.HasTime {
			return sameDayish(a, d.Time)
		}
		t := d.Time.UTC()
		return sameDay(a, t.Add(-12*time.Hour)) || sameDay(a, t.Add(14*time.Hour))
	}
	a := o.date.Time
	if reach(a) {
		return true
	}
	if o.ambiguous && a.Day() <= 12 {
		return reach(time.Date(a.Year(), time.Month(a.Day()), int(a.Month()), 0, 0, 0, 0, time.UTC))
	}
	return false
}

// sameDayish reports whether a and b fall on the same calendar day or on
// neighbouring ones.
func sameDayish(a, b time.Time) bool {
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	diff := da.Sub(db)
	return diff >= -24*time.Hour && diff <= 24*time.Hour
}
