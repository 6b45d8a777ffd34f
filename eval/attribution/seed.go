package attribution

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// Seed is the seed article and its expected reading (../shared/seed).
type Seed struct {
	Text     string
	Expected SeedExpected
}

// SeedExpected is the part of expected.json that attribution is checked on.
type SeedExpected struct {
	Attributions []struct {
		Kind    string `json:"kind"`
		Source  string `json:"source"`
		Cue     string `json:"cue"`
		Content string `json:"content"`
		Speaker string `json:"speaker"`
		// ContentSpan is a hint only: a few spans in expected.json are off,
		// so attributions are located by their text.
		ContentSpan []int `json:"content_span"`
	} `json:"attributions"`
	Aliases [][]string `json:"aliases"`
	Claims  []string   `json:"unattributed_claims"`
}

// LoadSeed reads seed-article.txt and expected.json from dir.
func LoadSeed(dir string) (*Seed, error) {
	text, err := readFileBounded(filepath.Join(dir, "seed-article.txt"))
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		return nil, err
	}
	s := &Seed{Text: text}
	if err := json.Unmarshal(b, &s.Expected); err != nil {
		return nil, fmt.Errorf("seed expected.json: %w", err)
	}
	return s, nil
}

// SeedReport is the outcome of checking an analysis of the seed article.
type SeedReport struct {
	// Expected and Found count the expected attributions and those found
	// with the right speaker.
	Expected, Found int
	// Misses describes each expected attribution not found.
	Misses []string
	// Claims and ClaimsFound count the expected unattributed claims and
	// those reported as claims.
	Claims, ClaimsFound int
	// Invented lists the expected claims on which an attribution was
	// reported.
	Invented []string
}

// OK reports whether every expected attribution was found with its
// speaker and no attribution was reported on an unattributed claim.
func (r *SeedReport) OK() bool { return r.Found == r.Expected && len(r.Invented) == 0 }

// Check compares an analysis of the seed text with the expected reading.
// An expected attribution is found when a reported one's content overlaps
// it by intersection over union of at least 0.5 (located by text, since a
// few expected spans are off), its cue overlaps the expected cue (when
// there is one), and its speaker names the expected speaker or one of its
// aliases.
func (s *Seed) Check(a *sayso.Analysis) *SeedReport {
	ix := textnorm.NewIndex(s.Text)
	r := &SeedReport{Expected: len(s.Expected.Attributions), Claims: len(s.Expected.Claims)}
	for _, e := range s.Expected.Attributions {
		hint := 0
		if len(e.ContentSpan) == 2 {
			hint = e.ContentSpan[0]
		}
		content, ok := locate(s.Text, ix, e.Content, hint)
		if !ok {
			r.Misses = append(r.Misses, fmt.Sprintf("expected content not in the text: %q", e.Content))
			continue
		}
		var cue sayso.Span
		hasCue := e.Cue != ""
		if hasCue {
			cue, hasCue = locate(s.Text, ix, e.Cue, content.Start)
		}
		why := "no attribution over its content"
		found := false
		for _, p := range a.Attributions {
			if iou([]sayso.Span{content}, p.Content.Spans) < minContentIoU {
				continue
			}
			if hasCue && (p.Cue == nil || !overlaps([]sayso.Span{cue}, p.Cue.Spans)) {
				why = "content found, but not with its cue"
				continue
			}
			if p.Speaker == nil || !s.sameSpeaker(p.Speaker.Name, e.Speaker) {
				got := "none"
				if p.Speaker != nil {
					got = p.Speaker.Name
				}
				why = fmt.Sprintf("found with speaker %q, want %q", got, e.Speaker)
				continue
			}
			found = true
			break
		}
		if found {
			r.Found++
		} else {
			r.Misses = append(r.Misses, fmt.Sprintf("%s · %s · %q: %s", e.Source, e.Cue, clip(e.Content, 50), why))
		}
	}
	for _, c := range s.Expected.Claims {
		span, ok := locate(s.Text, ix, c, 0)
		if !ok {
			continue
		}
		for _, p := range a.Claims {
			if iou([]sayso.Span{span}, []sayso.Span{p.Span}) >= minContentIoU {
				r.ClaimsFound++
				break
			}
		}
		for _, p := range a.Attributions {
			var all []sayso.Span
			all = append(all, p.Content.Spans...)
			if p.Cue != nil {
				all = append(all, p.Cue.Spans...)
			}
			if p.Source != nil {
				all = append(all, p.Source.Spans...)
			}
			if overlaps([]sayso.Span{span}, all) {
				r.Invented = append(r.Invented, clip(c, 60))
				break
			}
		}
	}
	return r
}

// sameSpeaker compares a reported speaker name with the expected one,
// through the expected aliases and ignoring "the" and parenthesised notes:
// equal names, names in one alias group, or every word of the expected
// name found in the reported one ("Biden administration officials" in "top
// officials in the Biden administration").
func (s *Seed) sameSpeaker(got, want string) bool {
	g, w := normName(got), normName(want)
	if g == "" {
		return false
	}
	if g == w {
		return true
	}
	for _, group := range s.Expected.Aliases {
		in := func(x string) bool {
			for _, a := range group {
				if normName(a) == x {
					return true
				}
			}
			return false
		}
		if in(g) && in(w) {
			return true
		}
	}
	gw := strings.Fields(g)
	for _, x := range strings.Fields(w) {
		if !contains(gw, x) {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// normName lower-cases a name and drops "the" and parenthesised notes.
func normName(s string) string {
	if i := strings.IndexByte(s, '('); i >= 0 {
		s = s[:i]
	}
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	return strings.Join(strings.Fields(s), " ")
}

// locate finds needle in text, the occurrence nearest code point hint, as
// a code-point span.
func locate(text string, ix *textnorm.Index, needle string, hint int) (sayso.Span, bool) {
	if needle == "" {
		return sayso.Span{}, false
	}
	best, found := sayso.Span{}, false
	for off := 0; ; {
		k := strings.Index(text[off:], needle)
		if k < 0 {
			break
		}
		start := ix.CodePoint(off + k)
		sp := sayso.Span{Start: start, End: start + utf8.RuneCountInString(needle)}
		if !found || abs(start-hint) < abs(best.Start-hint) {
			best, found = sp, true
		}
		off += k + 1
	}
	return best, found
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Print writes the report.
func (r *SeedReport) Print(w io.Writer) {
	fmt.Fprintf(w, "Seed article: %d of %d expected attributions found with the right speaker\n", r.Found, r.Expected)
	for _, m := range r.Misses {
		fmt.Fprintf(w, "  missed: %s\n", m)
	}
	fmt.Fprintf(w, "  unattributed claims reported: %d of %d; attributions invented on them: %d\n", r.ClaimsFound, r.Claims, len(r.Invented))
	for _, c := range r.Invented {
		fmt.Fprintf(w, "  invented on: %q\n", c)
	}
}
