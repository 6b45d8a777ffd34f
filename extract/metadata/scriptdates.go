package metadata

import "strings"

// Inline scripts carry dates the markup does not show: a data layer's
// "publishDate", an app's state with "datePublished", a component's JSON
// props. They are read by key, after the structured metadata and before the
// visible page.

// maxScriptScan bounds the script text searched for dated keys on one page:
// the keys sit in the page's own data, near the start of its scripts; a
// framework's megabytes of state need not be searched whole.
const maxScriptScan = 512 << 10

// maxScriptDates bounds the dated keys kept for one page.
const maxScriptDates = 16

// scriptDate is a date value found under a key in a script.
type scriptDate struct {
	key, value string
	modified   bool
}

// scriptKeys are the keys scripts name publication and modification dates
// by, lower-cased; each holds the anchor ("ublish" or "odified") searched
// for.
var scriptKeys = map[string]bool{
	"datepublished": false, "publishdate": false, "publisheddate": false, "publishedat": false,
	"published_at": false, "date_published": false, "publish_date": false, "published_date": false,
	"first_published_at": false, "firstpublisheddate": false, "publishedtime": false, "publishtime": false,
	"datemodified": true, "modifieddate": true, "lastmodified": true, "modified_at": true, "date_modified": true,
}

// scriptDates records the dated keys of a script's text.
func (w *walker) scriptDates(text string) {
	if w.p.scriptScanned >= maxScriptScan {
		return
	}
	if rest := maxScriptScan - w.p.scriptScanned; len(text) > rest {
		text = text[:rest]
	}
	w.p.scriptScanned += len(text)
	for _, anchor := range []string{"ublish", "odified"} {
		for off := 0; off < len(text) && len(w.p.scriptDates) < maxScriptDates; {
			i := strings.Index(text[off:], anchor)
			if i < 0 {
				break
			}
			i += off
			off = i + len(anchor)
			key, value, ok := quotedKeyValue(text, i)
			if !ok {
				continue
			}
			modified, known := scriptKeys[strings.ToLower(key)]
			if !known || w.hasScriptKey(key) {
				continue
			}
			w.p.scriptDates = append(w.p.scriptDates, scriptDate{key: key, value: value, modified: modified})
		}
	}
}

func (w *walker) hasScriptKey(key string) bool {
	for _, d := range w.p.scriptDates {
		if d.key == key {
			return true
		}
	}
	return false
}

// quotedKeyValue reads the JSON member around position i of text: a key
// in double quotes holding i, a colon, and a string value of plausible date
// length. JSON escaped inside a script's string (\"datePublished\":\"…\")
// is read too. It reports false when the text there is not such a member.
func quotedKeyValue(text string, i int) (key, value string, ok bool) {
	from := max(0, i-24)
	start := strings.LastIndexByte(text[from:i], '"')
	if start < 0 {
		return "", "", false
	}
	start += from + 1
	end := strings.IndexByte(text[i:min(len(text), i+24)], '"')
	if end < 0 {
		return "", "", false
	}
	end += i
	key = strings.TrimSuffix(text[start:end], `\`)
	for _, c := range key {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
			return "", "", false
		}
	}
	rest := strings.TrimLeft(text[end+1:], " \t")
	if !strings.HasPrefix(rest, ":") {
		return "", "", false
	}
	rest = strings.TrimLeft(rest[1:], " \t")
	rest = strings.TrimPrefix(rest, `\`)
	if !strings.HasPrefix(rest, `"`) {
		return "", "", false
	}
	rest = rest[1:]
	q := strings.IndexByte(rest[:min(len(rest), 48)], '"')
	if q < 8 {
		return "", "", false
	}
	return key, strings.TrimSuffix(rest[:q], `\`), true
}

// maxAttrDates bounds the dated data- attributes kept: the article's come
// first; a calendar or a list has dozens.
const maxAttrDates = 4

// attrDate is a data- attribute named as a date, and the line it sits at.
type attrDate struct {
	key, value string
	line       int
}

// dateAttr reports whether a data- attribute's name says it holds a date
// ("data-date", "data-publish-time", "data-deploy-dt").
func dateAttr(key string) bool {
	if !strings.HasPrefix(key, "data-") {
		return false
	}
	k := key[len("data-"):]
	return strings.Contains(k, "date") || strings.Contains(k, "publish") || strings.HasSuffix(k, "-dt") ||
		strings.Contains(k, "time") && !strings.Contains(k, "timeout") && !strings.Contains(k, "times")
}
