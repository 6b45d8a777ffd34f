package urlnorm

import (
	"errors"
	"net/url"
	"path"
	"sort"
	"strings"
)

// trackingParams are query parameters that only tell analytics where a
// reader came from; they never change the page.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "yclid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "_ga": true, "_gl": true,
	"ocid": true, "cmpid": true, "ncid": true, "ito": true, "smid": true,
	"at_medium": true, "at_campaign": true, "at_custom1": true, "at_custom2": true,
	"at_custom3": true, "at_custom4": true, "spm": true, "share": true,
	"ref_src": true, "ref_url": true, "s_cid": true, "cid": false,
}

// isTracking reports whether a query parameter name is a tracking one.
func isTracking(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "utm_") || trackingParams[n]
}

// MaxLen bounds the URLs Normalize accepts; browsers and servers rarely go
// past 8 KiB, and longer strings are not addresses worth keying on.
const MaxLen = 8 << 10

// ErrInvalid is returned for strings that are not absolute URLs.
var ErrInvalid = errors.New("not an absolute URL")

// Normalize returns the canonical form of an absolute http, https or file
// URL. It returns an error wrapping ErrInvalid for any other string: a
// relative or opaque URL, another scheme, no host (for http and https), or
// more than MaxLen bytes.
func Normalize(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if len(raw) > MaxLen {
		return "", errors.Join(ErrInvalid, errors.New("URL too long"))
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", errors.Join(ErrInvalid, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "file" || u.Opaque != "" {
		return "", ErrInvalid
	}
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.Scheme == "http" || u.Scheme == "https" {
		if u.Host == "" {
			return "", ErrInvalid
		}
		host := strings.ToLower(u.Hostname())
		host = strings.TrimRight(host, ".")
		if host == "" {
			return "", ErrInvalid
		}
		port := u.Port()
		if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
			port = ""
		}
		if strings.Contains(host, ":") {
			host = "[" + host + "]"
		}
		if port != "" {
			host += ":" + port
		}
		u.Host = host
		u.Opaque = ""
		p := u.EscapedPath()
		if p == "" {
			p = "/"
		}
		p = normalizeEscapes(p)
		if strings.Contains(p, "/.") {
			trailing := strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..")
			p = path.Clean(p)
			if trailing && p != "/" {
				p += "/"
			}
		}
		if err := setEscapedPath(u, p); err != nil {
			return "", errors.Join(ErrInvalid, err)
		}
	}
	u.RawQuery = normalizeQuery(u.RawQuery)
	u.ForceQuery = false
	out := u.String()
	if len(out) > MaxLen {
		// Escaping can lengthen a string that was just under the bound.
		return "", errors.Join(ErrInvalid, errors.New("URL too long"))
	}
	return out, nil
}

// normalizeQuery drops tracking parameters and sorts the rest by name,
// keeping the order of repeated names (which can matter to servers).
func normalizeQuery(q string) string {
	if q == "" {
		return ""
	}
	parts := strings.FieldsFunc(q, func(r rune) bool { return r == '&' || r == ';' })
	kept := parts[:0]
	for _, p := range parts {
		name := p
		if i := strings.IndexByte(p, '='); i >= 0 {
			name = p[:i]
		}
		if un, err := url.QueryUnescape(name); err == nil {
			name = un
		}
		if name == "" || isTracking(name) {
			continue
		}
		kept = append(kept, strings.ReplaceAll(normalizeEscapes(p), " ", "%20"))
	}
	sort.SliceStable(kept, func(i, j int) bool { return paramName(kept[i]) < paramName(kept[j]) })
	return strings.Join(kept, "&")
}

func paramName(p string) string {
	if i := strings.IndexByte(p, '='); i >= 0 {
		return p[:i]
	}
	return p
}

// normalizeEscapes upper-cases percent-escapes and decodes those of
// unreserved characters (RFC 3986 §6.2.2.2).
func normalizeEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			c := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(c) {
				b.WriteByte(c)
			} else {
				b.WriteByte('%')
				b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			}
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func setEscapedPath(u *url.URL, escaped string) error {
	p, err := url.PathUnescape(escaped)
	if err != nil {
		return err
	}
	u.Path = p
	u.RawPath = escaped
	if u.EscapedPath() != escaped {
		// url chose its own encoding; keep the raw form we computed.
		u.RawPath = ""
	}
	return nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
