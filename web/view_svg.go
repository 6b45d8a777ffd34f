package web

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
)

// Charts are drawn on the server as SVG from these coordinates, so they
// need no script; every label is escaped by html/template.

// timelinePoint is one appearance of a quote on the timeline.
type timelinePoint struct {
	X, Y    int
	Outlet  string
	Date    string
	Variant sayso.QuoteVariant
	Article int64
}

// timeline is a quote's appearances laid out by time, one row each.
type timeline struct {
	Width, Height int
	AxisY         int
	Points        []timelinePoint
	From, To      string
}

// Timeline geometry.
const (
	tlWidth  = 720
	tlLeft   = 170
	tlRight  = 30
	tlRow    = 26
	tlTop    = 20
	barWidth = 640
)

// buildTimeline places the appearances of t by publication time; undated
// ones sit at the right end.
func buildTimeline(t *sayso.QuoteTrace) timeline {
	var lo, hi time.Time
	for _, a := range t.Appearances {
		if a.Published == nil {
			continue
		}
		if lo.IsZero() || a.Published.Before(lo) {
			lo = *a.Published
		}
		if a.Published.After(hi) {
			hi = *a.Published
		}
	}
	span := hi.Sub(lo)
	tl := timeline{Width: tlWidth, Height: tlTop*2 + tlRow*len(t.Appearances) + 20}
	tl.AxisY = tl.Height - 24
	if !lo.IsZero() {
		tl.From, tl.To = lo.UTC().Format("2 Jan 2006 15:04"), hi.UTC().Format("2 Jan 2006 15:04")
	}
	usable := tlWidth - tlLeft - tlRight
	for i, a := range t.Appearances {
		x := tlLeft + usable
		date := "undated"
		if a.Published != nil {
			date = a.Published.UTC().Format("2 Jan 15:04")
			x = tlLeft
			if span > 0 {
				x = tlLeft + int(float64(usable)*float64(a.Published.Sub(lo))/float64(span))
			}
		}
		tl.Points = append(tl.Points, timelinePoint{X: x, Y: tlTop + tlRow*i + tlRow/2, Outlet: a.Outlet, Date: date,
			Variant: a.Variant, Article: a.ArticleID})
	}
	return tl
}

// bar is one bar of a chart.
type bar struct {
	X, Y, W, H int
	Label      string
	N          int
}

// barChart is a vertical bar chart of counts.
type barChart struct {
	Width, Height int
	Bars          []bar
	Max           int
}

// buildMonthChart draws counts per month as bars.
func buildMonthChart(counts []sayso.Count) barChart {
	const height, base = 160, 130
	c := barChart{Width: barWidth, Height: height}
	for _, m := range counts {
		c.Max = max(c.Max, m.N)
	}
	if len(counts) == 0 || c.Max == 0 {
		return c
	}
	w := min(60, (barWidth-20)/len(counts))
	for i, m := range counts {
		h := max(1, 110*m.N/c.Max)
		c.Bars = append(c.Bars, bar{X: 10 + i*w, Y: base - h, W: max(w-4, 2), H: h, Label: m.Key, N: m.N})
	}
	return c
}

// shareBar is one part of a stacked bar.
type shareBar struct {
	X, W  int
	Class string
	Label string
}

// buildShares draws the parts as a stacked horizontal bar of barWidth.
func buildShares(parts []sayso.Count) []shareBar {
	total := 0
	for _, p := range parts {
		total += p.N
	}
	if total == 0 {
		return nil
	}
	var out []shareBar
	x := 0
	for _, p := range parts {
		w := barWidth * p.N / total
		out = append(out, shareBar{X: x, W: w, Class: p.Key,
			Label: fmt.Sprintf("%s: %d (%.0f%%)", p.Key, p.N, 100*float64(p.N)/float64(total))})
		x += w
	}
	return out
}

// BarsHTML is the chart's bars as SVG elements, written here rather than
// in the template for the reason BodyHTML is (a speaker quoted over
// years has dozens of bars); labels are escaped, coordinates are numbers.
func (c barChart) BarsHTML() template.HTML {
	var b strings.Builder
	for _, br := range c.Bars {
		x, label := strconv.Itoa(br.X), template.HTMLEscapeString(br.Label)
		b.WriteString(`<g class="bar"><rect x="`)
		b.WriteString(x)
		b.WriteString(`" y="`)
		b.WriteString(strconv.Itoa(br.Y))
		b.WriteString(`" width="`)
		b.WriteString(strconv.Itoa(br.W))
		b.WriteString(`" height="`)
		b.WriteString(strconv.Itoa(br.H))
		b.WriteString(`"><title>`)
		b.WriteString(label)
		b.WriteString(": ")
		b.WriteString(strconv.Itoa(br.N))
		b.WriteString(`</title></rect><text x="`)
		b.WriteString(x)
		b.WriteString(`" y="150" class="label">`)
		b.WriteString(label)
		b.WriteString(`</text></g>`)
	}
	return template.HTML(b.String())
}
