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
	emailRE     = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.-]+`)
	handleRE    = regexp.MustCompile(`(^|\s)@\w+`)
	tailCutRE   = regexp.MustCompile(`(?i)\s*(?:\||•|·|/|\(|\[|\bupdated\b|\bpublished\b|\bposted\b|\bactualizado\b|\bpublicado\b|\baktualisiert\b|\bобновлено\b|\bопубликовано\b|\d{1,2}[:.]\d{2}|\d{4}).*$`)
	forOutletRE = regexp.MustCompile(`(?i)\s+(?:for|für|pour|para|per|для|voor)\s+(?:the\s+)?\p{Lu}.*$`)
	// Conjunctions are matched in lower case (and "AND"), so that the
	// initial in "Sarah E. Needleman" is not read as Italian "e".
	splitAuthorRE = regexp.MustCompile(`\s*(?:,|;|&|\+|\b(?:and|AND|And|und|et|y|e|i|и|ja|och|en|ve|si|și|mit|with|With|con|com)\b)\s*`)
	// "Finian Cunningham. Example International": a full stop after a word
	// (not an initial) ends the name.
	sentenceEndRE = regexp.MustCompile(`([\p{L}]{3,})\.\s+\p{Lu}.*$`)
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
	"sport", "sports", "images", "photography", "pictures", "getty", "uncredited",
	// Sections and organisations that bylines name.
	"internacional", "nacional", "international", "national", "local", "world", "politics",
	"política", "economia", "economía", "business", "culture", "cultura", "society", "société",
	"zone", "articles", "group", "jornal", "journal", "newspaper", "gazette", "zeitung", "diario",
	"periódico", "gazeta", "police", "polizei", "policía", "polícia", "ministry", "ministerio",
	"ministère", "department", "office", "university", "universidad", "council", "government",
	"association", "foundation", "inc", "ltd", "llc", "gmbh", "company", "corporation",
	"developed", "designed", "powered", "subscribe", "unsubscribe", "cancel", "follow", "login",
	"redaccion", "ब्यूरो", "डेस्क", "خبرگزاری", "وكالة", "نيوز", "агентство", "служба", "anonymous", "unknown", "guest post", "sponsored", "partner", "publicidad",
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
	"europa press": true, "servimedia": true, "colpisa": true, "notimex": true, "télam": true,
	"telam": true, "prensa latina": true, "sputnik": true, "ap news": true, "kyodo news": true,
	// Bare labels left when a byline names nobody.
	"autor": true, "author": true, "por": true, "by": true, "von": true, "par": true, "redaccion": true,
}

// orgMarkers are parts of organisation names in scripts written without
// spaces (a company, a news site, an editorial desk): never in a person's name.
var orgMarkers = []string{"株式会社", "有限会社", "公司", "新聞社", "通信社", "編集部", "编辑部", "網", "网", "新闻", "ニュース"}

// placeWords start a byline part that names a place or an outlet, not a
// person: "Em São Paulo", "Do UOL", "From Reuters".
var placeWords = map[string]bool{"em": true, "in": true, "do": true, "from": true, "aus": true, "desde": true, "dal": true, "dalla": true, "depuis": true, "из": true}

// cleanAuthors turns raw author values (JSON-LD names, meta content, byline
// text) into people's names: prefixes, emails, roles and trailing dates
// removed, lists split, outlets and wire services dropped. publisher and host
// name the page's outlet, which is never an author either.
func cleanAuthors(raw []string, publisher, host string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		for _, name := range splitByline(r, publisher) {
			if !isPersonName(name, publisher, host) {
				continue
			}
			k := strings.ToLower(name)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, name)
			// Bylines name a handful of people; a longer list is a
			// staff directory or a comment thread.
			if len(out) >= 20 {
				return out
			}
		}
	}
	// As within one byline, a one-word name beside full names is a credit
	// ("Stockpix"), not a person.
	multi := false
	for _, n := range out {
		multi = multi || strings.Contains(n, " ")
	}
	if multi {
		kept := out[:0]
		for _, n := range out {
			if strings.Contains(n, " ") {
				kept = append(kept, n)
			}
		}
		out = kept
	}
	return out
}

// splitByline cleans one byline and splits it into names; publisher, when
// written right after a name, is cut off ("Jane Doe Valley Courier").
func splitByline(s, publisher string) []string {
	s = strings.Join(strings.Fields(s), " ")
	// A byline of several names with roles fits in 300 bytes; more is prose.
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
	s = sentenceEndRE.ReplaceAllString(s, "$1")
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
		p = trimWireSuffix(p)
		p = trimSuffixFold(p, publisher)
		out = append(out, p)
	}
	// A one-word part beside full names is an outlet, a section or a stray
	// word ("Jane Doe, Techline", "Jane Doe Share"), not a person.
	multi := false
	for _, p := range out {
		if len(strings.Fields(p)) > 1 {
			multi = true
		}
	}
	if multi {
		kept := out[:0]
		for _, p := range out {
			if len(strings.Fields(p)) > 1 {
				kept = append(kept, p)
			}
		}
		out = kept
	}
	return out
}

// trimSuffixFold cuts suffix (ignoring case) off the end of p, when a full
// name remains before it.
func trimSuffixFold(p, suffix string) string {
	if suffix == "" || len(suffix) >= len(p) {
		return p
	}
	if strings.EqualFold(p[len(p)-len(suffix):], suffix) && p[len(p)-len(suffix)-1] == ' ' {
		if rest := strings.TrimSpace(p[:len(p)-len(suffix)]); len(strings.Fields(rest)) >= 2 {
			return rest
		}
	}
	return p
}

// trimWireSuffix cuts a wire service's name written after a person's
// without a separator: "Tom Davies Associated Press" → "Tom Davies".
func trimWireSuffix(p string) string {
	l := strings.ToLower(p)
	for w := range wireNames {
		if len(w) > 3 && strings.HasSuffix(l, " "+w) {
			// Only a full name before it: "The Associated Press" stays whole.
			if rest := strings.TrimSpace(p[:len(p)-len(w)-1]); len(strings.Fields(rest)) >= 2 {
				return rest
			}
		}
	}
	return p
}

// nameParticles are the lower-case words names may hold: "Ludwig van
// Beethoven", "Maria da Silva", "Ibn al Haytham".
var nameParticles = map[string]bool{
	"de": true, "da": true, "das": true, "do": true, "dos": true, "del": true, "della": true,
	"di": true, "du": true, "des": true, "van": true, "von": true, "der": true, "den": true,
	"ter": true, "ten": true, "le": true, "la": true, "bin": true, "ibn": true, "al": true,
	"el": true, "y": true, "e": true, "zu": true, "af": true, "av": true, "st.": true, "bint": true,
}

// isRole reports whether p contains a role word as a whole word (so
// "Webster" and "Newsome" stay names).
func isRole(p string) bool {
	l := " " + strings.Join(strings.FieldsFunc(strings.ToLower(p), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '.'
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
	if publisher != "" && (strings.EqualFold(s, publisher) || strings.EqualFold("the "+s, publisher) ||
		n >= 4 && strings.Contains(strings.ToLower(publisher), l)) {
		return false
	}
	for _, m := range orgMarkers {
		if strings.Contains(s, m) {
			return false
		}
	}
	for _, w := range strings.Fields(s) {
		// "CNN Business", "AP Sports": an outlet's initialism in capitals.
		if len(w) >= 2 && strings.ToUpper(w) == w && wireNames[strings.ToLower(w)] {
			return false
		}
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
	// "The Daily Roundup", "The Gadget Shop": an article marks a name of a
	// thing, not of a person.
	if strings.EqualFold(words[0], "the") && len(words) > 1 || placeWords[strings.ToLower(words[0])] {
		return false
	}
	upperStarts := 0
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		for _, r := range w {
			if !(unicode.IsLetter(r) || unicode.IsMark(r) || r == '-' || r == '\'' || r == '’' || r == '.') {
				return false
			}
		}
		switch {
		case unicode.IsUpper(first):
			upperStarts++
		case unicode.IsLower(first) && !nameParticles[strings.ToLower(w)]:
			// Only particles may start lower case: "to the next" is prose.
			return false
		}
	}
	if upperStarts == 0 && hasCase(s) {
		return false
	}
	if len(words) == 1 && strings.ToUpper(s) == s && hasCase(s) {
		return false // "AP", "KXYZTV": a one-word initialism or call sign is an outlet
	}
	if len(words) == 1 && host != "" && len(l) >= 4 && strings.Contains(strings.ReplaceAll(host, "-", ""), l) {
		return false // "Fitclub" on fitclubondemand.example: the site itself
	}
	return true
}

// hasCase reports whether s has letters of a script with case.
func hasCase(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			return true
		}
	}
	return false
}
