package metadata

import (
	"net/url"
	"strings"
)

// metaField says which field a <meta> key feeds and how strongly.
type metaField struct {
	field string
	rank  int
}

// metaKeys maps lower-cased <meta> name/property/itemprop/http-equiv keys
// to fields: OpenGraph, Twitter cards, Dublin Core, Parse.ly, Sailthru and
// the common ad-hoc names.
var metaKeys = map[string]metaField{
	// Published.
	"article:published_time":       {"published", rankMetaStrong},
	"article:published":            {"published", rankMetaStrong},
	"og:article:published_time":    {"published", rankMetaStrong},
	"og:published_time":            {"published", rankMetaStrong},
	"datepublished":                {"published", rankMetaStrong},
	"publishdate":                  {"published", rankMetaStrong},
	"publish-date":                 {"published", rankMetaStrong},
	"publish_date":                 {"published", rankMetaStrong},
	"published_time":               {"published", rankMetaStrong},
	"published-date":               {"published", rankMetaStrong},
	"pubdate":                      {"published", rankMetaStrong},
	"article.published":            {"published", rankMetaStrong},
	"article_date_original":        {"published", rankMetaStrong},
	"original-publish-date":        {"published", rankMetaStrong},
	"originalpublicationdate":      {"published", rankMetaStrong},
	"sailthru.date":                {"published", rankMetaStrong},
	"parsely-pub-date":             {"published", rankMetaStrong},
	"dc.date.issued":               {"published", rankMetaStrong},
	"dcterms.issued":               {"published", rankMetaStrong},
	"dc.date.created":              {"published", rankMetaStrong},
	"dcterms.created":              {"published", rankMetaStrong},
	"citation_publication_date":    {"published", rankMetaStrong},
	"citation_date":                {"published", rankMetaStrong},
	"rnews:datepublished":          {"published", rankMetaStrong},
	"cxenseparse:recs:publishtime": {"published", rankMetaStrong},
	"date":                         {"published", rankMetaWeak},
	"dc.date":                      {"published", rankMetaWeak},
	"dcterms.date":                 {"published", rankMetaWeak},
	"pdate":                        {"published", rankMetaWeak},
	"displaydate":                  {"published", rankMetaWeak},
	"release_date":                 {"published", rankMetaWeak},
	"created":                      {"published", rankMetaWeak},
	"datecreated":                  {"published", rankMetaWeak},
	"uploaddate":                   {"published", rankMetaWeak},
	// Modified.
	"article:modified_time":    {"modified", rankMetaStrong},
	"article:modified":         {"modified", rankMetaStrong},
	"og:updated_time":          {"modified", rankMetaStrong},
	"og:article:modified_time": {"modified", rankMetaStrong},
	"datemodified":             {"modified", rankMetaStrong},
	"dc.date.modified":         {"modified", rankMetaStrong},
	"dcterms.modified":         {"modified", rankMetaStrong},
	"article.updated":          {"modified", rankMetaStrong},
	"lastmod":                  {"modified", rankMetaWeak},
	"last-modified":            {"modified", rankMetaWeak},
	"revised":                  {"modified", rankMetaWeak},
	// Title.
	"og:title":      {"title", rankMetaStrong},
	"twitter:title": {"title", rankMetaWeak},
	"dc.title":      {"title", rankMetaWeak},
	"dcterms.title": {"title", rankMetaWeak},
	"headline":      {"title", rankMetaWeak},
	"parsely-title": {"title", rankMetaWeak},
	// Authors.
	"author":              {"author", rankMetaStrong},
	"article:author":      {"author", rankMetaStrong},
	"dc.creator":          {"author", rankMetaStrong},
	"dcterms.creator":     {"author", rankMetaStrong},
	"parsely-author":      {"author", rankMetaStrong},
	"sailthru.author":     {"author", rankMetaStrong},
	"byl":                 {"author", rankMetaStrong},
	"citation_author":     {"author", rankMetaStrong},
	"article:author_name": {"author", rankMetaStrong},
	"twitter:creator":     {"author", rankMetaWeak},
	"creator":             {"author", rankMetaWeak},
	// Publisher.
	"og:site_name":      {"publisher", rankSiteName},
	"application-name":  {"publisher", rankMetaWeak},
	"dc.publisher":      {"publisher", rankMetaWeak},
	"dcterms.publisher": {"publisher", rankMetaWeak},
	"publisher":         {"publisher", rankMetaWeak},
	// Language.
	"content-language": {"language", rankMetaStrong},
	"dc.language":      {"language", rankMetaStrong},
	"dcterms.language": {"language", rankMetaStrong},
	"language":         {"language", rankMetaStrong},
	"og:locale":        {"language", rankLDPage},
	// Description.
	"og:description":      {"description", rankMetaStrong},
	"description":         {"description", rankMetaStrong + 1},
	"twitter:description": {"description", rankMetaWeak},
	"dc.description":      {"description", rankMetaWeak},
	// Section and tags.
	"article:section": {"section", rankMetaStrong},
	"section":         {"section", rankMetaWeak},
	"parsely-section": {"section", rankMetaWeak},
	"article:tag":     {"tags", rankMetaStrong},
	"news_keywords":   {"tags", rankMetaStrong + 1},
	"parsely-tags":    {"tags", rankMetaWeak},
	"keywords":        {"tags", rankMetaWeak + 1},
	// Canonical address and image.
	"og:url":            {"canonical", rankMetaStrong},
	"og:image":          {"image", rankMetaStrong},
	"og:image:url":      {"image", rankMetaStrong},
	"twitter:image":     {"image", rankMetaWeak},
	"twitter:image:src": {"image", rankMetaWeak},
}

// isDateField reports whether a field holds a date.
func isDateField(f string) bool { return f == "published" || f == "modified" }

// collect gathers every candidate from the walked page.
func (r *reader) collect() {
	p := r.p
	r.collectJSONLD()
	for _, m := range p.metas {
		mf, ok := metaKeys[m.key]
		if !ok {
			// Site-specific names ("w-published-date", "published")
			// still say what they hold.
			if k := m.key; strings.Contains(k, "publish") && !strings.Contains(k, "publisher") {
				r.addDate("published", m.content, "meta:"+k, rankMetaWeak+1)
			} else if strings.Contains(k, "modified") || strings.Contains(k, "updated") {
				r.addDate("modified", m.content, "meta:"+k, rankMetaWeak+1)
			}
			continue
		}
		ev := "meta:" + m.key
		switch {
		case isDateField(mf.field):
			r.addDate(mf.field, m.content, ev, mf.rank)
		case mf.field == "tags" && m.key != "article:tag":
			for _, t := range strings.Split(m.content, ",") {
				r.add("tags", t, ev, mf.rank)
			}
		default:
			r.add(mf.field, m.content, ev, mf.rank)
		}
	}
	for _, l := range p.links {
		for _, rel := range strings.Fields(l.key) {
			switch rel {
			case "canonical":
				r.add("canonical", l.content, "link[rel=canonical]", rankLDArticle)
			}
		}
	}
	if p.lang != "" {
		r.add("language", p.lang, "html[lang]", rankLDArticle)
	}
	if p.title != "" {
		r.add("title", p.title, "title", rankTitleTag)
	}
	if p.h1Line >= 0 && p.h1Line < len(p.lines) {
		r.add("title", p.lines[p.h1Line].text, "h1", rankH1)
	}
	r.collectMicrodata()
	for _, d := range p.scriptDates {
		field := "published"
		if d.modified {
			field = "modified"
		}
		r.addDate(field, d.value, "script:"+d.key, rankScript)
	}
	r.collectTimes()
	for _, a := range p.attrDates {
		d, ok := ParseDate(a.value)
		if !ok || !d.HasTime && !strings.ContainsAny(a.value, "-./") {
			continue // a bare number that happens to parse: a count, an id
		}
		field := "published"
		if strings.Contains(a.key, "modif") || strings.Contains(a.key, "updat") || strings.Contains(a.key, "-re-") {
			field = "modified"
		}
		r.addShownDate(field, d, "attr:"+a.key, rankAttr, a.line)
	}
	if d, ev, ok := urlDate(r.pageURL); ok {
		rank := rankURL
		if ev == "url:compact-serial" {
			rank = rankURLSerial
		}
		r.addParsedDate("published", d, ev, rank)
	}
	r.collectLines()
	r.demoteOffMonth()
	if s := siteFromHost(r.pageURL); s != "" {
		r.add("publisher", s, "host", rankHost)
	}
}

// collectJSONLD reads every JSON-LD script.
func (r *reader) collectJSONLD() {
	for _, s := range r.p.scripts {
		for _, o := range parseJSONLD(s) {
			r.ldObject(o)
		}
	}
}

func (r *reader) ldObject(o ldObject) {
	ev := func(prop string) string { return "json-ld:" + o.typ + "." + prop }
	m := o.m
	switch o.kind {
	case ldArticle, ldPage, ldMedia:
		rank := rankLDArticle
		switch o.kind {
		case ldPage:
			rank = rankLDPage
		case ldMedia:
			rank = rankLDMedia
		}
		// An object that names another page as its own (a related story
		// listed in the page's JSON-LD) ranks below the page's meta tags.
		other := r.otherPage(ldString(m["url"])) || r.otherPage(ldString(m["mainEntityOfPage"]))
		if other {
			rank += 3
		}
		if o.kind == ldArticle && !other && r.body == "" {
			r.body = ldBody(ldString(m["articleBody"]))
		}
		r.addDate("published", ldString(m["datePublished"]), ev("datePublished"), rank)
		r.addDate("modified", ldString(m["dateModified"]), ev("dateModified"), rank)
		if o.kind == ldMedia {
			r.addDate("published", ldString(m["uploadDate"]), ev("uploadDate"), rank)
		}
		r.addDate("published", ldString(m["dateCreated"]), ev("dateCreated"), max(rank, rankLDCreated))
		if o.kind != ldArticle {
			// A page's or video's other properties describe it, not an article.
			r.add("language", ldString(m["inLanguage"]), ev("inLanguage"), rank+4)
			return
		}
		r.add("title", ldString(m["headline"]), ev("headline"), rank)
		r.add("title", ldString(m["name"]), ev("name"), rank+6)
		for _, a := range ldNames(m["author"], 0) {
			r.add("author", a, ev("author"), rank)
		}
		for _, a := range ldNames(m["creator"], 0) {
			r.add("author", a, ev("creator"), rank+4)
		}
		for _, pub := range ldNames(m["publisher"], 0) {
			r.add("publisher", pub, ev("publisher"), rank-1)
		}
		r.add("language", ldString(m["inLanguage"]), ev("inLanguage"), rank+4)
		r.add("description", ldString(m["description"]), ev("description"), rank+6)
		r.add("section", ldString(m["articleSection"]), ev("articleSection"), rank+2)
		for _, t := range ldStrings(m["keywords"], true) {
			r.add("tags", t, ev("keywords"), rank+2)
		}
		r.add("image", ldString(m["image"]), ev("image"), rank+2)
		r.add("canonical", ldString(m["url"]), ev("url"), rank+4)
	case ldOrg:
		r.add("publisher", ldString(m["name"]), ev("name"), rankMetaWeak+1)
	case ldSite:
		r.add("publisher", ldString(m["name"]), ev("name"), rankMetaStrong+1)
		r.add("language", ldString(m["inLanguage"]), ev("inLanguage"), rankLDPage+6)
	}
}

// collectMicrodata reads itemprop values.
func (r *reader) collectMicrodata() {
	for _, ip := range r.p.props {
		ev := "microdata:" + ip.name
		typ := strings.ToLower(ip.itemType)
		if i := strings.LastIndexAny(typ, "/:#"); i >= 0 {
			typ = typ[i+1:]
		}
		rank := rankMicrodata
		if typ != "" && kindOf(typ) != ldArticle {
			rank = rankLDPage + 1
		}
		switch ip.name {
		case "datePublished", "datepublished":
			r.addDate("published", ip.value, ev, rank)
		case "dateCreated", "uploadDate":
			r.addDate("published", ip.value, ev, max(rank, rankLDCreated))
		case "dateModified", "datemodified":
			r.addDate("modified", ip.value, ev, rank)
		case "headline":
			r.add("title", ip.value, ev, rank)
		case "author", "creator":
			name := ip.value
			if ip.node != nil {
				if n := findItemProp(ip.node, "name", 0); n != "" {
					name = n
				}
			}
			r.add("author", name, ev, rank)
		case "articleSection":
			r.add("section", ip.value, ev, rank)
		case "inLanguage":
			r.add("language", ip.value, ev, rank)
		}
	}
}

// collectTimes reads <time> elements.
func (r *reader) collectTimes() {
	others := 0
	for _, t := range r.p.times {
		var d Date
		ok := false
		ev := "time[datetime]"
		if t.datetime != "" {
			d, ok = ParseDate(t.datetime)
		}
		if !ok && t.text != "" {
			d, ok = ParseDate(t.text)
			ev = "time"
		}
		if !ok {
			continue
		}
		field := "published"
		if t.line < len(r.p.lines) && updatedRE.MatchString(lineContext(r.p.lines, t.line)) {
			field = "modified"
		}
		switch {
		case t.microformat:
			if !t.pubdate {
				field = "modified"
			}
			r.addShownDate(field, d, "microformat:"+field, rankTimePub, t.line)
		case t.pubdate:
			r.addShownDate(field, d, "time[pubdate]", rankTimePub, t.line)
		case r.nearHeadline(t.line) || (t.line < len(r.p.lines) && r.p.lines[t.line].inArticle && !r.p.lines[t.line].boiler):
			r.addShownDate(field, d, ev, rankTimeNear, t.line)
		default:
			// Only the first few: later <time>s date comments and teasers.
			if others < 3 {
				r.addShownDate(field, d, ev, rankTimeOther, t.line)
			}
			others++
		}
	}
}

// lineContext returns the start of the line's text, where labels such as
// "Updated" sit: within the first 80 bytes, before the date they label.
func lineContext(lines []line, i int) string {
	if i < 0 || i >= len(lines) {
		return ""
	}
	return truncateUTF8(lines[i].text, 80)
}

// otherPage reports whether ref names a page other than the one being read;
// false when either address is unknown. Hosts, queries and a trailing
// slash are ignored: sites serve one page under several of each.
func (r *reader) otherPage(ref string) bool {
	if ref == "" || r.pageURL == nil || r.pageURL.Path == "" {
		return false
	}
	u, err := url.Parse(ref)
	if err != nil || u.Path == "" || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	if r.self == nil {
		r.self = r.selfPaths()
	}
	return !r.self[pagePath(u.Path)]
}

// selfPaths returns the paths the page gives as its own: its address's,
// and those of its canonical links and og:url (the page may have been
// reached through a feed redirect or a tracking address).
func (r *reader) selfPaths() map[string]bool {
	self := map[string]bool{pagePath(r.pageURL.Path): true}
	add := func(s string) {
		if u, err := url.Parse(s); err == nil {
			self[pagePath(u.Path)] = true
		}
	}
	for _, l := range r.p.links {
		if strings.Contains(" "+l.key+" ", " canonical ") {
			add(l.content)
		}
	}
	for _, m := range r.p.metas {
		if m.key == "og:url" {
			add(m.content)
		}
	}
	return self
}

// pagePath is a URL path as pages are compared by it: sites serve one page
// with and without a trailing slash, and its AMP version under /amp.
func pagePath(p string) string {
	return strings.TrimSuffix(strings.TrimSuffix(p, "/"), "/amp")
}

// offMonthPenalty moves a visible date whose month contradicts the URL's
// below every date that agrees: it is an archive link, a teaser or a
// comment, not the article's.
const offMonthPenalty = 20

// demoteOffMonth lowers visible dates (lines, <time>s) that fall outside the
// year and month the URL spells (/2020/07/…).
func (r *reader) demoteOffMonth() {
	y, m, ok := urlMonth(r.pageURL)
	if !ok {
		return
	}
	for i := range r.cands {
		c := &r.cands[i]
		if !isDateField(c.Field) || c.rank < rankTextLabel || strings.HasPrefix(c.Evidence, "url") {
			continue
		}
		if c.date.Time.Year() != y || c.date.Time.Month() != m {
			c.rank += offMonthPenalty
		}
	}
}
