package speakers

import (
	"fmt"
	"io"
	"sort"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/eval/attribution"
)

// Count is the tally of one group of gold rows.
type Count struct {
	// Rows, Matched and Right count gold rows, those matched by a
	// predicted attribution and those whose speaker was right.
	Rows, Matched, Right int
}

// MatchedShare, RightAmongMatched and RightOverAll are the three figures
// the guideline reports.
func (c Count) MatchedShare() float64      { return ratio(c.Matched, c.Rows) }
func (c Count) RightAmongMatched() float64 { return ratio(c.Right, c.Matched) }
func (c Count) RightOverAll() float64      { return ratio(c.Right, c.Rows) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores is the tally over a gold set, overall and by kind of reference.
type Scores struct {
	All    Count
	ByKind map[string]*Count
	// Unlocated counts gold rows whose reference attribution was not found
	// in the reference annotation (a stale gold file).
	Unlocated int
	// Errors lists the rows scored wrong, for inspection.
	Errors []Miss
}

// Miss is a gold row scored wrong, with what was predicted.
type Miss struct {
	Row       Row
	Predicted string // the predicted speaker's name, "" when unmatched or none
}

// Add scores the predicted attributions of one article against its gold
// rows; ref is the article's reference annotation (for the gold contents).
func (s *Scores) Add(rows []Row, ref attribution.Document, pred []sayso.Attribution) {
	if s.ByKind == nil {
		s.ByKind = map[string]*Count{}
		for _, k := range Kinds {
			s.ByKind[k] = &Count{}
		}
	}
	// Each predicted attribution goes to the gold row it overlaps most.
	contents := make([][]sayso.Span, len(rows))
	for k, r := range rows {
		contents[k] = goldContent(ref, r)
		if contents[k] == nil {
			s.Unlocated++
		}
	}
	best := make([]int, len(rows)) // predicted index, -1 none
	bestOv := make([]int, len(rows))
	for k := range best {
		best[k] = -1
	}
	for p, a := range pred {
		top, topOv := -1, 0
		for k := range rows {
			if ov := overlap(contents[k], a.Content.Spans); ov > topOv {
				top, topOv = k, ov
			}
		}
		if top >= 0 && topOv > bestOv[top] {
			best[top], bestOv[top] = p, topOv
		}
	}
	for k, r := range rows {
		c := s.ByKind[r.Kind()]
		s.All.Rows++
		c.Rows++
		if best[k] < 0 {
			s.Errors = append(s.Errors, Miss{Row: r})
			continue
		}
		s.All.Matched++
		c.Matched++
		name, typ := "", ""
		if sp := pred[best[k]].Speaker; sp != nil {
			name, typ = sp.Name, string(sp.Type)
			// An unresolved speaker keeps its name ("poll respondents",
			// "the campaign"): the guideline scores names, whatever the
			// resolution. Only a bare pronoun left unresolved names nobody.
			if sp.Resolution == sayso.Unresolved && isPronoun(name) {
				name = ""
			}
		}
		if SameSpeaker(r.Speaker, r.Type, name, typ) {
			s.All.Right++
			c.Right++
		} else {
			s.Errors = append(s.Errors, Miss{Row: r, Predicted: name})
		}
	}
}

// goldContent returns the content spans of the reference attribution the
// row annotates: the one whose content starts at ContentStart (its source
// text breaking ties), or nil.
func goldContent(ref attribution.Document, r Row) []sayso.Span {
	var found []sayso.Span
	for _, a := range ref.Attributions {
		start := -1
		for _, sp := range a.Content.Spans {
			if start < 0 || sp.Start < start {
				start = sp.Start
			}
		}
		if start != r.ContentStart {
			continue
		}
		src := ""
		if a.Source != nil {
			src = a.Source.Text
		}
		if found == nil || src == r.SourceText {
			found = a.Content.Spans
		}
	}
	return found
}

// overlap counts the code points two span lists share.
func overlap(a, b []sayso.Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x.Start, y.Start), min(x.End, y.End); hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

// Print writes the three figures overall and the table by kind.
func (s *Scores) Print(w io.Writer) {
	fmt.Fprintf(w, "%-14s %5s %8s %8s %12s %12s\n", "", "rows", "matched", "share", "right|match", "right|all")
	line := func(name string, c Count) {
		fmt.Fprintf(w, "%-14s %5d %8d %8.3f %12.3f %12.3f\n", name, c.Rows, c.Matched, c.MatchedShare(), c.RightAmongMatched(), c.RightOverAll())
	}
	line("all", s.All)
	for _, k := range Kinds {
		if c := s.ByKind[k]; c != nil && c.Rows > 0 {
			line("  "+k, *c)
		}
	}
	if s.Unlocated > 0 {
		fmt.Fprintf(w, "(%d gold rows not found in the reference annotation)\n", s.Unlocated)
	}
}

// WriteErrors writes the rows scored wrong, one a line, sorted by file.
func (s *Scores) WriteErrors(w io.Writer) {
	errs := append([]Miss(nil), s.Errors...)
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Row.File < errs[j].Row.File })
	for _, m := range errs {
		pred := m.Predicted
		if pred == "" {
			pred = "-"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\tgold=%s\tpredicted=%s\tsource=%q\n", m.Row.File, m.Row.EID, m.Row.Kind(), m.Row.Speaker, pred, m.Row.SourceText)
	}
}

// isPronoun reports whether name is a single pronoun ("he", "they").
func isPronoun(name string) bool {
	w := words(name)
	return len(w) == 1 && pronouns[w[0]]
}
