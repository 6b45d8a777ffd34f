package metadata

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Bounds on JSON-LD reading.
const (
	// maxJSONDepth bounds how deep objects are followed: schema.org data
	// nests a handful of levels (graph → article → author → address).
	maxJSONDepth = 24
	// maxJSONObjects bounds the objects read from one page; a product
	// listing may have hundreds, an article page a dozen.
	maxJSONObjects = 2000
)

// ldKind classifies a schema.org type by how much its dates and names say
// about the page's article.
type ldKind int

const (
	ldOther   ldKind = iota
	ldArticle        // the Article family: the page's article itself
	ldPage           // WebPage and its kinds: the page, often the article's page
	ldMedia          // VideoObject, AudioObject…: a video page's main item
	ldOrg            // Organization, NewsMediaOrganization: a publisher
	ldSite           // WebSite: the site, whose name is the publisher
	ldPerson         // Person
)

// articleTypes are the schema.org types of the Article family (lower-cased).
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "backgroundnewsarticle": true, "reviewnewsarticle": true,
	"askpublicnewsarticle": true, "blogposting": true, "liveblogposting": true,
	"socialmediaposting": true, "report": true, "scholarlyarticle": true, "techarticle": true,
	"satiricalarticle": true, "advertisercontentarticle": true, "discussionforumposting": true,
	"medicalscholarlyarticle": true, "apireference": true, "posting": true,
	"creativework": true,
}

var pageTypes = map[string]bool{
	"webpage": true, "itempage": true, "aboutpage": true, "profilepage": true,
	"qapage": true, "faqpage": true, "medicalwebpage": true, "realestatelisting": true,
}

var mediaTypes = map[string]bool{
	"videoobject": true, "audioobject": true, "mediaobject": true, "imagegallery": true,
	"podcastepisode": true, "clip": true, "episode": true, "mediagallery": true,
}

var orgTypes = map[string]bool{
	"organization": true, "newsmediaorganization": true, "corporation": true,
	"localbusiness": true, "ngo": true, "governmentorganization": true,
	"educationalorganization": true, "brand": true,
}

// ldObject is one schema.org object found in JSON-LD, reduced to what
// metadata reads.
type ldObject struct {
	typ  string // the first type, as written
	kind ldKind
	m    map[string]any
}

// parseJSONLD decodes one JSON-LD script and returns the schema.org objects
// it holds, outermost first, following arrays, @graph and nested values.
// Malformed JSON is repaired where the damage is common (raw control
// characters in strings, trailing commas, HTML comment wrappers); what
// cannot be repaired yields nothing.
func parseJSONLD(script string) []ldObject {
	data := cleanJSON(script)
	if len(data) == 0 {
		return nil
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		v = decodeLenient(repairJSON(data))
	}
	var out []ldObject
	collectLD(v, 0, &out)
	return out
}

// decodeLenient decodes the values at the start of data one after another,
// keeping what decoded before the first error: a stray closing brace or
// trailing garbage after a complete object loses nothing.
func decodeLenient(data []byte) any {
	dec := json.NewDecoder(bytes.NewReader(data))
	var vals []any
	for len(vals) < maxScripts {
		var v any
		if err := dec.Decode(&v); err != nil {
			break
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return nil
	}
	return vals
}

func cleanJSON(s string) []byte {
	s = strings.TrimSpace(s)
	for _, p := range []string{"<!--", "//<![CDATA[", "<![CDATA["} {
		s = strings.TrimPrefix(s, p)
	}
	for _, p := range []string{"-->", "//]]>", "]]>"} {
		s = strings.TrimSuffix(s, p)
	}
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, ";")
	return []byte(s)
}

// repairJSON fixes the commonest damage in hand-written JSON-LD: raw
// newlines and tabs inside strings, and commas before a closing bracket.
func repairJSON(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data))
	inString, escaped := false, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			case c < 0x20:
				b.WriteByte(' ')
				continue
			}
			b.WriteByte(c)
			continue
		}
		switch c {
		case '"':
			inString = true
		case ',':
			// Drop a comma whose next non-space byte closes an object or array.
			j := i + 1
			for j < len(data) && (data[j] == ' ' || data[j] == '\n' || data[j] == '\r' || data[j] == '\t') {
				j++
			}
			if j < len(data) && (data[j] == '}' || data[j] == ']') {
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.Bytes()
}

func collectLD(v any, depth int, out *[]ldObject) {
	if depth > maxJSONDepth || len(*out) >= maxJSONObjects {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectLD(e, depth+1, out)
		}
	case map[string]any:
		if typ, kind, ok := ldType(x); ok {
			*out = append(*out, ldObject{typ: typ, kind: kind, m: x})
		}
		if g, ok := x["@graph"]; ok {
			collectLD(g, depth+1, out)
		}
		// A WebPage's mainEntity holds the article on some pages. Lists
		// (itemListElement, blogPost) are not followed: their articles are
		// other pages'.
		for _, k := range []string{"mainEntity", "mainEntityOfPage"} {
			if e, ok := x[k]; ok {
				collectLD(e, depth+1, out)
			}
		}
	}
}

// ldType returns the object's first type and its kind; an object's most
// specific kind wins when it lists several types.
func ldType(m map[string]any) (string, ldKind, bool) {
	var types []string
	switch t := m["@type"].(type) {
	case string:
		types = []string{t}
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				types = append(types, s)
			}
		}
	}
	if len(types) == 0 {
		return "", ldOther, false
	}
	best := ldOther
	for _, t := range types {
		k := kindOf(t)
		if best == ldOther || (k != ldOther && k < best) {
			best = k
		}
	}
	return types[0], best, true
}

func kindOf(t string) ldKind {
	t = strings.ToLower(t)
	if i := strings.LastIndexAny(t, "/:#"); i >= 0 { // "http://schema.org/NewsArticle", "schema:NewsArticle"
		t = t[i+1:]
	}
	switch {
	case articleTypes[t]:
		return ldArticle
	case pageTypes[t]:
		return ldPage
	case mediaTypes[t]:
		return ldMedia
	case orgTypes[t]:
		return ldOrg
	case t == "website":
		return ldSite
	case t == "person":
		return ldPerson
	}
	return ldOther
}

// ldString returns a property's text: a string, the first string of an
// array, or the @value, name or @id of an object, as fits the property.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"@value", "name", "url", "@id"} {
			if s, ok := x[k].(string); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// ldStrings returns every text of a property that may be a list: an array,
// or a comma-separated string when split is true.
func ldStrings(v any, split bool) []string {
	var out []string
	switch x := v.(type) {
	case string:
		if split {
			for _, p := range strings.Split(x, ",") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
		} else if s := strings.TrimSpace(x); s != "" {
			out = append(out, s)
		}
	case []any:
		for _, e := range x {
			if len(out) >= 100 {
				break
			}
			out = append(out, ldStrings(e, split)...)
		}
	case map[string]any:
		if s := ldString(x); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ldNames returns the names in an author or publisher value: strings,
// objects with a name (or givenName and familyName), and arrays of those.
func ldNames(v any, depth int) []string {
	if depth > 4 {
		return nil
	}
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range x {
			if len(out) >= 50 {
				break
			}
			out = append(out, ldNames(e, depth+1)...)
		}
		return out
	case map[string]any:
		if s, ok := x["name"].(string); ok && strings.TrimSpace(s) != "" {
			return []string{strings.TrimSpace(s)}
		}
		if n, ok := x["name"]; ok {
			if names := ldNames(n, depth+1); len(names) > 0 {
				return names[:1]
			}
		}
		g, _ := x["givenName"].(string)
		f, _ := x["familyName"].(string)
		if s := strings.TrimSpace(g + " " + f); s != "" {
			return []string{s}
		}
	}
	return nil
}

// ldBody cleans an articleBody: markup some sites leave in it removed,
// character references decoded, cut to MaxBodyBytes.
func ldBody(s string) string {
	if len(s) > MaxBodyBytes {
		s = truncateUTF8(s, MaxBodyBytes)
	}
	if strings.ContainsRune(s, '<') {
		var b strings.Builder
		z := html.NewTokenizer(strings.NewReader(s))
		for {
			switch z.Next() {
			case html.ErrorToken:
				s = b.String()
				return strings.TrimSpace(s)
			case html.TextToken:
				b.Write(z.Text())
			case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
				if name, _ := z.TagName(); len(name) == 1 && name[0] == 'p' || string(name) == "br" || string(name) == "div" {
					b.WriteString("\n")
				} else {
					b.WriteByte(' ')
				}
			}
		}
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return strings.TrimSpace(s)
}
