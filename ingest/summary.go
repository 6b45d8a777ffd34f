package ingest

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
)

// Summary counts what a run did.
type Summary struct {
	// Sources is the number of sources given.
	Sources int
	// Fetched pages came over the network; Read ones from files or WARC records.
	Fetched, Read int
	// Stored is the number of new pages stored: Articles with an article,
	// NoArticle without one, ExtractFailed whose extraction failed (kept
	// for reprocessing).
	Stored, Articles, NoArticle, ExtractFailed int
	// AttributionFailed counts stored articles whose attribution failed.
	AttributionFailed int
	// Duplicates were skipped: their address or content is stored already.
	Duplicates int
	// Failed counts pages and sources that could not be read at all
	// (fetch, file or feed errors) and so were not stored.
	Failed int
	// Skipped counts WARC records that are not HTML responses.
	Skipped int
	// Interrupted counts pages in flight when the run was stopped, whose
	// fetching or reading was cut short: neither stored nor failed, they
	// are done by the next run.
	Interrupted int
	// Elapsed is the run's duration.
	Elapsed time.Duration

	started time.Time
	reasons map[reasonKey]*Reason
}

// Reason groups failures of one kind.
type Reason struct {
	// Stage is where it happened: source, fetch, read, extract, attribute, store.
	Stage string
	Code  sayso.ErrorCode
	Count int
	// Example is the first such error's message.
	Example string
	// Examples holds up to maxExamples distinct messages, the first first.
	Examples []string
}

// maxExamples bounds the messages kept per reason: enough to see the
// variety, few enough to read.
const maxExamples = 3

type reasonKey struct {
	stage string
	code  sayso.ErrorCode
}

func newSummary(now time.Time) *Summary {
	return &Summary{started: now, reasons: map[reasonKey]*Reason{}}
}

// fail counts a failure that kept something from being stored.
func (s *Summary) fail(stage string, err error) {
	s.Failed++
	s.reason(stage, err)
}

// reason records err under its stage and code.
func (s *Summary) reason(stage string, err error) {
	if err == nil {
		return
	}
	if s.reasons == nil {
		s.reasons = map[reasonKey]*Reason{}
	}
	k := reasonKey{stage, sayso.ErrorCodeOf(err)}
	r := s.reasons[k]
	if r == nil {
		r = &Reason{Stage: stage, Code: k.code, Example: err.Error()}
		s.reasons[k] = r
	}
	r.Count++
	if len(r.Examples) < maxExamples {
		msg := err.Error()
		for _, e := range r.Examples {
			if e == msg {
				return
			}
		}
		r.Examples = append(r.Examples, msg)
	}
}

// Reasons returns the failure reasons, most frequent first.
func (s *Summary) Reasons() []Reason {
	out := make([]Reason, 0, len(s.reasons))
	for _, r := range s.reasons {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if out[i].Stage != out[j].Stage {
			return out[i].Stage < out[j].Stage
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// Write prints the summary for people: the counts, then each reason with
// an example.
func (s *Summary) Write(w io.Writer) {
	fmt.Fprintf(w, "ingest: %d source(s) in %s\n", s.Sources, s.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "  fetched      %d\n  read         %d (files, WARC records)\n", s.Fetched, s.Read)
	fmt.Fprintf(w, "  stored       %d (%d articles", s.Stored, s.Articles)
	if s.ExtractFailed > 0 {
		fmt.Fprintf(w, ", %d extraction failed, kept for reprocessing", s.ExtractFailed)
	}
	fmt.Fprintf(w, ")\n")
	if s.AttributionFailed > 0 {
		fmt.Fprintf(w, "  attribution failed on %d article(s)\n", s.AttributionFailed)
	}
	fmt.Fprintf(w, "  duplicate    %d (already stored)\n", s.Duplicates)
	fmt.Fprintf(w, "  not article  %d\n", s.NoArticle)
	fmt.Fprintf(w, "  failed       %d\n", s.Failed)
	if s.Skipped > 0 {
		fmt.Fprintf(w, "  skipped      %d (WARC records that are not HTML responses)\n", s.Skipped)
	}
	if s.Interrupted > 0 {
		fmt.Fprintf(w, "  interrupted  %d (stopped half-way; run again to finish)\n", s.Interrupted)
	}
	if secs := s.Elapsed.Seconds(); secs > 0 && s.Fetched+s.Read > 0 {
		fmt.Fprintf(w, "  rate         %.1f pages/s\n", float64(s.Fetched+s.Read)/secs)
	}
	reasons := s.Reasons()
	if len(reasons) > 0 {
		fmt.Fprintf(w, "reasons:\n")
		for _, r := range reasons {
			fmt.Fprintf(w, "  %5d  %-9s %s\n", r.Count, r.Stage, r.Code)
			for _, ex := range r.Examples {
				if len(ex) > 240 {
					ex = ex[:240] + "…"
				}
				fmt.Fprintf(w, "           e.g. %s\n", strings.ReplaceAll(ex, "\n", " "))
			}
		}
	}
}
