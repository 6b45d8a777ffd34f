package store

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/klauspost/compress/zstd"
	"github.com/sayso-news/sayso"
)

// maxDecoded bounds a decompressed blob: the fetch size cap with room to
// spare, so a corrupt or hostile database cannot exhaust memory.
const maxDecoded = 256 << 20

var (
	encOnce sync.Once
	enc     *zstd.Encoder
	dec     *zstd.Decoder
)

func codecs() (*zstd.Encoder, *zstd.Decoder) {
	encOnce.Do(func() {
		// The fastest level still compresses HTML about 5:1, at several hundred
		// MB/s per core: the corpus writer must never wait on compression.
		enc, _ = zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1), zstd.WithEncoderLevel(zstd.SpeedFastest))
		dec, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(maxDecoded))
	})
	return enc, dec
}

// compress returns b compressed with zstd.
func compress(b []byte) []byte {
	e, _ := codecs()
	return e.EncodeAll(b, make([]byte, 0, len(b)/4+64))
}

// decompress undoes compress.
func decompress(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, nil
	}
	_, d := codecs()
	out, err := d.DecodeAll(b, nil)
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	return out, nil
}

// textBuffers are decoding buffers for decompressText, kept while at
// most maxPooledText long.
var textBuffers = sync.Pool{New: func() any { return new([]byte) }}

const maxPooledText = 1 << 20

// decompressText undoes compress for a text: it decodes into a reused
// buffer and copies the result once into the string, where decompress and
// a conversion allocate it twice (pages read back tens of texts each).
func decompressText(b []byte) (string, error) {
	if len(b) == 0 {
		return "", nil
	}
	_, d := codecs()
	buf := textBuffers.Get().(*[]byte)
	out, err := d.DecodeAll(b, (*buf)[:0])
	if err != nil {
		textBuffers.Put(buf)
		return "", fmt.Errorf("decompress: %w", err)
	}
	text := string(out)
	if cap(out) <= maxPooledText {
		*buf = out
		textBuffers.Put(buf)
	}
	return text, nil
}

// compressJSON marshals v and compresses it; nil for a nil or empty value.
func compressJSON(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if string(b) == "null" || string(b) == "{}" || string(b) == "[]" {
		return nil, nil
	}
	return compress(b), nil
}

// decompressJSON undoes compressJSON into v; an empty blob leaves v alone.
func decompressJSON(b []byte, v any) error {
	if len(b) == 0 {
		return nil
	}
	raw, err := decompress(b)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

// jsonText marshals v as JSON text, or returns nil for nil or empty values
// so that the column stays NULL.
func jsonText(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if string(b) == "null" || string(b) == "[]" || string(b) == "{}" {
		return nil, nil
	}
	return string(b), nil
}

// encodeSpans writes spans as "start-end,start-end".
func encodeSpans(spans []sayso.Span) string {
	var b strings.Builder
	for i, s := range spans {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(s.Start))
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(s.End))
	}
	return b.String()
}

// decodeSpans reads encodeSpans' output.
func decodeSpans(s string) ([]sayso.Span, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	spans := make([]sayso.Span, 0, len(parts))
	for _, p := range parts {
		a, b, ok := strings.Cut(p, "-")
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bad spans %q", s)
		}
		spans = append(spans, sayso.Span{Start: start, End: end})
	}
	return spans, nil
}

// runeText gives code-point slicing of a text (spans count code points)
// without converting it to runes: by bytes when the text is ASCII, as much
// news text is; otherwise through the byte offset of every runeMark-th
// code point, found in one pass, from which a slice walks at most
// runeMark-1 code points.
type runeText struct {
	s     string
	ascii bool
	marks []int32
	n     int // code points
}

// runeMark is the spacing of runeText's offsets.
const runeMark = 64

// newRuneText returns s for slicing by code points.
func newRuneText(s string) runeText {
	if isASCII(s) {
		return runeText{s: s, ascii: true, n: len(s)}
	}
	t := runeText{s: s, marks: make([]int32, 0, len(s)/runeMark+1)}
	if !utf8.ValidString(s) {
		// Each invalid byte is a code point of its own, as in []rune(s).
		for i := range s {
			if t.n%runeMark == 0 {
				t.marks = append(t.marks, int32(i))
			}
			t.n++
		}
		return t
	}
	for i := 0; i < len(s); i++ {
		if s[i]&0xc0 != 0x80 { // not a continuation byte: a code point starts
			if t.n%runeMark == 0 {
				t.marks = append(t.marks, int32(i))
			}
			t.n++
		}
	}
	return t
}

// offset returns the byte offset of code point cp, 0 ≤ cp ≤ t.n.
func (t runeText) offset(cp int) int {
	if t.ascii {
		return cp
	}
	if cp >= t.n {
		return len(t.s)
	}
	i := int(t.marks[cp/runeMark])
	for k := cp % runeMark; k > 0; k-- {
		_, size := utf8.DecodeRuneInString(t.s[i:])
		i += size
	}
	return i
}

// slice returns text[start:end] in code points, clamped to the text.
func (t runeText) slice(start, end int) string {
	start = max(0, min(start, t.n))
	end = max(start, min(end, t.n))
	return t.s[t.offset(start):t.offset(end)]
}

// spanText is how a segment's text is derived from its spans when it is
// not stored: the spanned pieces joined by a space.
func (t runeText) spanText(spans []sayso.Span) string {
	if len(spans) == 1 {
		return t.slice(spans[0].Start, spans[0].End)
	}
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = t.slice(s.Start, s.End)
	}
	return strings.Join(parts, " ")
}

// segmentColumns returns the spans and, only when it cannot be derived from
// them, the text of a segment — so that quoted text is stored once.
func segmentColumns(t runeText, seg *sayso.Segment) (spans, text any) {
	if seg == nil {
		return nil, nil
	}
	if len(seg.Spans) == 0 {
		return "", seg.Text
	}
	if t.spanText(seg.Spans) == seg.Text {
		return encodeSpans(seg.Spans), nil
	}
	return encodeSpans(seg.Spans), seg.Text
}

// segmentFrom rebuilds a segment from its columns.
func segmentFrom(t runeText, spans, text *string) (*sayso.Segment, error) {
	if spans == nil {
		return nil, nil
	}
	sp, err := decodeSpans(*spans)
	if err != nil {
		return nil, err
	}
	seg := &sayso.Segment{Spans: sp}
	if text != nil {
		seg.Text = *text
	} else {
		seg.Text = t.spanText(sp)
	}
	return seg, nil
}
