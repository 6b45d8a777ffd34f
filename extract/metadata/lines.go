package metadata

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Labels that say what a date on a visible line is, in the main languages.
var (
	publishedRE = regexp.MustCompile(`(?i)(published|posted|publicad[oa]|publicat|publié|publie le|pubblicato|veröffentlicht|gepubliceerd|opublikowano|publikováno|publikované|\bdatum\b|\bfecha\b|közzétéve|julkaistu|publicerad|publiceret|publisert|objavljeno|objavljen|paskelbta|publicēts|yayın|yayınlanma|опубликовано|опубліковано|публикувано|дата публикации|дата публікації|게재|입력|発行|公開|发布|發布)`)
	updatedRE   = regexp.MustCompile(`(?i)(updated|last modified|modified|actualizad[oa]|atualizad[oa]|actualizat|mis à jour|modifié|aggiornato|aktualisiert|aktualisierung|bijgewerkt|zaktualizowano|aktualizováno|frissítve|päivitetty|uppdaterad|opdateret|oppdatert|ažurirano|güncelleme|güncellendi|обновлено|обновлен|оновлено|актуализирано|수정|更新)`)
)

// dateHints are class and id fragments of elements holding a date.
var dateHints = []string{"date", "time", "publish", "posted", "datum", "fecha", "data", "zeit", "tarih", "дата", "byline", "meta", "info", "pubdate"}

// bylineHints are class, id, itemprop and rel fragments of byline elements.
var bylineHints = []string{"byline", "author", "autor", "writer", "reporter", "journalist", "firma", "signature", "creator", "redaktor", "avtor", "yazar", "credit"}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// bylineWords are the lower-cased first words of byline lines; a line is
// matched against bylinePrefixRE only when it starts with one.
var bylineWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("written posted reported words text story photo photos by from por von par di door av af przez autor autores autora autorka autoren autorin author authors auteur autore redactor texto tekst szerző yazar muhabir piše pisze автор авторы текст написал написала написали 작성자 기자 記者 文") {
		bylineWords[w] = true
	}
}

// startsLikeByline reports whether s's first word is a byline word.
func startsLikeByline(s string) bool {
	end := strings.IndexFunc(s, func(r rune) bool { return r == ' ' || r == ':' || r == '：' })
	if end < 0 {
		end = len(s)
	}
	return bylineWords[strings.ToLower(s[:end])]
}

// Distances around the headline, in lines: a news page's date and byline
// sit just above or below it (kicker, title, standfirst, byline, date), and
// a dozen lines covers the standfirst and share bar between them.
const (
	linesBeforeH1 = 4
	linesAfterH1  = 16
)

// maxDatePrefix bounds how far into a placed line its date may start, in
// code points: "Published by Jane Doe-Smith, Staff Writer, on" is 45.
const maxDatePrefix = 60

// maxDateLine bounds the length of a line read as a date line; longer
// lines are prose whose dates are mentions.
const maxDateLine = 160

func (r *reader) nearHeadline(i int) bool {
	h := r.p.h1Line
	return h >= 0 && i >= h-linesBeforeH1 && i <= h+linesAfterH1
}

// collectLines reads visible date lines and bylines.
func (r *reader) collectLines() {
	monthFirst := strings.HasSuffix(strings.ToLower(r.p.lang), "-us")
	texts, bylines := 0, 0
	for i, l := range r.p.lines {
		// Boilerplate is skipped, save a date line in furniture around
		// the article (a page builder's "post-sidebar" with its date):
		// dates in comments and lists of other stories are theirs.
		if l.boiler && (l.others || len(l.text) > maxDateLine || !r.hinted(&l.hint, hintDate)) {
			continue
		}
		near := r.nearHeadline(i)
		// Headings are skipped, save those that are a date and little
		// else: a title that names a date ("Results of 11–12 July") is
		// about that date, not dated by it.
		if len(l.text) <= maxDateLine && (l.heading == 0 || dateHeading(l.text)) {
			text, found := findTextDates(l.text, 2, monthFirst)
			if len(found) > 0 {
				placed := l.inArticle || r.hinted(&l.hint, hintDate)
				texts += r.addTextDate(text, found, near && !l.boiler, placed, texts, i)
			}
		}
		if l.boiler {
			continue
		}
		if bylines < 6 && len(l.text) <= 200 && l.heading == 0 {
			isBy := startsLikeByline(l.text) && bylinePrefixRE.MatchString(l.text)
			if (isBy && (near || l.inArticle)) || ((near || l.inArticle || isBy) && r.hinted(&l.hint, hintByline)) {
				r.add("author", l.text, "byline", rankByline)
				bylines++
			}
		}
	}
}

// addTextDate ranks the first date of a visible line and adds it; it
// returns 1 when the line counted as an unlabelled, unplaced date line.
//
// Ranks: a label ("Published", "Updated") in a line near the headline or
// in a date-hinted element is strongest; then a placed line (near the
// headline, or in a date-hinted element or the article) that writes a time
// of day — article timestamps do, the "today is" date in a site header
// does not; then a placed line; then an unplaced line with a time; then the
// first dozen other dated lines.
func (r *reader) addTextDate(text string, found []textDate, near, placed bool, plain, line int) int {
	first := found[0]
	prefix := text[:first.start]
	// A date deep inside a sentence is a mention ("the vote on 15 March
	// will…"), wherever the sentence is: date lines put the date within
	// their first few words.
	if utf8.RuneCountInString(prefix) > maxDatePrefix {
		near, placed = false, false
	}
	field, ev := "published", "text"
	labelled := false
	switch {
	case updatedRE.MatchString(prefix):
		field, ev, labelled = "modified", "text:updated-label", true
	case publishedRE.MatchString(prefix):
		ev, labelled = "text:published-label", true
	case near:
		ev = "text:near-headline"
	case placed:
		ev = "text:date-element"
	}
	var rank int
	switch {
	case labelled && (near || placed):
		rank = rankTextLabel
	case (near || placed) && first.withTime:
		rank = rankTextNear - 2
	case near || placed:
		rank = rankTextNear
	case labelled:
		// A labelled line away from the headline ("Datum 28.04.2023" in
		// a side column) still says what it is.
		rank = rankTextNear - 1
	case first.withTime:
		rank = rankTextNear + 2
	default:
		// The first dozen plain dated lines are enough: later ones date
		// comments, teasers and archives.
		if plain >= 12 {
			return 0
		}
		r.addShownDate(field, first.date, ev, rankTextOther, line)
		return 1
	}
	r.addShownDate(field, first.date, ev, rank, line)
	if n := len(r.cands); n > 0 && r.cands[n-1].line == line {
		r.cands[n-1].ambiguous = first.ambiguous
	}
	// "Published 3 March 2020, updated 4 March 2020"
	if len(found) > 1 && field == "published" && updatedRE.MatchString(text[first.end:found[1].start]) {
		r.addShownDate("modified", found[1].date, "text:updated-label", rank, line)
	}
	return 0
}

// minDateHeadingShare is the least part of a heading's letters and digits
// its date must make for the heading to be a date line: "Monday,
// September 8, 2008" is two thirds date, "Results of 11 July 2020" half.
const minDateHeadingShare = 0.6

// dateHeading reports whether a heading is a date line: short, and mostly
// a date, or a date with a label ("Published 3 March 2020").
func dateHeading(text string) bool {
	if len(text) > 60 {
		return false
	}
	t, found := findTextDates(text, 1, false)
	if len(found) == 0 {
		return false
	}
	rest := t[:found[0].start] + " " + t[found[0].end:]
	if publishedRE.MatchString(rest) || updatedRE.MatchString(rest) {
		return len(strings.Fields(rest)) <= 3
	}
	date, all := 0, 0
	for i, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			all++
			if i >= found[0].start && i < found[0].end {
				date++
			}
		}
	}
	return float64(date) >= minDateHeadingShare*float64(all)
}

// findItemProp returns the value of the first itemprop=name under n.
func findItemProp(n *html.Node, name string, depth int) string {
	if depth > 16 {
		return ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		for _, p := range strings.Fields(attr(c, "itemprop")) {
			if p == name {
				if v := attr(c, "content"); v != "" {
					return v
				}
				return textOf(c, 200)
			}
		}
		if v := findItemProp(c, name, depth+1); v != "" {
			return v
		}
	}
	return ""
}

// Kinds of element hints a line's enclosing elements may carry.
const (
	hintDate   = 1 << iota // dateHints
	hintByline             // bylineHints
)

// hinted reports whether any of a line's hints holds a word of the kind
// asked for. Templates repeat a few class lists on every line: each is
// looked at once per page.
func (r *reader) hinted(h *lineHint, kind uint8) bool {
	if r.hintKinds == nil {
		r.hintKinds = make(map[string]uint8, 256)
	}
	for _, s := range h {
		if s == "" {
			continue
		}
		k, ok := r.hintKinds[s]
		if !ok {
			if containsAny(s, dateHints) {
				k |= hintDate
			}
			if containsAny(s, bylineHints) {
				k |= hintByline
			}
			r.hintKinds[s] = k
		}
		if k&kind != 0 {
			return true
		}
	}
	return false
}
