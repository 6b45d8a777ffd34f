package extract

import (
	"bytes"
	"strings"
)

// Class and id hints. Authors name their containers after what they hold,
// in English almost everywhere even on pages in other languages, so the
// words in class and id attributes are the strongest general signal of
// boilerplate ("share-bar", "related-posts", "cookie-consent") and of the
// article ("article-body", "entry-content").

// hint weights: negative for boilerplate, positive for content.
const (
	hintStrongNeg = -3 // almost never article text (comments, consent, share bars)
	hintNeg       = -2 // usually not article text (sidebar, related, promo)
	hintWeakNeg   = -1 // often not (meta, tags, byline)
	hintPos       = 2  // usually the article (article, content, story)
	hintStrongPos = 3  // the article body itself (article-body, entry-content)
)

// tokenHints maps a whole class/id word (split on non-letters) to a weight.
var tokenHints = map[string]int8{
	// boilerplate, strongly
	"comment": hintStrongNeg, "comments": hintStrongNeg, "disqus": hintStrongNeg, "respond": hintStrongNeg,
	"share": hintStrongNeg, "sharing": hintStrongNeg, "shares": hintStrongNeg, "social": hintStrongNeg,
	"cookie": hintStrongNeg, "cookies": hintStrongNeg, "consent": hintStrongNeg, "gdpr": hintStrongNeg,
	"newsletter": hintStrongNeg, "subscribe": hintStrongNeg, "subscription": hintStrongNeg, "signup": hintStrongNeg,
	"ad": hintStrongNeg, "ads": hintStrongNeg, "advert": hintStrongNeg, "advertisement": hintStrongNeg,
	"adslot": hintStrongNeg, "dfp": hintStrongNeg, "gpt": hintStrongNeg, "sponsored": hintStrongNeg,
	"outbrain": hintStrongNeg, "taboola": hintStrongNeg, "popup": hintStrongNeg, "modal": hintStrongNeg,
	"breadcrumb": hintStrongNeg, "breadcrumbs": hintStrongNeg, "skip": hintStrongNeg, "sronly": hintStrongNeg,
	"login": hintStrongNeg, "signin": hintStrongNeg, "captcha": hintStrongNeg,
	"rollover": hintStrongNeg, "hovercard": hintStrongNeg, "popover": hintStrongNeg, "tooltip": hintStrongNeg,
	"screenreadertext": hintStrongNeg, "visuallyhidden": hintStrongNeg, "srtext": hintStrongNeg,
	// boilerplate, usually
	"gallery": hintNeg, "slideshow": hintNeg, "carousel": hintNeg, "lightbox": hintNeg, "slider": hintNeg,
	"sidebar": hintNeg, "aside": hintNeg, "widget": hintNeg, "widgets": hintNeg, "related": hintNeg,
	"recommended": hintNeg, "recommend": hintNeg, "recommendations": hintNeg, "trending": hintNeg,
	"popular": hintNeg, "promo": hintNeg, "promotion": hintNeg, "footer": hintNeg, "nav": hintNeg,
	"navbar": hintNeg, "navigation": hintNeg, "menu": hintNeg, "masthead": hintNeg, "banner": hintNeg,
	"toolbar": hintNeg, "tools": hintNeg, "pagination": hintNeg, "pager": hintNeg, "sponsor": hintNeg,
	"partner": hintNeg, "follow": hintNeg, "rating": hintNeg, "print": hintNeg, "overlay": hintNeg,
	"cta": hintNeg, "upsell": hintNeg, "teaser": hintNeg, "teasers": hintNeg, "more": hintNeg, "readmore": hintNeg, "newsletters": hintNeg,
	"hidden": hintNeg, "mostread": hintNeg, "mostpopular": hintNeg,
	"disclaimer": hintNeg, "disclosure": hintNeg,
	// boilerplate, often
	"meta": hintWeakNeg, "byline": hintWeakNeg, "author": hintWeakNeg, "tags": hintWeakNeg, "tag": hintWeakNeg,
	"topics": hintWeakNeg, "caption": hintWeakNeg, "credit": hintWeakNeg, "credits": hintWeakNeg,
	"header": hintWeakNeg, "dateline": hintWeakNeg, "timestamp": hintWeakNeg, "date": hintWeakNeg,
	"headline": hintWeakNeg, "title": hintWeakNeg, "bio": hintWeakNeg,
	// the article; embedded posts ("social-media-embed", "twitter-tweet")
	// are quoted material the article shows, not share buttons.
	"embed": hintStrongPos, "embedded": hintStrongPos,
	"article": hintPos, "content": hintPos, "entry": hintPos, "post": hintPos, "story": hintPos,
	"main": hintPos, "body": hintPos, "text": hintPos, "blog": hintPos, "prose": hintPos, "richtext": hintPos,
	"articlebody": hintStrongPos, "storybody": hintStrongPos, "postbody": hintStrongPos,
	"entrycontent": hintStrongPos, "postcontent": hintStrongPos, "articlecontent": hintStrongPos,
	"articletext": hintStrongPos, "storytext": hintStrongPos, "storycontent": hintStrongPos,
	"bodytext": hintStrongPos,
}

// substringHints catch compound words ("sharebar", "socialIcons",
// "relatedArticles") that whole-word lookup misses. Only words long and
// distinctive enough not to occur inside innocent words are listed.
var substringHints = []struct {
	sub []byte
	w   int8
}{
	{[]byte("comment"), hintStrongNeg}, {[]byte("share"), hintStrongNeg}, {[]byte("social"), hintStrongNeg}, {[]byte("cookie"), hintStrongNeg},
	{[]byte("consent"), hintStrongNeg}, {[]byte("newsletter"), hintStrongNeg}, {[]byte("subscri"), hintStrongNeg}, {[]byte("advert"), hintStrongNeg},
	{[]byte("outbrain"), hintStrongNeg}, {[]byte("taboola"), hintStrongNeg}, {[]byte("breadcrumb"), hintStrongNeg}, {[]byte("popup"), hintStrongNeg},
	{[]byte("sidebar"), hintNeg}, {[]byte("related"), hintNeg}, {[]byte("recommend"), hintNeg}, {[]byte("trending"), hintNeg}, {[]byte("promo"), hintNeg},
	{[]byte("footer"), hintNeg}, {[]byte("caption"), hintNeg}, {[]byte("navigation"), hintNeg}, {[]byte("sponsor"), hintNeg}, {[]byte("widget"), hintNeg}, {[]byte("mostread"), hintNeg},
	{[]byte("articlebody"), hintStrongPos}, {[]byte("storybody"), hintStrongPos}, {[]byte("postbody"), hintStrongPos},
	{[]byte("entrycontent"), hintStrongPos}, {[]byte("postcontent"), hintStrongPos}, {[]byte("articlecontent"), hintStrongPos},
	{[]byte("articletext"), hintStrongPos}, {[]byte("bodytext"), hintStrongPos}, {[]byte("storytext"), hintStrongPos},
}

// hinter scores class and id words.
type hinter struct{}

// substringStarts lists, by first byte, the substringHints starting with it.
var substringStarts [256][]int

func init() {
	for i, sh := range substringHints {
		substringStarts[sh.sub[0]] = append(substringStarts[sh.sub[0]], i)
	}
}

// substringHint returns the most negative and most positive weights of the
// substringHints that w contains, in one pass over w.
func substringHint(w []byte) (r [2]int8) {
	for i, c := range w {
		for _, k := range substringStarts[c] {
			if sh := &substringHints[k]; bytes.HasPrefix(w[i:], sh.sub) && !commentary(w[i:]) {
				r[0], r[1] = minNeg(r[0], sh.w), maxPos(r[1], sh.w)
			}
		}
	}
	return r
}

// hint scores an element's class and id words. It returns the most
// negative and the most positive weight found, so callers can tell "both"
// (an "article-comments" box) from "neither".
func (h *hinter) hint(class, id string) (neg, pos int8) {
	if class == "" && id == "" {
		return 0, 0
	}
	word := func(w []byte) {
		if len(w) < 2 {
			return
		}
		if v, ok := tokenHints[string(w)]; ok {
			neg, pos = minNeg(neg, v), maxPos(pos, v)
			return
		}
		if len(w) < 6 {
			return
		}
		r := substringHint(w)
		neg, pos = minNeg(neg, r[0]), maxPos(pos, r[1])
	}
	var buf [64]byte
	name := func(s string) {
		if stateClass(s) {
			return
		}
		s = dropHexRuns(s)
		joined := buf[:0]
		start := -1
		for i := 0; i <= len(s); i++ {
			if i < len(s) {
				c := s[i]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				if c >= 'a' && c <= 'z' {
					joined = append(joined, c)
					if start < 0 {
						start = len(joined) - 1
					}
					continue
				}
			}
			if start >= 0 {
				word(joined[start:])
				start = -1
			}
		}
		// The hyphenated parts joined form one more word
		// ("article-body" → "articlebody").
		if len(joined) >= 6 {
			word(joined)
		}
	}
	for _, f := range strings.Fields(class) {
		name(f)
	}
	if id != "" {
		name(id)
	}
	return neg, pos
}

// dropHexRuns blanks the parts of a class or id name that are hexadecimal
// identifiers ("block-ddd261f2-56d7-4daf-ad66", "elementor-element-5ad3f1"):
// split at their digits they would read as words ("ad", "daf") that no one
// wrote. A part of four characters or more made of digits and the letters
// a to f, with at least one of each, is such an identifier.
func dropHexRuns(s string) string {
	var out []byte
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isAlnumByte(s[i]) {
			continue
		}
		if i-start >= 4 && hexIdentifier(s[start:i]) {
			if out == nil {
				out = []byte(s)
			}
			for k := start; k < i; k++ {
				out[k] = '-'
			}
		}
		start = i + 1
	}
	if out == nil {
		return s
	}
	return string(out)
}

func isAlnumByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// hexIdentifier reports whether s is made of hexadecimal digits only, with
// at least one decimal digit and one letter.
func hexIdentifier(s string) bool {
	digit, letter := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F':
			letter = true
		default:
			return false
		}
	}
	return digit && letter
}

// stateClass reports whether a class name describes a state, a feature
// flag or a style ("has-comments", "modal-enabled", "no-sidebar",
// "overflow-hidden") rather than what the element is: such names say
// nothing about the element's content.
func stateClass(s string) bool {
	s = strings.ToLower(s)
	for _, p := range []string{"has-", "has_", "no-", "no_", "with-", "is-", "show-", "hide-", "overflow-", "overflow_"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	for _, p := range []string{"-enabled", "-disabled", "-open", "-active", "-closed", "-visible", "_enabled", "-loaded"} {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

func minNeg(a, v int8) int8 {
	if v < a {
		return v
	}
	return a
}

func maxPos(a, v int8) int8 {
	if v > a {
		return v
	}
	return a
}

// commentary reports whether w starts with "commentary": an opinion
// piece ("article-type-commentary"), not a comment thread.
func commentary(w []byte) bool { return bytes.HasPrefix(w, []byte("commentary")) }

// commentName reports whether a class or id names a comment thread.
func commentName(s string) bool {
	s = strings.ReplaceAll(strings.ToLower(s), "commentary", "")
	for _, w := range []string{"comment", "disqus", "respond", "reply", "replies", "discussion"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// bioName reports whether a class or id names an author box ("author-bio",
// "about-the-author", "author-box"): what it holds is about the writer.
func bioName(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "author") && (strings.Contains(s, "bio") || strings.Contains(s, "box") || strings.Contains(s, "about") ||
		strings.Contains(s, "info") || strings.Contains(s, "profile") || strings.Contains(s, "card") || strings.Contains(s, "description"))
}
