package metadata

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bylinePrefixRE matches the word that introduces a byline, in the main
// languages of the news: "By", "Por", "Von", "Par", "Di", "Door", "Av",
// "Autor:", "Автор:", "Written by"…
var bylinePrefixRE = regexp.MustCompile(`(?i)^(?:(?:written|posted|reported|words|text|story|photos?)\s+by|by|from|por|von|par|di|door|av|af|przez|autor(?:es|a|ka|en|in)?|author(?:s)?|auteur|autore|redactor|texto|text|tekst|szerző|yazar|muhabir|piše|pisze|автор(?:ы)?|текст|написал[аи]?|작성자|기자|記者|文)\s*[:：\-–—|]?\s+`)

// Author values often carry more than the name: a role after a comma or a
// dash, an email, a date after a bar, "for The Outlet". These patterns cut
// them off.
var (
	emailRE       = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.-]+`)
	handleRE      = regexp.MustCompile(`(^|\s)@\w+`)
	tailCutRE     = regexp.MustCompile(`(?i)\s*(?:\||•|·|/|\(|\[|\bupdated\b|\bpublished\b|\bposted\b|\bactualizado\b|\bpublicado\b|\baktualisiert\b|\bобновлено\b|\bопубликовано\b|\d{1,2}[:.]\d{2}|\d{4}).*$`)
	forOutletRE   = regexp.MustCompile(`(?i)\s+(?:for|für|pour|para|per|для|voor)\s+(?:the\s+)?\p{Lu}.*$`)
	splitAuthorRE = regexp.MustCompile(`(?i)\s*(?:,|;|&|\+|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bи\b|\bja\b|\boch\b|\ben\b|\bve\b|\bsi\b|\bși\b|\bmit\b|\bwith\b|\bcon\b|\bcom\b)\s*`)
)

// roleWords mark a part of a byline that is a role or a title, not a name:
// "Staff Writer", "Senior Correspondent", "Redakteurin".
var roleWords = []string{
	"staff", "writer", "reporter", "correspondent", "editor", "columnist", "contributor",
	"journalist", "producer", "photographer", "analyst", "bureau", "chief", "senior",
	"contributing", "special to", "guest", "opinion", "desk", "newsroom", "team", "redaktion",
	"redakteur", "redacción", "redação", "rédaction", "redazione", "redactie", "redakcja",
	"редакция", "редакція", "корреспондент", "кореспондент", "журналист", "корр.",
	"editorial", "board", "admin", "administrator", "webmaster", "press release",
	"agencies", "agency", "agencia", "agência", "agenzia", "agentur", "wire", "services",
	"staff reports", "news service", "online", "digital", "web", "multimedia", "media",
	"news", "noticias", "notícias", "nachrichten", "novosti", "новости", "haber",
	"uncredited", "anonymous", "unknown", "guest post", "sponsored", "partner", "publicidad",
}

// wireNames are news agencies and generic credits that bylines name instead
// of people ("By AP", "Reuters Staff"). They are outlets: never authors.
var wireNames = map[string]bool{
	"ap": true, "associated press": true, "the associated press": true, "reuters": true,
	"afp": true, "agence france-presse": true, "agence france presse": true, "dpa": true,
	"upi": true, "united press international": true, "bloomberg": true, "pa": true,
	"press association": true, "pa media": true, "ansa": true, "efe": true, "xinhua": true,
	"tass": true, "ria novosti": true, "interfax": true, "anadolu": true, "anadolu agency": true,
	"aa": true, "dha": true, "iha": true, "kyodo": true, "yonhap": true, "cnn": true, "bbc": true,
	"apa": true, "sda": true, "ats": true, "belga": true, "anp": true, "ntb": true, "tt": true,
	"ritzau": true, "stt": true, "ctk": true, "čtk": true, "pap": true, "mti": true, "hina": true,
	"tanjug": true, "beta": true, "fena": true, "mina": true, "bta": true, "agerpres": true,
	"lusa": true, "abr": true, "agência brasil": true, "estadão conteúdo": true,
	"folhapress": true, "ukrinform": true, "unian": true, "interfax-ukraine": true, "ria": true,
	"риа новости": true, "тасс": true, "интерфакс": true, "укрінформ": true, "уніан": true,
	"pti": true, "ians": true, "ani": true, "bernama": true, "antara": true, "aap": true,
	"cp": true, "the canadian press": true, "canadian press": true, "ani news": true,
	"wire": true, "wires": true, "staff": true, "admin": true, "editor": true, "editors": true,
	"news desk": true, "newsdesk": true, "web desk": true, "online desk": true,
	"editorial board": true, "the editorial board": true, "redaktion": true, "redacción": true,
	"redação": true, "rédaction": true, "redazione": true, "redactie": true, "redakcja": true,
	"редакция": true, "редакція": true, "guest": true, "guest author": true, "anonymous": true,
}

// cleanAuthors turns raw author values (JSON-LD names, meta content, byline
// text) into people's names: prefixes, emails, roles and trailing dates
// removed, lists split, outlets and wire services dropped. publisher and host
// name the page's outlet, which is never an author either.
func cleanAuthors(raw []string, publisher, host string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		for _, name := range splitByline(r) {
			if !isPersonName(name, publisher, host) {
				continue
			}
			k := strings.ToLower(name)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, name)
			if len(out) >= 20 {
				return out
			}
		}
	}
	return out
}

// splitByline cleans one byline and splits it into names.
func splitByline(s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		return nil
	}
	s = emailRE.ReplaceAllString(s, " ")
	s = handleRE.ReplaceAllString(s, " ")
	for i := 0; i < 2; i++ {
		s = bylinePrefixRE.ReplaceAllString(strings.TrimSpace(s), "")
	}
	s = tailCutRE.ReplaceAllString(s, "")
	s = forOutletRE.ReplaceAllString(s, "")
	var out []string
	parts := splitAuthorRE.Split(s, -1)
	for i, p := range parts {
		p = strings.Trim(p, " -–—:.·•|\"'“”«»()")
		if p == "" {
			continue
		}
		// "Jane Doe, Staff Writer": a role after a comma belongs to the
		// name before it, and is dropped.
		if i > 0 && isRole(p) {
			continue
		}
		// "Jane Doe - Senior Correspondent"
		if j := strings.IndexAny(p, "–—"); j > 0 {
			p = strings.TrimSpace(p[:j])
		} else if j := strings.Index(p, " - "); j > 0 {
			p = strings.TrimSpace(p[:j])
		}
		out = append(out, p)
	}
	return out
}

// isRole reports whether p contains a role word as a whole word (so
// "Webster" and "Newsome" stay names).
func isRole(p string) bool {
	l := " " + strings.Join(strings.FieldsFunc(strings.ToLower(p), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '.'
	}), " ") + " "
	for _, w := range roleWords {
		if strings.Contains(l, " "+w+" ") {
			return true
		}
	}
	return false
}

// isPersonName reports whether s reads as a person's name: one to five
// words, letters only (with hyphens, apostrophes and initials), capitalised
// in scripts that have case, and neither a wire service, a role nor the
// outlet itself.
func isPersonName(s, publisher, host string) bool {
	n := utf8.RuneCountInString(s)
	// Names are at least two letters ("Li") and rarely over 60 ("Maria
	// Fernanda de los Santos Rodríguez-Iglesias" is 46).
	if n < 2 || n > 60 {
		return false
	}
	l := strings.ToLower(s)
	if wireNames[l] || isRole(s) {
		return false
	}
	if strings.Contains(l, "http") || strings.Contains(l, "www.") || strings.Contains(l, ".com") {
		return false
	}
	if publisher != "" && strings.EqualFold(s, publisher) {
		return false
	}
	if host != "" {
		h := strings.ToLower(strings.TrimPrefix(host, "www."))
		squashed := strings.ReplaceAll(l, " ", "")
		if squashed == h || (len(squashed) >= 4 && strings.HasPrefix(h, squashed+".")) {
			return false
		}
	}
	words := strings.Fields(s)
	// Five words covers "Maria Fernanda de los Santos"; more is a sentence.
	if len(words) > 5 {
		return false
	}
	cased, upperStarts := 0, 0
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		for _, r := range w {
			if !(unicode.IsLetter(r) || unicode.IsMark(r) || r == '-' || r == '\'' || r == '’' || r == '.') {
				return false
			}
		}
		if unicode.IsUpper(first) || unicode.IsLower(first) {
			cased++
			if unicode.IsUpper(first) {
				upperStarts++
			}
		}
	}
	if cased > 0 {
		// Particles ("de", "van", "bin") may be lower case; the name itself
		// starts upper case, and a single lower-case word is a handle or a word.
		if upperStarts == 0 || (len(words) == 1 && upperStarts == 0) {
			return false
		}
		if strings.ToUpper(s) == s && len(words) == 1 && n <= 5 {
			return false // "AP", "AFP", "NYT": initialisms are outlets
		}
	}
	return true
}
