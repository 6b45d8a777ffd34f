package extract

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// metaScanBytes is how far into a page a <meta charset> is looked for. The
// HTML standard prescans 1024 bytes, but real pages put long scripts and
// styles first; 64 KiB finds their declarations at no real cost.
const metaScanBytes = 64 << 10

// toUTF8 decodes page bytes to UTF-8 and names the encoding it used. The
// order is the HTML standard's: a byte-order mark, then the transport's
// Content-Type charset, then a <meta> declaration, then sniffing (valid
// UTF-8 stays UTF-8; otherwise the legacy encoding whose script the bytes
// decode into, else windows-1252, the web's default). A declared legacy
// charset gives way to UTF-8 when the bytes are plainly UTF-8 (see
// plainlyUTF8). Invalid sequences become U+FFFD.
func toUTF8(b []byte, contentType string) ([]byte, string, error) {
	enc, name := sniffEncoding(b, contentType)
	if enc != nil && !strings.HasPrefix(name, "utf-16") && plainlyUTF8(b) {
		// A page declared in a legacy charset whose bytes are valid UTF-8
		// with many multi-byte characters was re-encoded without its
		// declaration: no legacy text decodes so by chance.
		enc, name = nil, "utf-8"
	}
	if enc == nil || name == "utf-8" {
		b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		if utf8.Valid(b) {
			return repairMojibake(b), "utf-8", nil
		}
		return repairMojibake(bytes.ToValidUTF8(b, []byte("\uFFFD"))), "utf-8", nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	if err != nil {
		return nil, name, fmt.Errorf("decode %s: %w", name, err)
	}
	return repairMojibake(out), name, nil
}

// minUTF8Sequences is how many multi-byte sequences valid UTF-8 must have
// to overrule a declared charset: a handful could be legacy text that
// happens to decode, hundreds cannot.
const minUTF8Sequences = 32

// plainlyUTF8 reports whether b is valid UTF-8 holding at least
// minUTF8Sequences multi-byte characters.
func plainlyUTF8(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	n := 0
	for _, c := range b {
		if c >= 0xC0 {
			if n++; n >= minUTF8Sequences {
				return true
			}
		}
	}
	return false
}

// sniffEncoding determines the encoding of b as toUTF8 describes.
func sniffEncoding(b []byte, contentType string) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		return nil, "utf-8"
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	if contentType != "" {
		if enc, name, certain := charset.DetermineEncoding(nil, contentType); certain && enc != nil {
			return fixUTF16(enc, name)
		}
	}
	head := b
	if len(head) > metaScanBytes {
		head = head[:metaScanBytes]
	}
	if name := metaCharset(head); name != "" {
		if enc, err := htmlindex.Get(name); err == nil {
			canon, _ := htmlindex.Name(enc)
			// A page that declares UTF-16 in a <meta> is read as ASCII-
			// compatible by the standard: it cannot really be UTF-16.
			if canon == "utf-16be" || canon == "utf-16le" {
				return nil, "utf-8"
			}
			return fixUTF16(enc, canon)
		}
	}
	if utf8.Valid(head) || looksUTF8(head) {
		return nil, "utf-8"
	}
	return sniffLegacy(head)
}

func fixUTF16(enc encoding.Encoding, name string) (encoding.Encoding, string) {
	if name == "utf-8" {
		return nil, name
	}
	return enc, name
}

func charsetWindows1252() (encoding.Encoding, string) {
	enc, _ := htmlindex.Get("windows-1252")
	return enc, "windows-1252"
}

// looksUTF8 reports whether b is UTF-8 apart from a sequence cut at its end
// (the scan window may split a character).
func looksUTF8(b []byte) bool {
	for i := 0; i < 4 && len(b) > 0; i++ {
		b = b[:len(b)-1]
		if utf8.Valid(b) {
			return true
		}
	}
	return false
}

// metaCharset finds a charset declared by <meta charset=…> or
// <meta http-equiv="Content-Type" content="…; charset=…"> in head, without
// parsing the document.
func metaCharset(head []byte) string {
	for off := 0; off < len(head); {
		i := bytes.IndexByte(head[off:], '<')
		if i < 0 {
			return ""
		}
		start := off + i + 1
		off = start
		if len(head)-start < 5 || !asciiEqualFold(head[start:start+4], "meta") {
			continue
		}
		end := bytes.IndexByte(head[start:], '>')
		if end < 0 {
			return ""
		}
		tag := bytes.ToLower(head[start+4 : start+end])
		off = start + end
		j := bytes.Index(tag, []byte("charset"))
		if j < 0 {
			continue
		}
		v := tag[j+len("charset"):]
		v = bytes.TrimLeft(v, " \t\r\n")
		if len(v) == 0 || v[0] != '=' {
			continue
		}
		v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
		k := 0
		for k < len(v) && v[k] != '"' && v[k] != '\'' && v[k] != ';' && v[k] != ' ' && v[k] != '/' && v[k] != '\t' && v[k] != '\n' && v[k] != '\r' {
			k++
		}
		if k > 0 {
			return string(v[:k])
		}
	}
	return ""
}

// asciiEqualFold reports whether b equals the lower-case ASCII word s, ignoring case.
func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// minMojibake is how many marks of double-encoded text a page needs before
// it is repaired: one C1 control or "â€" can be a typo, three are a page
// whose UTF-8 was read as Latin-1 and encoded again.
const minMojibake = 3

// cp1252 maps the characters windows-1252 puts at bytes 0x80–0x9F back to
// those bytes.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
	'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
	'–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// repairMojibake undoes double encoding: text that was UTF-8, read as
// Latin-1 or windows-1252 and encoded as UTF-8 again ("âThe fact", "itâ€™s").
// Pages carry it from a CMS that converted twice; C1 control characters and
// "â€" mark it. Each run of characters that are single bytes in those
// charsets is turned back into its bytes, and kept when they are valid
// UTF-8 of fewer characters; other text is left alone. It returns b itself
// when the page shows too few marks.
func repairMojibake(b []byte) []byte {
	marks := bytes.Count(b, []byte("â€"))
	for i := 0; marks < minMojibake; {
		j := bytes.IndexByte(b[i:], 0xC2)
		if j < 0 || i+j+1 >= len(b) {
			break
		}
		i += j + 1
		if b[i] >= 0x80 && b[i] <= 0x9F {
			marks++
		}
	}
	if marks < minMojibake {
		return b
	}
	out := make([]byte, 0, len(b))
	var run []byte // the bytes the current run of single-byte characters stands for
	runStart := 0
	flush := func(end int) {
		if len(run) >= 2 && utf8.Valid(run) && utf8.RuneCount(run) < utf8.RuneCount(b[runStart:end]) {
			out = append(out, run...)
		} else {
			out = append(out, b[runStart:end]...)
		}
		run = run[:0]
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		c, ok := byte(0), false
		switch {
		case r >= 0x80 && r <= 0xFF:
			c, ok = byte(r), true
		case r > 0xFF:
			c, ok = cp1252[r]
		}
		if !ok {
			if len(run) > 0 {
				flush(i)
			}
			out = append(out, b[i:i+size]...)
		} else {
			if len(run) == 0 {
				runStart = i
			}
			run = append(run, c)
		}
		i += size
	}
	if len(run) > 0 {
		flush(len(b))
	}
	return out
}
