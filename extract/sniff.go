package extract

import (
	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// sniffSampleBytes is how much of an undeclared, non-UTF-8 page the
// charset detector reads: enough for a few hundred words.
const sniffSampleBytes = 32 << 10

// minSniffConfidence is the least confidence (0–100) of the detector's best
// guess for it to beat windows-1252, the web's default. ICU, whose method
// the detector ports, reports around 10 for unsure guesses and 50 to 100
// for real text in the guessed encoding.
const minSniffConfidence = 30

// sniffLegacy guesses the encoding of a page that declares none and is not
// UTF-8, by the byte and character statistics of each candidate encoding
// (github.com/gogs/chardet, a port of ICU's detector): windows-1251,
// KOI8-R, Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR, the ISO-8859 family…
// It falls back to windows-1252.
func sniffLegacy(b []byte) (encoding.Encoding, string) {
	if len(b) > sniffSampleBytes {
		b = b[:sniffSampleBytes]
	}
	r, err := chardet.NewHtmlDetector().DetectBest(b)
	if err != nil || r == nil || r.Confidence < minSniffConfidence {
		return charsetWindows1252()
	}
	enc, err := htmlindex.Get(r.Charset)
	if err != nil {
		return charsetWindows1252()
	}
	name, _ := htmlindex.Name(enc)
	if name == "utf-8" || name == "utf-16be" || name == "utf-16le" {
		// Not UTF-8 by the validity check that sent us here; UTF-16
		// without a byte-order mark is not a web page.
		return charsetWindows1252()
	}
	return enc, name
}
