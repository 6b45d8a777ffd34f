package attrib

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
)

// MaxTextBytes bounds the text Analyze accepts; beyond it Analyze fails
// with sayso.ETOOLARGE. Articles are well under 1 MB; 32 MB leaves room for
// whole books while keeping memory bounded.
const MaxTextBytes = 32 << 20

// chunkBytes is the size of the pieces a long text is analysed in, cut at
// paragraph breaks: above nearly every article (PolNeAR's longest is 60 KB), and
// small enough to bound the memory of one pass.
const chunkBytes = 64 << 10

// The embedded models: the default one reads the dependency parse of the
// syntax package; the fast one does without it.
var (
	//go:embed model/attribution.model.gz
	embeddedModel []byte
	//go:embed model/attribution-fast.model.gz
	embeddedFastModel []byte
)

var (
	defaultModel = sync.OnceValues(func() (*Model, error) { return ReadModel(bytes.NewReader(embeddedModel)) })
	fastModel    = sync.OnceValues(func() (*Model, error) { return ReadModel(bytes.NewReader(embeddedFastModel)) })
)

// DefaultModel returns the embedded model, read once: the one whose
// features read the dependency parse.
func DefaultModel() (*Model, error) { return defaultModel() }

// FastModel returns the embedded model that does without the dependency
// parse, read once: several times faster, about a point less accurate.
func FastModel() (*Model, error) { return fastModel() }

// Analyzer finds attributions in text. It is safe for concurrent use.
type Analyzer struct {
	model *Model
}

// New returns an Analyzer using the embedded model. It fails only if the
// embedded model is corrupt.
func New() (*Analyzer, error) {
	m, err := DefaultModel()
	if err != nil {
		return nil, fmt.Errorf("attrib: embedded model: %w", err)
	}
	return &Analyzer{model: m}, nil
}

// NewFast returns an Analyzer using the embedded model that does without
// the dependency parse (FastModel). It fails only if that model is corrupt.
func NewFast() (*Analyzer, error) {
	m, err := FastModel()
	if err != nil {
		return nil, fmt.Errorf("attrib: embedded fast model: %w", err)
	}
	return &Analyzer{model: m}, nil
}

// NewWithModel returns an Analyzer using m.
func NewWithModel(m *Model) *Analyzer { return &Analyzer{model: m} }

// Model returns the analyzer's model.
func (a *Analyzer) Model() *Model { return a.model }

// Analyze reads text (an article body, blocks separated by blank lines) and
// returns its attributions, unattributed claims, cited works and entities.
// Offsets are code points into text; an invalid UTF-8 byte counts as one
// code point and reads as U+FFFD in the returned texts. It fails with sayso.ETOOLARGE when text
// exceeds MaxTextBytes and with ctx's error when ctx ends.
func (a *Analyzer) Analyze(ctx context.Context, text string) (*sayso.Analysis, error) {
	if len(text) > MaxTextBytes {
		return nil, sayso.Errorf(sayso.ETOOLARGE, "attrib: text of %d bytes exceeds the %d-byte bound", len(text), MaxTextBytes)
	}
	text = validUTF8(text)
	out := &sayso.Analysis{
		Attributions: []sayso.Attribution{},
		Claims:       []sayso.Claim{},
		CitedWorks:   []sayso.CitedWork{},
		Entities:     []sayso.Entity{},
	}
	offset := 0 // code points before the current chunk
	for len(text) > 0 {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n := chunkEnd(text, chunkBytes)
		part := text[:n]
		res := a.analyzeChunk(part)
		shift(res, offset)
		out.Attributions = append(out.Attributions, res.Attributions...)
		out.Claims = append(out.Claims, res.Claims...)
		out.CitedWorks = append(out.CitedWorks, res.CitedWorks...)
		out.Entities = append(out.Entities, res.Entities...)
		offset += utf8.RuneCountInString(part)
		text = text[n:]
	}
	return out, nil
}

// validUTF8 replaces every byte of an invalid UTF-8 sequence by U+FFFD, so
// that code-point offsets agree with Go's reading of the original string.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// chunkEnd returns where to cut text so that the first piece is at most
// limit bytes: at the last paragraph break before limit, else the last line
// break, else the last space, else a rune boundary.
func chunkEnd(text string, limit int) int {
	if len(text) <= limit {
		return len(text)
	}
	head := text[:limit]
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := bytes.LastIndex([]byte(head), []byte(sep)); i > limit/2 {
			return i + len(sep)
		}
	}
	i := limit
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	if i == 0 {
		return limit
	}
	return i
}

// analyzeChunk analyses one piece of text.
func (a *Analyzer) analyzeChunk(text string) *sayso.Analysis {
	d := newDocumentVocab(text, a.model.lex, a.model.vocab)
	if a.model.vocab == nil {
		d.setClusters(a.model.clusters)
	}
	d.setSyntax(a.model.syn)
	tags := a.model.tag(d)
	var links []link
	if a.model.args != nil {
		links = linkWithArgs(d, tags, a.model.args)
	} else {
		links = linkSpans(d, spansOf(d, tags))
	}
	kept := links[:0]
	for _, l := range links {
		if l.cue != nil && d.causedAction(*l.cue, l.source) {
			continue
		}
		if d.causesObject(l) {
			continue
		}
		kept = append(kept, l)
	}
	links = append(kept, d.thatClauses(kept)...)
	links = append(links, d.asClauses(links)...)
	links = append(links, d.intentions(links)...)
	links = append(links, d.dashSignatures(links)...)
	ix := buildEntities(d)
	links = d.transcriptLines(links, ix)
	sort.SliceStable(links, func(i, j int) bool { return links[i].start() < links[j].start() })
	links = d.joinOpenedQuotes(links)
	media := make([]string, len(links))
	for k := range links {
		l := &links[k]
		if d.accordingTo(l) || d.passiveBy(l) {
			continue
		}
		if l.cue != nil {
			if s, ok := d.subjectOfParticiple(*l.cue); ok && (l.source == nil || l.source.first > s.last && l.source.last < l.cue.first) {
				l.source = &s
			}
		}
		if m, ok := d.splitMedium(l); ok {
			media[k] = m
		}
	}
	res := &sayso.Analysis{
		Attributions: d.attributions(links, ix, media),
		Claims:       d.claims(links),
		Entities:     ix.entities(),
	}
	for _, c := range d.citedWorks() {
		w := c.work
		for k, l := range links {
			if l.cue != nil && c.first > l.cue.last && c.first-l.cue.last <= 2 && res.Attributions[k].Speaker != nil {
				w.Author = res.Attributions[k].Speaker.Name
			}
		}
		if w.Author == "" && c.first > 0 {
			if k := (&resolver{d: d, ix: ix}).lastMentionBefore(c.first, ""); k >= 0 && ix.mentions[k].last >= c.first-3 {
				w.Author = ix.name(ix.canon[k])
			}
		}
		res.CitedWorks = append(res.CitedWorks, w)
	}
	return res
}

// attributions turns links into sayso attributions with resolved speakers.
func (d *document) attributions(links []link, ix *entityIndex, media []string) []sayso.Attribution {
	r := &resolver{d: d, ix: ix, prevEnd: -1}
	out := make([]sayso.Attribution, 0, len(links))
	var prev *sayso.Speaker
	for k, l := range links {
		a := sayso.Attribution{
			Kind:       d.kindOf(l.contents),
			Content:    *d.segmentOf(l.contents...),
			Confidence: confidence(l),
		}
		if l.cue != nil {
			a.Cue = d.segmentOf(*l.cue)
		}
		if l.source != nil {
			a.Source = d.segmentOf(*l.source)
		}
		if media != nil {
			a.Medium = media[k]
		}
		a.Speaker = r.speaker(l, prev)
		if a.Speaker != nil {
			prev = a.Speaker
			r.prevEnd = l.end()
		}
		out = append(out, a)
	}
	return out
}

// confidenceScale turns the ranker's margin for a content over "none" into
// a probability-like confidence; at this scale a margin of one typical
// feature weight gives about 0.75.
const confidenceScale = 20

// confidence estimates how likely link l is right: from the ranker's margin
// when it chose the content, fixed values for rules and continuations.
func confidence(l link) float64 {
	switch {
	case l.continuation:
		return 0.6
	case l.margin == 0:
		return 0.5
	}
	return 1 / (1 + math.Exp(-float64(l.margin)/confidenceScale))
}

// shift moves every offset in res by n code points.
func shift(res *sayso.Analysis, n int) {
	if n == 0 {
		return
	}
	mv := func(seg *sayso.Segment) {
		if seg == nil {
			return
		}
		for i := range seg.Spans {
			seg.Spans[i].Start += n
			seg.Spans[i].End += n
		}
	}
	for i := range res.Attributions {
		a := &res.Attributions[i]
		mv(a.Source)
		mv(a.Cue)
		mv(&a.Content)
	}
	for i := range res.Claims {
		res.Claims[i].Span.Start += n
		res.Claims[i].Span.End += n
	}
	for i := range res.CitedWorks {
		res.CitedWorks[i].Span.Start += n
		res.CitedWorks[i].Span.End += n
	}
}
