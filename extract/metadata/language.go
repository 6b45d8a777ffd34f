package metadata

import (
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/language"
)

// NormalizeLanguage returns the BCP 47 form of a declared language: "en_US"
// becomes "en-US", "EN-gb" becomes "en-GB", "pt-br" becomes "pt-BR". It
// returns "" for values that are not language tags ("", "x-default",
// "und", free text).
func NormalizeLanguage(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ",;"); i >= 0 { // "en-US,en;q=0.9", "de; charset"
		s = strings.TrimSpace(s[:i])
	}
	// Language tags are short; a long value is prose or garbage.
	if s == "" || len(s) > 35 {
		return ""
	}
	s = strings.ReplaceAll(s, "_", "-")
	t, err := language.Parse(s)
	if err != nil {
		return ""
	}
	if t == language.Und {
		return ""
	}
	out := t.String()
	// "und…" is no language; "x-…" is private use ("x-default" in hreflang).
	if strings.HasPrefix(out, "und") || strings.HasPrefix(out, "x-") {
		return ""
	}
	return out
}

// hostName returns the host of u without "www." and port, lower-cased.
func hostName(u *url.URL) string {
	if u == nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// siteFromHost derives a publisher name from the host when the page names
// none: the registrable domain ("edition.cnn.com" → "cnn.com").
func siteFromHost(u *url.URL) string {
	h := hostName(u)
	if h == "" {
		return ""
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(h); err == nil {
		return d
	}
	return h
}
