package attribution

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// maxAnnLine bounds one line of a .ann file; PolNeAR's longest is a few KB.
const maxAnnLine = 1 << 20

// bratSpan is one T line.
type bratSpan struct {
	label string
	spans []sayso.Span
}

// ParseBrat reads brat standoff annotations of text and returns the
// attributions its E lines link: Attribution (with a source) and
// Attribution-no-source events, each with its Cue, Content (Content2… pieces
// are merged into Content) and Source spans, and a Kind by KindOf. Lines of
// other kinds (Discuss, Discard, notes, continuation lines of multi-line
// span texts) are skipped. It fails on a malformed T or E line or a span
// outside text.
func ParseBrat(r io.Reader, text string) ([]sayso.Attribution, error) {
	ix := textnorm.NewIndex(text)
	n := ix.Len()
	spans := map[string]bratSpan{}
	type event struct {
		line int
		args [][2]string
	}
	var events []event
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxAnnLine)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 || len(f[0]) < 2 {
			continue
		}
		id := f[0]
		if _, err := strconv.Atoi(id[1:]); err != nil {
			continue // continuation of a multi-line span text
		}
		switch id[0] {
		case 'T':
			label, rest, ok := strings.Cut(f[1], " ")
			if !ok {
				return nil, fmt.Errorf("line %d: span %s has no offsets", line, id)
			}
			var ss []sayso.Span
			for _, piece := range strings.Split(rest, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(piece), " ")
				start, err1 := strconv.Atoi(a)
				end, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || start < 0 || end < start || end > n {
					return nil, fmt.Errorf("line %d: span %s: bad offsets %q for a text of %d code points", line, id, piece, n)
				}
				ss = append(ss, sayso.Span{Start: start, End: end})
			}
			spans[id] = bratSpan{label: label, spans: ss}
		case 'E':
			var args [][2]string
			for _, a := range strings.Fields(f[1]) {
				role, ref, ok := strings.Cut(a, ":")
				if !ok {
					return nil, fmt.Errorf("line %d: event %s: bad argument %q", line, id, a)
				}
				args = append(args, [2]string{role, ref})
			}
			events = append(events, event{line, args})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read annotations: %w", err)
	}
	var out []sayso.Attribution
	for _, ev := range events {
		var a sayso.Attribution
		isAttribution := false
		for _, arg := range ev.args {
			role := strings.TrimRight(arg[0], "0123456789")
			sp, ok := spans[arg[1]]
			if !ok {
				return nil, fmt.Errorf("line %d: event refers to unknown span %s", ev.line, arg[1])
			}
			seg := segment(text, ix, sp.spans)
			switch role {
			case "Attribution", "Attribution-no-source":
				isAttribution = true
			case "Source":
				a.Source = mergeSegment(a.Source, seg)
			case "Cue":
				a.Cue = mergeSegment(a.Cue, seg)
			case "Content":
				c := mergeSegment(&a.Content, seg)
				a.Content = *c
			}
		}
		if !isAttribution || len(a.Content.Spans) == 0 {
			continue // an event without content links nothing to score
		}
		a.Kind = KindOf(text, ix, a.Content.Spans)
		a.Confidence = 1
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return firstStart(out[i]) < firstStart(out[j]) })
	return out, nil
}

// firstStart is where an attribution begins in the text, for ordering.
func firstStart(a sayso.Attribution) int {
	s := a.Content.Spans[0].Start
	if a.Cue != nil && len(a.Cue.Spans) > 0 && a.Cue.Spans[0].Start < s {
		s = a.Cue.Spans[0].Start
	}
	if a.Source != nil && len(a.Source.Spans) > 0 && a.Source.Spans[0].Start < s {
		s = a.Source.Spans[0].Start
	}
	return s
}

// segment builds a Segment from spans of text, its Text the pieces joined
// by a space as brat shows them.
func segment(text string, ix *textnorm.Index, spans []sayso.Span) *sayso.Segment {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = ix.Slice(text, s.Start, s.End)
	}
	return &sayso.Segment{Text: strings.Join(parts, " "), Spans: append([]sayso.Span(nil), spans...)}
}

// mergeSegment adds b's pieces to a (nil or empty a yields b), keeping the
// pieces in text order.
func mergeSegment(a, b *sayso.Segment) *sayso.Segment {
	if a == nil || len(a.Spans) == 0 {
		return b
	}
	out := &sayso.Segment{Spans: append(append([]sayso.Span(nil), a.Spans...), b.Spans...)}
	sort.Slice(out.Spans, func(i, j int) bool { return out.Spans[i].Start < out.Spans[j].Start })
	if a.Spans[0].Start <= b.Spans[0].Start {
		out.Text = a.Text + " " + b.Text
	} else {
		out.Text = b.Text + " " + a.Text
	}
	return out
}

// WriteBrat writes attributions of text as brat standoff in PolNeAR's
// conventions: T lines Source, Cue, Content and Attribution (over the cue),
// and one E line per attribution, Attribution-no-source when it has no
// source. Pieces are split at line breaks, as brat requires, and spans
// shared by several attributions are written once. Attributions without a
// cue are folded first into the one before them (PolNeARView); any left
// without a cue are skipped, since brat's events need one. It returns the
// first write error.
func WriteBrat(w io.Writer, text string, atts []sayso.Attribution) error {
	ix := textnorm.NewIndex(text)
	bw := bufio.NewWriter(w)
	nextT := 1
	ids := map[string]int{}
	span := func(label string, seg *sayso.Segment) int {
		pieces := SplitLines(text, ix, seg.Spans)
		var key strings.Builder
		key.WriteString(label)
		offs := make([]string, len(pieces))
		texts := make([]string, len(pieces))
		for i, p := range pieces {
			offs[i] = fmt.Sprintf("%d %d", p.Start, p.End)
			texts[i] = ix.Slice(text, p.Start, p.End)
			fmt.Fprintf(&key, " %d-%d", p.Start, p.End)
		}
		if id, ok := ids[key.String()]; ok && label != "Attribution" {
			return id
		}
		id := nextT
		nextT++
		ids[key.String()] = id
		fmt.Fprintf(bw, "T%d\t%s %s\t%s\n", id, label, strings.Join(offs, ";"), strings.Join(texts, " "))
		return id
	}
	e := 1
	for _, a := range PolNeARView(atts) {
		if a.Cue == nil || len(a.Cue.Spans) == 0 || len(a.Content.Spans) == 0 {
			continue
		}
		kind := "Attribution"
		if a.Source == nil || len(a.Source.Spans) == 0 {
			kind = "Attribution-no-source"
		}
		var src int
		if kind == "Attribution" {
			src = span("Source", a.Source)
		}
		cue := span("Cue", a.Cue)
		content := span("Content", &a.Content)
		trigger := span(kind, a.Cue)
		if kind == "Attribution" {
			fmt.Fprintf(bw, "E%d\t%s:T%d Source:T%d Cue:T%d Content:T%d\n", e, kind, trigger, src, cue, content)
		} else {
			fmt.Fprintf(bw, "E%d\t%s:T%d Cue:T%d Content:T%d\n", e, kind, trigger, cue, content)
		}
		e++
	}
	return bw.Flush()
}

// SplitLines splits spans at line breaks and trims the white space around
// each piece, dropping pieces left empty: the form brat stores.
func SplitLines(text string, ix *textnorm.Index, spans []sayso.Span) []sayso.Span {
	var out []sayso.Span
	for _, s := range spans {
		start := s.Start
		cp := s.Start
		for _, r := range ix.Slice(text, s.Start, s.End) {
			if r == '\n' || r == '\r' {
				out = appendTrimmed(out, text, ix, start, cp)
				start = cp + 1
			}
			cp++
		}
		out = appendTrimmed(out, text, ix, start, s.End)
	}
	return out
}

func appendTrimmed(out []sayso.Span, text string, ix *textnorm.Index, start, end int) []sayso.Span {
	for start < end && isSpaceAt(text, ix, start) {
		start++
	}
	for end > start && isSpaceAt(text, ix, end-1) {
		end--
	}
	if end > start {
		out = append(out, sayso.Span{Start: start, End: end})
	}
	return out
}

func isSpaceAt(text string, ix *textnorm.Index, cp int) bool {
	s := ix.Slice(text, cp, cp+1)
	return s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u00a0"
}
