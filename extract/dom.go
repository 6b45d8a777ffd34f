package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hidden reports whether n is hidden from readers by markup: the hidden
// attribute, aria-hidden, or an inline display:none / visibility:hidden.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			if !streamedSegment(n) && !disclosurePanel(n) {
				return true
			}
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			if strings.Contains(a.Val, "none") || strings.Contains(a.Val, "hidden") {
				s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
				if (strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")) && !disclosurePanel(n) {
					return true
				}
			}
		}
	}
	return false
}

// panelWords name the panels of accordions and tabs in class names.
var panelWords = []string{"accordion", "collapse", "tab-pane", "tabpanel", "tab-content", "faq"}

// disclosurePanel reports whether n is the closed panel of an accordion or
// a tab: text a reader opens with a click, part of the article (a recipe's
// steps, a guide's answers), hidden only until then. ARIA names it (role
// tabpanel or region, aria-labelledby its header), or its class does.
func disclosurePanel(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			if a.Val == "tabpanel" || a.Val == "region" {
				return true
			}
		case "aria-labelledby":
			return true
		case "class":
			c := strings.ToLower(a.Val)
			for _, w := range panelWords {
				if strings.Contains(c, w) && !strings.Contains(c, "nav") && !strings.Contains(c, "menu") {
					return true
				}
			}
		}
	}
	return false
}

// nodeText returns n's text with white space collapsed, stopping after
// about limit bytes.
func nodeText(n *html.Node, limit int) string {
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if b.Len() > limit || depth > 64 {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch, depth+1)
		}
	}
	walk(n, 0)
	return strings.Join(strings.Fields(b.String()), " ")
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xA0, 0x200B, 0xFEFF, 0x2028, 0x2029, 0x3000:
		return true
	}
	return r > 0x2000 && r <= 0x200A || r == 0x202F || r == 0x205F || r == 0x85 || r == 0x1680
}

func isLetterOrDigit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// streamedSegment reports whether n is a segment of a page rendered by
// streaming (React's server rendering): the server sends the content of a
// late part of the page in <div hidden id="S:0"> (ids count in base 32:
// "S:1a"), and a script moves it in
// place of its <template id="B:0"> placeholder. Readers see it; it is
// hidden only until the script runs.
func streamedSegment(n *html.Node) bool {
	if n.DataAtom != atom.Div {
		return false
	}
	id := attr(n, "id")
	if len(id) < 3 || id[0] != 'S' || id[1] != ':' {
		return false
	}
	for _, c := range id[2:] {
		if (c < '0' || c > '9') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}
