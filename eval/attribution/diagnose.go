package attribution

import (
	"fmt"
	"io"
	"sort"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// Diagnose writes, for one article, every Source, Cue and Content piece
// that gold and prediction do not share, in text order, marked "-" for
// missed (gold only) and "+" for spurious (predicted only), with the text.
func Diagnose(w io.Writer, name, text string, gold, pred []sayso.Attribution) {
	ix := textnorm.NewIndex(text)
	type piece struct {
		label string
		s     sayso.Span
	}
	collect := func(atts []sayso.Attribution) map[piece]bool {
		out := map[piece]bool{}
		for _, a := range atts {
			r := reduce(text, ix, a)
			for _, s := range r.source {
				out[piece{"Source", s}] = true
			}
			for _, s := range r.cue {
				out[piece{"Cue", s}] = true
			}
			for _, s := range r.content {
				out[piece{"Content", s}] = true
			}
		}
		return out
	}
	g, p := collect(gold), collect(PolNeARView(pred))
	type line struct {
		mark string
		p    piece
	}
	var lines []line
	for x := range g {
		if !p[x] {
			lines = append(lines, line{"-", x})
		}
	}
	for x := range p {
		if !g[x] {
			lines = append(lines, line{"+", x})
		}
	}
	sort.Slice(lines, func(i, j int) bool {
		if lines[i].p.s.Start != lines[j].p.s.Start {
			return lines[i].p.s.Start < lines[j].p.s.Start
		}
		return lines[i].mark < lines[j].mark
	})
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "== %s\n", name)
	for _, l := range lines {
		fmt.Fprintf(w, "%s %-7s %5d %5d  %s\n", l.mark, l.p.label, l.p.s.Start, l.p.s.End, ix.Slice(text, l.p.s.Start, l.p.s.End))
	}
}
