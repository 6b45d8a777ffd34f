package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
)

// maxCreditLine bounds a credit line: "Source: X", "This article first
// appeared on X" and their kin are one short sentence; a longer paragraph
// that begins the same way is prose about a source, not a credit.
const maxCreditLine = 160

// wireServices are news agencies whose names appear in datelines and
// sign-offs ("WASHINGTON (Reuters) -", "— AP").
var wireServices = []string{
	"Associated Press", "Reuters", "AFP", "Agence France-Presse", "AP", "Bloomberg", "UPI",
	"dpa", "DPA", "Xinhua", "PTI", "IANS", "ANI", "EFE", "ANSA", "Kyodo", "Yonhap", "TASS",
	"RIA Novosti", "Interfax", "Bernama", "CNA", "CP", "AAP", "KUNA", "WAM", "SPA", "APA",
	"Anadolu", "NTB", "TT", "Belga", "Lusa", "Europa Press", "CNN", "BBC", "NYT", "WSJ",
}

// creditSubjects may open a publication credit ("This article was
// originally published by X").
var creditSubjects = []string{
	"an earlier version of this article", "a version of this article", "a version of this story",
	"this article", "this story", "this post", "this piece", "this essay", "this report", "this column",
	"this op-ed", "this commentary", "this interview", "this content", "this blog post", "this item",
}

// creditVerbs say where a text was published before. Those marked alone
// may open a line without a subject ("Originally published at X").
var creditVerbs = []struct {
	phrase string
	kind   sayso.CreditKind
	alone  bool
}{
	{"was originally published", sayso.CreditOriginallyPublished, false},
	{"was first published", sayso.CreditOriginallyPublished, false},
	{"was published", sayso.CreditOriginallyPublished, false},
	{"originally published", sayso.CreditOriginallyPublished, true},
	{"first published", sayso.CreditOriginallyPublished, true},
	{"originally appeared", sayso.CreditOriginallyPublished, true},
	{"first appeared", sayso.CreditOriginallyPublished, true},
	{"appeared", sayso.CreditOriginallyPublished, false},
	{"is republished", sayso.CreditRepublished, false},
	{"was republished", sayso.CreditRepublished, false},
	{"republished", sayso.CreditRepublished, true},
	{"is reprinted", sayso.CreditRepublished, false},
	{"was reprinted", sayso.CreditRepublished, false},
	{"reprinted", sayso.CreditRepublished, true},
	{"is cross-posted", sayso.CreditRepublished, false},
	{"was cross-posted", sayso.CreditRepublished, false},
	{"cross-posted", sayso.CreditRepublished, true},
	{"crossposted", sayso.CreditRepublished, true},
	{"is syndicated", sayso.CreditRepublished, false},
	{"syndicated", sayso.CreditRepublished, true},
}

// creditPrepositions join a credit verb to the outlet, longest first.
var creditPrepositions = []string{
	"with permission from", "with permission of", "with permission by", "here with permission from",
	"here courtesy of", "courtesy of", "here from", "here by", "by", "on", "in", "at", "from",
}

// creditPrefixes introduce a credit line by themselves, lower-cased: labels
// ("Source:") and their equivalents in other languages.
var creditPrefixes = []struct {
	prefix string
	kind   sayso.CreditKind
}{
	{"courtesy of ", sayso.CreditCourtesy},
	{"via ", sayso.CreditCourtesy},
	{"sources:", sayso.CreditSource},
	{"source:", sayso.CreditSource},
	{"source :", sayso.CreditSource},
	{"source - ", sayso.CreditSource},
	{"quelle:", sayso.CreditSource},
	{"fuente:", sayso.CreditSource},
	{"fonte:", sayso.CreditSource},
	{"bron:", sayso.CreditSource},
	{"källa:", sayso.CreditSource},
	{"kilde:", sayso.CreditSource},
	{"lähde:", sayso.CreditSource},
	{"zdroj:", sayso.CreditSource},
	{"forrás:", sayso.CreditSource},
	{"kaynak:", sayso.CreditSource},
	{"источник:", sayso.CreditSource},
	{"джерело:", sayso.CreditSource},
	{"źródło:", sayso.CreditSource},
	{"来源：", sayso.CreditSource},
	{"来源:", sayso.CreditSource},
	{"出典：", sayso.CreditSource},
	{"출처:", sayso.CreditSource},
	{"المصدر:", sayso.CreditSource},
	{"المصدر :", sayso.CreditSource},
	{"منبع:", sayso.CreditSource},
	{"מקור:", sayso.CreditSource},
	{"स्रोत:", sayso.CreditSource},
	{"πηγή:", sayso.CreditSource},
	{"publicado originalmente en ", sayso.CreditOriginallyPublished},
	{"publicado originalmente por ", sayso.CreditOriginallyPublished},
	{"originalmente publicado en ", sayso.CreditOriginallyPublished},
	{"publié initialement sur ", sayso.CreditOriginallyPublished},
	{"publié initialement dans ", sayso.CreditOriginallyPublished},
	{"publié initialement par ", sayso.CreditOriginallyPublished},
	{"initialement publié sur ", sayso.CreditOriginallyPublished},
	{"initialement publié dans ", sayso.CreditOriginallyPublished},
	{"ursprünglich erschienen in ", sayso.CreditOriginallyPublished},
	{"ursprünglich erschienen bei ", sayso.CreditOriginallyPublished},
	{"ursprünglich erschienen auf ", sayso.CreditOriginallyPublished},
	{"zuerst erschienen in ", sayso.CreditOriginallyPublished},
	{"zuerst erschienen bei ", sayso.CreditOriginallyPublished},
	{"zuerst erschienen auf ", sayso.CreditOriginallyPublished},
	{"pubblicato originariamente su ", sayso.CreditOriginallyPublished},
	{"originariamente pubblicato su ", sayso.CreditOriginallyPublished},
	{"впервые опубликовано в ", sayso.CreditOriginallyPublished},
	{"впервые опубликовано на ", sayso.CreditOriginallyPublished},
	{"оригинал опубликован на ", sayso.CreditOriginallyPublished},
}

// creditLine reports whether a whole line is a credit line and returns
// the credit it gives.
func creditLine(line string) (sayso.Credit, bool) {
	t := strings.TrimSpace(line)
	if t == "" || len(t) > maxCreditLine {
		return sayso.Credit{}, false
	}
	lower := strings.ToLower(t)
	kind, rest, ok := publicationCredit(t, lower)
	if !ok {
		for _, p := range creditPrefixes {
			if strings.HasPrefix(lower, p.prefix) {
				kind, rest, ok = p.kind, lower[len(p.prefix):], true
				if len(lower) == len(t) {
					rest = t[len(p.prefix):] // the outlet as written
				}
				break
			}
		}
	}
	if ok {
		outlet := outletName(rest)
		if outlet == "" || looksLikeDate(outlet) {
			return sayso.Credit{}, false
		}
		if kind == sayso.CreditCourtesy && wordCount(outlet) > 6 {
			// "Via a long route…" is a sentence, not a credit.
			return sayso.Credit{}, false
		}
		return sayso.Credit{Kind: kind, Text: t, Outlet: outlet}, true
	}
	if c, ok := contributorLine(t, lower); ok {
		return c, true
	}
	// A line that is only a wire name: "— AP", "(Reuters)", "-- AFP".
	if w, ok := wireSignoff(t); ok && len(strings.Trim(t, "—–-()[] .")) == len(w) {
		return sayso.Credit{Kind: sayso.CreditWireSignoff, Text: t, Outlet: w}, true
	}
	return sayso.Credit{}, false
}

// publicationCredit parses "[This article] <verb> [here] <preposition> X",
// returning the credit's kind and the text naming the outlet. lower is t
// lower-cased; ASCII case folding keeps their byte offsets equal.
func publicationCredit(t, lower string) (sayso.CreditKind, string, bool) {
	if len(lower) != len(t) {
		return "", "", false
	}
	i := 0
	subject := false
	for _, s := range creditSubjects {
		if strings.HasPrefix(lower, s+" ") {
			i, subject = len(s)+1, true
			break
		}
	}
	for _, v := range creditVerbs {
		if !strings.HasPrefix(lower[i:], v.phrase+" ") || !subject && !v.alone {
			continue
		}
		j := i + len(v.phrase) + 1
		for _, p := range creditPrepositions {
			if strings.HasPrefix(lower[j:], p+" ") {
				return v.kind, t[j+len(p)+1:], true
			}
		}
		return "", "", false
	}
	return "", "", false
}

// outletName cleans the named outlet out of the rest of a credit line:
// "  AntiWar.com." → "AntiWar.com"; "The Conversation under a Creative
// Commons license." → "The Conversation".
func outletName(rest string) string {
	s := strings.TrimSpace(rest)
	s = strings.TrimLeft(s, ":-—– ")
	for _, stop := range []string{" under a ", " under the ", " and is republished", " and is reproduced", " and is reprinted",
		" and has been", " and was ", " with permission", ". ", "; ", " | ", " on ", " as part of"} {
		if i := strings.Index(s, stop); i > 0 {
			s = s[:i]
		}
	}
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".,;:!)]»\"' ")
	s = strings.TrimLeft(s, "([«\"' ")
	if strings.HasPrefix(strings.ToLower(s), "the website ") {
		s = s[len("the website "):]
	}
	return strings.TrimSpace(s)
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// wireDateline finds a wire-service dateline at the start of a paragraph,
// "WASHINGTON (Reuters) - " or "(AP) —", and returns the credit and the
// paragraph without the wire's name ("WASHINGTON - …").
func wireDateline(text string) (sayso.Credit, string, bool) {
	// The wire's name follows a place ("SANTA FE, N.M."), a few words at
	// most; a parenthesis further in is inside a sentence.
	open := strings.IndexByte(text, '(')
	if open < 0 || open > 60 {
		return sayso.Credit{}, text, false
	}
	end := strings.IndexByte(text[open:], ')')
	if end < 0 {
		return sayso.Credit{}, text, false
	}
	end += open
	inside := strings.TrimSpace(text[open+1 : end])
	name := ""
	for _, w := range wireServices {
		if inside == w {
			name = w
			break
		}
	}
	if name == "" {
		return sayso.Credit{}, text, false
	}
	// What precedes must look like a place: capitalised words and commas.
	place := strings.TrimSpace(text[:open])
	for _, r := range place {
		if unicode.IsLower(r) && !unicode.IsUpper(r) && !strings.ContainsRune(place, ',') {
			// "Washington" style places are capitalised words; a sentence
			// with lower-case words before the parenthesis is not a dateline.
			if !capitalisedWords(place) {
				return sayso.Credit{}, text, false
			}
			break
		}
	}
	rest := text[end+1:]
	trimmed := strings.TrimLeft(rest, " ")
	dash := false
	for _, d := range []string{"—", "–", "--", "-", ":"} {
		if strings.HasPrefix(trimmed, d) {
			trimmed, dash = trimmed[len(d):], true
			break
		}
	}
	if !dash {
		return sayso.Credit{}, text, false
	}
	cred := sayso.Credit{Kind: sayso.CreditWireDateline, Text: strings.TrimSpace(text[:len(text)-len(trimmed)]), Outlet: name}
	if place == "" {
		return cred, strings.TrimSpace(trimmed), true
	}
	// The place stays: it is where the story happened, part of the lede;
	// only the wire's name is credit.
	return cred, place + " " + strings.TrimSpace(rest), true
}

func capitalisedWords(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// wireSignoff finds a trailing wire credit, "… said. — AP", and returns
// the wire's name.
func wireSignoff(text string) (string, bool) {
	t := strings.TrimRight(text, " .)]")
	for _, w := range wireServices {
		if !strings.HasSuffix(t, w) {
			continue
		}
		before := strings.TrimRight(t[:len(t)-len(w)], " ([")
		if before == "" || strings.HasSuffix(before, "—") || strings.HasSuffix(before, "–") || strings.HasSuffix(before, "--") ||
			strings.HasSuffix(before, " -") || before == "-" {
			return w, true
		}
	}
	return "", false
}

// stripSignoff removes a trailing "— AP" from a paragraph and returns the
// credit.
func stripSignoff(text string) (sayso.Credit, string, bool) {
	w, ok := wireSignoff(text)
	if !ok {
		return sayso.Credit{}, text, false
	}
	t := strings.TrimRight(text, " .)]")
	body := strings.TrimRight(t[:len(t)-len(w)], " ([")
	body = strings.TrimRight(body, "—–- ")
	if body == "" {
		return sayso.Credit{}, text, false
	}
	return sayso.Credit{Kind: sayso.CreditWireSignoff, Text: strings.TrimSpace(text[len(body):]), Outlet: w}, strings.TrimSpace(body), true
}

// looksLikeDate reports whether s is a date or time rather than a name:
// "First published on March 3, 2021" is a date line, not a credit.
func looksLikeDate(s string) bool {
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits >= 4 || strings.Contains(s, ":") && digits >= 2 {
		return true
	}
	lower := strings.ToLower(s)
	for _, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
		"mon", "tue", "wed", "thu", "fri", "sat", "sun", "yesterday", "today"} {
		if strings.HasPrefix(lower, m) && digits > 0 {
			return true
		}
	}
	return false
}

// contributorLine recognises the wire agencies' contributor notes:
// "Reporting by X; Editing by Y", "(Additional reporting by X)",
// "Associated Press writers X and Y contributed to this report." The
// outlet is the agency when the line names one.
func contributorLine(t, lower string) (sayso.Credit, bool) {
	l := strings.TrimLeft(lower, "( ")
	contrib := strings.HasPrefix(l, "reporting by ") || strings.HasPrefix(l, "additional reporting by ") ||
		strings.HasPrefix(l, "editing by ") || strings.HasPrefix(l, "writing by ") ||
		strings.HasSuffix(strings.TrimRight(l, ".) "), "contributed to this report") ||
		strings.HasSuffix(strings.TrimRight(l, ".) "), "contributed reporting")
	if !contrib {
		return sayso.Credit{}, false
	}
	outlet := ""
	for _, w := range wireServices {
		if len(w) > 3 && strings.Contains(t, w) {
			outlet = w
			break
		}
	}
	return sayso.Credit{Kind: sayso.CreditCourtesy, Text: t, Outlet: outlet}, true
}
