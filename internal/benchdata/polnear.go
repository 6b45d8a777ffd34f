package benchdata

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
)

// The synthetic corpus of the scale benchmarks (scripts/mkcorpus): articles
// made from the real news prose of the PolNeAR training split, read in
// place from the shared data, with PolNeAR's own attributions carried
// along, so that a store holds as many attribution rows, spans and
// speakers as real analysed articles would.

// paragraph is a paragraph of real news with its annotated attributions,
// offsets relative to the paragraph.
type paragraph struct {
	text  string
	attrs []sayso.Attribution
}

type article struct {
	title, publisher, author string
	date                     time.Time
	paras                    []paragraph
}

// loadPolNeAR reads the training split: texts, metadata and, for each
// text, the first annotator's attributions.
func loadPolNeAR(dir string) ([]article, error) {
	meta, err := readMetadata(filepath.Join(dir, "metadata.tsv"))
	if err != nil {
		return nil, err
	}
	texts, err := filepath.Glob(filepath.Join(dir, "train", "text", "*.txt"))
	if err != nil || len(texts) == 0 {
		return nil, fmt.Errorf("no PolNeAR training texts under %s (set -data)", dir)
	}
	sort.Strings(texts)
	var arts []article
	for _, path := range texts {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		anns, _ := filepath.Glob(filepath.Join(dir, "train", "attributions", name+"_*.ann"))
		sort.Strings(anns)
		var attrs []sayso.Attribution
		text := []rune(string(raw))
		if len(anns) > 0 {
			if attrs, err = readAnn(anns[0], text); err != nil {
				return nil, err
			}
		}
		m := meta[name]
		a := article{title: m.title, publisher: m.publisher, author: m.author, date: m.date}
		a.paras = splitParagraphs(text, attrs)
		if a.title == "" && len(a.paras) > 0 {
			a.title = a.paras[0].text
		}
		if len(a.paras) > 1 {
			a.paras = a.paras[1:] // the first line is the headline
		}
		arts = append(arts, a)
	}
	return arts, nil
}

type metaRow struct {
	title, publisher, author string
	date                     time.Time
}

func readMetadata(path string) (map[string]metaRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]metaRow{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 8 || c[0] == "compartment" {
			continue
		}
		d, _ := time.Parse("2006-01-02", c[5])
		out[c[1]] = metaRow{title: c[7], publisher: c[4], author: c[6], date: d}
	}
	return out, sc.Err()
}

// readAnn reads brat standoff attributions: Source, Cue and Content spans
// linked by E lines.
func readAnn(path string, text []rune) ([]sayso.Attribution, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	spans := map[string][]sayso.Span{}
	var links [][]string
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		switch {
		case strings.HasPrefix(f[0], "T"):
			sp := strings.SplitN(f[1], " ", 2)
			if len(sp) < 2 {
				continue
			}
			for _, part := range strings.Split(sp[1], ";") {
				var s, e int
				if _, err := fmt.Sscanf(part, "%d %d", &s, &e); err == nil && s < e && e <= len(text) {
					spans[f[0]] = append(spans[f[0]], sayso.Span{Start: s, End: e})
				}
			}
		case strings.HasPrefix(f[0], "E"):
			links = append(links, strings.Fields(f[1]))
		}
	}
	seg := func(id string) *sayso.Segment {
		sp := spans[id]
		if len(sp) == 0 {
			return nil
		}
		parts := make([]string, len(sp))
		for i, s := range sp {
			parts[i] = string(text[s.Start:s.End])
		}
		return &sayso.Segment{Text: strings.Join(parts, " "), Spans: sp}
	}
	var out []sayso.Attribution
	for _, l := range links {
		var a sayso.Attribution
		for _, role := range l[1:] {
			k, id, _ := strings.Cut(role, ":")
			switch k {
			case "Source":
				a.Source = seg(id)
			case "Cue":
				a.Cue = seg(id)
			case "Content":
				if c := seg(id); c != nil {
					a.Content = *c
				}
			}
		}
		if len(a.Content.Spans) == 0 {
			continue
		}
		a.Kind = sayso.Indirect
		if strings.ContainsAny(a.Content.Text, "\"“”") {
			a.Kind = sayso.Direct
		}
		a.Confidence = 0.9
		a.Speaker = speakerOf(a.Source)
		out = append(out, a)
	}
	return out, nil
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "it": true}

// speakerOf names the speaker of a source mention: capitalised mentions are
// people, pronouns and lower-case ones unresolved.
func speakerOf(src *sayso.Segment) *sayso.Speaker {
	if src == nil {
		return &sayso.Speaker{Type: sayso.Anonymous, Resolution: sayso.Unresolved}
	}
	name := strings.TrimSpace(src.Text)
	r, _ := utf8.DecodeRuneInString(name)
	if pronouns[strings.ToLower(name)] || !unicode.IsUpper(r) || utf8.RuneCountInString(name) > 60 {
		return &sayso.Speaker{Type: sayso.Anonymous, Resolution: sayso.Unresolved}
	}
	return &sayso.Speaker{Name: name, Type: sayso.Person, Resolution: sayso.ResolvedNamed}
}

// splitParagraphs cuts text at blank lines, keeping the attributions that
// lie wholly inside one paragraph, with offsets made relative to it.
func splitParagraphs(text []rune, attrs []sayso.Attribution) []paragraph {
	var out []paragraph
	start := 0
	flush := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(text[s]) {
			s++
		}
		for e > s && unicode.IsSpace(text[e-1]) {
			e--
		}
		if e > s {
			p := paragraph{text: string(text[s:e])}
			for _, a := range attrs {
				if inside(a, s, e) {
					p.attrs = append(p.attrs, shift(a, -s))
				}
			}
			out = append(out, p)
		}
	}
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '\n' && text[i+1] == '\n' {
			flush(i)
			start = i + 2
			i++
		}
	}
	flush(len(text))
	return out
}

func segs(a *sayso.Attribution) []*sayso.Segment {
	return []*sayso.Segment{a.Source, a.Cue, &a.Content}
}

func inside(a sayso.Attribution, s, e int) bool {
	for _, seg := range segs(&a) {
		if seg == nil {
			continue
		}
		for _, sp := range seg.Spans {
			if sp.Start < s || sp.End > e {
				return false
			}
		}
	}
	return true
}

// shift moves an attribution's spans by d code points, copying them.
func shift(a sayso.Attribution, d int) sayso.Attribution {
	move := func(seg *sayso.Segment) *sayso.Segment {
		if seg == nil {
			return nil
		}
		c := *seg
		c.Spans = make([]sayso.Span, len(seg.Spans))
		for i, sp := range seg.Spans {
			c.Spans[i] = sayso.Span{Start: sp.Start + d, End: sp.End + d}
		}
		return &c
	}
	a.Source, a.Cue = move(a.Source), move(a.Cue)
	a.Content = *move(&a.Content)
	return a
}
