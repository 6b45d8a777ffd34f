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

	md.Publisher, md.Evidence["publisher"] = r.firstText("publisher", cleanPublisher)
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
		if !r.opt.Now.IsZero() && c.date.Time.After(r.opt.Now.Add(slack)) {
			return false
		}
		if c.rank >= rankTextLabel && !latest.IsZero() && c.date.Time.After(latest.Add(slack)) {
			return false
		}
		return true
	}
	for _, field := range []string{"published", "modified"} {
		for _, c := range r.best(field) {
			if !ok(c) {
				continue
			}
			t := c.date.Time
			if field == "published" {
				md.Published = &t
			} else {
				md.Modified = &t
			}
			md.Evidence[field] = c.Evidence
			break
		}
	}
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
	if len(s) > 100 {
		return ""
	}
	return s
}

// titleSeparators split a page title from the site name around it:
// "Headline | Site", "Site - Headline", "Headline :: Site".
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " / "}

// cleanTitle cuts the site name off a title when one side of a separator
// is the publisher's name or the host.
func cleanTitle(s, publisher, host string) string {
	s = strings.Join(strings.Fields(s), " ")
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
