package extract

import (
	"strings"

	"github.com/sayso-news/sayso/internal/phrase"
	"unicode"
	"unicode/utf8"
)

// boilerplatePhrases are short lines that page furniture repeats in many
// languages: ad labels, share and follow prompts, "read more" links. A block
// is boilerplate when its whole text, lower-cased and stripped of trailing
// punctuation, is one of them.
var boilerplatePhrases = map[string]bool{
	"advertisement": true, "advert": true, "advertising": true, "sponsored": true, "sponsored content": true,
	"ad": true, "ads": true, "story continues below advertisement": true, "continue reading below": true,
	"anzeige": true, "werbung": true, "publicidad": true, "publicité": true, "pubblicità": true,
	"реклама": true, "広告": true, "广告": true, "광고": true, "publicidade": true, "reklama": true,
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"share on facebook": true, "share on twitter": true, "tweet": true, "email": true, "print": true,
	"facebook": true, "twitter": true, "linkedin": true, "whatsapp": true, "pinterest": true, "reddit": true,
	"read more": true, "read more:": true, "more": true, "see more": true, "show more": true, "load more": true,
	"related": true, "related articles": true, "related stories": true, "related content": true,
	"recommended": true, "recommended for you": true, "most popular": true, "most read": true, "trending": true,
	"comments": true, "comment": true, "leave a comment": true, "leave a reply": true, "post a comment": true,
	"sign up": true, "subscribe": true, "subscribe now": true, "log in": true, "sign in": true,
	"skip to content": true, "skip to main content": true, "back to top": true, "top": true, "menu": true,
	"close": true, "ok": true, "ок": true, "accept": true, "i agree": true, "got it": true,
	"follow us": true, "follow": true, "newsletter": true, "copy link": true, "link copied": true,
	"image": true, "photo": true, "video": true, "watch": true, "listen": true, "play": true,
	"loading": true, "loading...": true, "please wait": true, "next": true, "previous": true,
	"читать также": true, "читайте также": true, "lesen sie auch": true, "mehr zum thema": true,
	"lire aussi": true, "à lire aussi": true, "leer más": true, "lee también": true, "leia também": true,
	"leggi anche": true, "teilen": true, "partager": true, "compartir": true, "condividi": true,
	"поделиться": true, "分享": true, "공유": true, "シェア": true,
}

// isBoilerplatePhrase reports whether text, as a whole, is a known piece of
// page furniture.
func isBoilerplatePhrase(text string) bool {
	// The longest phrase listed is 35 bytes; a little slack for the
	// punctuation and arrows trimmed below.
	if len(text) > 48 {
		return false
	}
	t := strings.ToLower(strings.TrimRight(strings.TrimSpace(text), ".:!…»›>→ "))
	return boilerplatePhrases[t]
}

// consentWords accompany "cookie" in a consent banner, in the languages
// the web is mostly written in; a recipe mentioning cookies has none.
var consentWords = []string{
	"website", "site", "web", "brows", "navigat", "consent", "privacy", "policy", "accept", "agree",
	"experience", "personali", "analytics", "third part", "gdpr", "datenschutz", "akzept", "zustimm",
	"utilis", "politique", "confidentialit", "privacidad", "política", "aceptar", "experiencia",
	"сайт", "политик", "соглаш", "использ", "przegląd", "polityk", "prywatno", "informativa", "privacy",
	"サイト", "网站", "網站", "사이트",
}

// maxConsentChars bounds a consent notice: a paragraph or two. An article
// about cookies and privacy is longer.
const maxConsentChars = 600

// isConsentNotice reports whether text is a cookie or consent notice in any
// language: it names cookies and what consent banners talk about.
func isConsentNotice(l line) bool {
	if l.chars > maxConsentChars {
		return false
	}
	lower := l.lower
	if !strings.Contains(lower, "cookie") && !strings.Contains(lower, "куки") {
		return false
	}
	for _, w := range consentWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// maxNoticeChars bounds a copyright or citation notice.
const maxNoticeChars = 400

// isLegalNotice reports whether text is a copyright, reuse or citation
// notice of the kind printed under articles ("© 2019 …", "All rights
// reserved", "This document is subject to copyright", "Citation: …").
func isLegalNotice(l line) bool {
	text := l.text
	if l.chars > maxNoticeChars {
		return false
	}
	if strings.HasPrefix(text, "©") || strings.HasPrefix(text, "(c) ") || strings.HasPrefix(text, "Copyright ") {
		return true
	}
	lower := l.lower
	// "Citation: Title (2019, March 3) retrieved …", "Cite this article as …".
	for _, p := range []string{"citation:", "cite this", "how to cite"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return legalPhrases.In(lower)
}

// legalPhrases are the wordings of copyright and legal notices.
var legalPhrases = phrase.NewSet("all rights reserved", "subject to copyright", "may not be published, broadcast, rewritten",
	"may not be reproduced", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
	"все права защищены", "版权所有", "無断転載", "for information purposes only")

// maxCaptionChars bounds a photo caption with its credit.
const maxCaptionChars = 320

// isCaption reports whether text reads as a photo caption or credit:
// "… (Image: Getty)", "… Credit: EPA", "[File: Reuters]", "Image 1 of 5",
// "Photo: AP". Captions describe pictures, not the story.
func isCaption(l line) bool {
	if l.chars > maxCaptionChars {
		return false
	}
	lower := strings.TrimSpace(l.lower)
	// A bracketed credit closes the caption: only a line ending in ")" or
	// "]" is searched for one.
	if end := strings.TrimRight(lower, " ."); strings.HasSuffix(end, ")") || strings.HasSuffix(end, "]") {
		for _, p := range captionBrackets {
			if strings.Contains(lower, p) {
				return true
			}
		}
	}
	// A credit label closes a caption and names an agency or a
	// photographer, within the caption's last 60 bytes; every label holds
	// a colon, so a line without one is not searched.
	if strings.IndexByte(lower, ':') >= 0 {
		tail := lower[max(0, len(lower)-59):]
		base := len(lower) - len(tail)
		for _, p := range captionLabels {
			i := strings.LastIndex(tail, p)
			if i >= 0 && (base+i == 0 || !isLetterByte(lower[base+i-1])) {
				return true
			}
		}
		// "…in Beijing, ChinaCredit: EPA": a credit glued to its caption.
		t := strings.TrimSpace(l.text)
		if i := strings.LastIndex(t, "Credit:"); i > 0 && len(t)-i < 60 {
			return true
		}
	}
	for _, p := range []string{"image copyright", "image caption", "media caption", "image source", "photo credit"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	if strings.HasSuffix(lower, "getty images") || strings.HasSuffix(lower, "shutterstock") {
		return true
	}
	// "Getty Images / A. Photographer", "iStock via Getty": a picture
	// agency's credit line on its own.
	if len(lower) < 80 {
		for _, p := range stockAgencies {
			if strings.HasPrefix(lower, p) {
				return true
			}
		}
	}
	if creditTail(lower) {
		return true
	}
	// "Image 1 of 5", "Photo 3/12": gallery counters.
	if len(lower) < 20 && strings.ContainsAny(lower, "0123456789") {
		for _, p := range []string{"image ", "photo ", "slide ", "picture "} {
			if strings.HasPrefix(lower, p) {
				return true
			}
		}
	}
	return false
}

// captionBrackets open a bracketed photo credit; captionLabels end a
// caption with its credit.
var (
	captionBrackets = []string{"(image:", "(photo:", "(picture:", "(pictured", "[file:", "(file photo", "(photo by", "(credit:",
		"(image credit", "photo credit:", "image credit:", "(getty", "(ap photo", "(reuters", "(afp"}
	captionLabels = []string{"credit:", "photo:", "photograph:", "foto:", "фото:", "image:", "picture:"}
)

// stockAgencies open a picture agency's credit line, lower-cased.
var stockAgencies = []string{"getty images", "shutterstock", "istock", "alamy", "adobe stock", "unsplash", "pexels"}

// photographerCredits name the photographer in a caption's closing
// sentence: "… cabinets. | Photo by A. Name", "… DSLR. Photo by: 'A. Name'."
var photographerCredits = []string{"photo by", "photos by", "photograph by", "photography by", "image by", "images by",
	"photo courtesy", "image courtesy", "picture by", "foto:", "fotos:"}

// maxCreditTail bounds the name after a photographer credit: a name or
// two, not a sentence going on.
const maxCreditTail = 40

// creditTail reports whether lower ends with a photographer's credit: a
// photographerCredits phrase that begins the line or a sentence (after
// ". ", "| ", a dash or a slash), followed by a name of at most
// maxCreditTail bytes.
func creditTail(lower string) bool {
	tail := lower[max(0, len(lower)-(maxCreditTail+len("photography by")+3)):]
	base := len(lower) - len(tail)
	// Every credit phrase opens with one of a few stems: forward searches
	// for them are cheap, and most lines hold none.
	for _, stem := range creditStems {
		for from := 0; ; {
			k := strings.Index(tail[from:], stem)
			if k < 0 {
				break
			}
			at := base + from + k
			from += k + len(stem)
			for _, p := range photographerCredits {
				if strings.HasPrefix(lower[at:], p) && creditAt(lower, at, p) {
					return true
				}
			}
		}
	}
	return false
}

// creditStems open every phrase of photographerCredits.
var creditStems = []string{"photo", "image", "picture", "foto"}

// creditAt reports whether photographer credit p at byte at of lower
// begins the line or a sentence (after ". ", "| ", a dash or a slash) and
// is followed by a name of at most maxCreditTail bytes.
func creditAt(lower string, at int, p string) bool {
	rest := strings.TrimLeft(lower[at+len(p):], ": ")
	if rest == "" || len(rest) > maxCreditTail {
		return false
	}
	if at == 0 {
		return true
	}
	before := strings.TrimRight(lower[:at], " ")
	if len(before) == at {
		return false // glued to a word: "the photo by" goes on a sentence
	}
	for _, mark := range []string{".", "|", "/", "—", "–", "-"} {
		if strings.HasSuffix(before, mark) {
			return true
		}
	}
	return false
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// maxPromoChars bounds a promotion line: one or two sentences.
const maxPromoChars = 280

// promoPhrases mark the lines that close articles to sell something else:
// follow prompts, newsletter and app sign-ups. Each is a call to the reader
// on its own.
var promoPhrases = []string{
	"follow us on", "follow us at", "follow him on", "follow her on", "follow them on", "follow me on",
	"follow him @", "follow her @", "follow us @", "follow him at @", "follow her at @",
	"sign up for our", "sign up to our", "subscribe to our", "download our app", "our newsletter",
	"like us on facebook", "share it with a friend", "share this article", "share this story",
	"reach the reporter", "contact the reporter", "contact the author", "email the author",
	"abonnieren sie", "folgen sie uns", "suivez-nous", "abonnez-vous", "síguenos", "suscríbete",
	"подписывайтесь", "подпишитесь",
}

// promoCalls and promoObjects together mark a promotion ("Get the latest
// headlines delivered to your inbox"); either alone is ordinary prose.
var (
	promoCalls   = []string{"sign up", "subscribe", "get the latest", "get our", "delivered", "download", "join"}
	promoObjects = []string{"newsletter", "inbox", "our app", "the app"}
)

// isPromo reports whether text is a short promotion line.
func isPromo(l line) bool {
	if l.chars > maxPromoChars {
		return false
	}
	lower := l.lower
	return promoPhraseSet.In(lower) || promoCallSet.In(lower) && promoObjectSet.In(lower)
}

// The promotion word lists as sets, each searched in one pass.
var (
	promoPhraseSet = phrase.NewSet(promoPhrases...)
	promoCallSet   = phrase.NewSet(promoCalls...)
	promoObjectSet = phrase.NewSet(promoObjects...)
)

// dateWords are the words of date and time lines besides numbers: month and
// day names in the languages most news is written in, clock and zone
// abbreviations, and the labels that introduce them.
var dateWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		jan feb mar apr may jun jul aug sep sept oct nov dec
		january february march april june july august september october november december
		mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday
		am pm a.m p.m gmt utc bst cet cest est edt pst pdt cst cdt mst mdt et pt ist jst
		posted published updated first last modified on at by in de el la le du der den am um
		januar februar märz mai juni juli oktober dezember
		janvier février mars avril juin juillet août septembre octobre novembre décembre
		enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
		gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
		janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
		января февраля марта апреля мая июня июля августа сентября октября ноября декабря
		lunes martes miércoles jueves viernes sábado domingo lundi mardi mercredi jeudi vendredi samedi dimanche
		montag dienstag mittwoch donnerstag freitag samstag sonntag uhr h
		actualizado publicado aktualisiert veröffentlicht mis publié обновлено опубликовано`) {
		dateWords[w] = true
	}
}

// maxDateLineChars bounds a date line: a date, a time and a label.
const maxDateLineChars = 60

// isDateLine reports whether text is only a date or time, perhaps with a
// label ("Posted on March 3, 2025", "20 Nov 2019 08:00 GMT"). Dates are
// metadata, read by the metadata package; in the body they are furniture.
func isDateLine(l line) bool {
	if l.chars > maxDateLineChars {
		return false
	}
	words := strings.FieldsFunc(l.lower, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.'
	})
	numbers, known, dated := 0, 0, false
	for _, w := range words {
		w = strings.Trim(w, ".")
		switch {
		case w == "":
			known++
		case isDigits(w):
			numbers++
			known++
			dated = dated || len(w) == 4
		case dateWords[w]:
			known++
			dated = dated || monthOrDay(w)
		}
	}
	// A time alone ("10 p.m.") heads a section of a running story; only a
	// line with a day in it is a dateline.
	return numbers > 0 && dated && len(words) > 1 && known == len(words)
}

// monthOrDay reports whether a date word names a month or a weekday, as
// the long (four letters and more) and three-letter English names do.
func monthOrDay(w string) bool {
	switch w {
	case "am", "pm", "a.m", "p.m", "on", "at", "by", "in", "de", "el", "la", "le", "du", "der", "den", "um", "uhr", "h",
		"posted", "published", "updated", "first", "last", "modified", "actualizado", "publicado", "aktualisiert",
		"veröffentlicht", "mis", "publié", "обновлено", "опубликовано":
		return false
	}
	return len(w) >= 3 && !strings.ContainsAny(w, "0123456789") && !isZone(w)
}

func isZone(w string) bool {
	switch w {
	case "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt", "ist", "jst":
		return true
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// bylinePrefixes open a byline in the languages news is mostly written in.
var bylinePrefixes = []string{"By ", "BY ", "by ", "By: ", "Von ", "Par ", "Por ", "Di ", "Door ", "Av ", "Af ", "Автор: ", "Written by ", "Words by ", "Story by "}

// bylineJoiners may sit between the names of a byline.
var bylineJoiners = map[string]bool{"and": true, "&": true, "und": true, "et": true, "y": true, "e": true, "i": true, "og": true, "en": true,
	"van": true, "von": true, "de": true, "der": true, "den": true, "da": true, "di": true, "del": true, "la": true, "le": true, "in": true}

// isByline reports whether text is a byline: a prefix such as "By " and a
// few capitalised names ("By Jana Becker and Tom Reed, Reuters"). Authors
// are metadata; a byline left in the body is furniture. "By Friday, the
// schools will reopen." is a sentence, not a byline.
func isByline(l line) bool {
	text := l.text
	if l.chars > maxDateLineChars {
		return false
	}
	rest := ""
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(text, p) {
			rest = text[len(p):]
			break
		}
	}
	if rest == "" || strings.HasSuffix(rest, ".") && !strings.HasSuffix(rest, " Jr.") && !endsWithInitial(rest) {
		return false
	}
	words := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == ',' || r == '|' || r == '/' })
	if len(words) == 0 || len(words) > 9 {
		return false
	}
	for i, w := range words {
		if bylineJoiners[strings.ToLower(w)] && i > 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || dateWords[strings.ToLower(strings.Trim(w, "."))] && i == 0 {
			return false
		}
	}
	return true
}

func endsWithInitial(s string) bool {
	return len(s) >= 3 && s[len(s)-3] == ' ' && s[len(s)-2] >= 'A' && s[len(s)-2] <= 'Z'
}

// line is a block's text prepared once for the wording detectors.
type line struct {
	text, lower string
	chars       int
}

// maxWordingChars is the longest block any wording detector looks at: the
// longest notice they know is a consent banner's paragraph or two.
const maxWordingChars = maxConsentChars

func newLine(text string, chars int) line {
	return line{text: text, lower: strings.ToLower(text), chars: chars}
}

// furniture reports whether a block's wording marks it as page furniture:
// a consent or legal notice, a caption, a promotion, a date line or a
// byline.
func furniture(l line) bool {
	return isConsentNotice(l) || isLegalNotice(l) || isCaption(l) || isPromo(l) || isDateLine(l) || isByline(l)
}
