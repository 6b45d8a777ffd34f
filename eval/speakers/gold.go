package speakers

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Row is one gold speaker annotation.
type Row struct {
	// File names the PolNeAR article, Annotator its reference annotator,
	// EID the attribution's E line in that annotation.
	File, Annotator, EID string
	// ContentStart is the smallest start offset of the Content pieces, in
	// code points.
	ContentStart int
	// SourceText is the reference Source span, "" when it has none.
	SourceText string
	// Speaker is who said it: a name, ANONYMOUS or UNKNOWN.
	Speaker string
	// Type is person, organisation, group, anonymous, document or unknown.
	Type string
	// Note is the annotator's remark.
	Note string
}

// Anonymous and Unknown are the gold speakers that are not names.
const (
	Anonymous = "ANONYMOUS"
	Unknown   = "UNKNOWN"
)

// maxGoldLine bounds one line of a gold file.
const maxGoldLine = 64 << 10

// LoadGold reads a gold file in the guideline's format: a header line, then
// tab-separated rows of file, annotator, eid, content_start, source_text,
// speaker, speaker_type, note.
func LoadGold(path string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open speaker gold: %w", err)
	}
	defer f.Close()
	rows, err := ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows, nil
}

// ReadGold reads gold rows from r (see LoadGold).
func ReadGold(r io.Reader) ([]Row, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxGoldLine)
	var rows []Row
	line := 0
	for sc.Scan() {
		line++
		if line == 1 && strings.HasPrefix(sc.Text(), "file\t") {
			continue
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 8 {
			return nil, fmt.Errorf("line %d: %d fields, want 8", line, len(f))
		}
		start, err := strconv.Atoi(f[3])
		if err != nil || start < 0 {
			return nil, fmt.Errorf("line %d: content_start %q", line, f[3])
		}
		if f[5] == "" {
			return nil, fmt.Errorf("line %d: no speaker", line)
		}
		rows = append(rows, Row{File: f[0], Annotator: f[1], EID: f[2], ContentStart: start,
			SourceText: f[4], Speaker: f[5], Type: f[6], Note: f[7]})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return rows, nil
}

// Kinds of reference a gold row's source is.
const (
	KindNamed       = "named"
	KindPronoun     = "pronoun"
	KindTitle       = "title"
	KindCarriedOver = "carried over"
	KindUnresolved  = "unresolved"
)

// Kinds lists the kinds in the order reports show them.
var Kinds = []string{KindNamed, KindPronoun, KindTitle, KindCarriedOver, KindUnresolved}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
	"him": true, "her": true, "them": true, "us": true, "me": true, "who": true, "which": true,
	"his": true, "its": true, "their": true, "our": true, "my": true, "whom": true, "that": true,
}

// Kind tells how the row's source refers to its speaker: carried over
// when there is no source, unresolved when the speaker is anonymous or
// unknown, named when the source holds a word of the speaker's name,
// pronoun when it is a pronoun, title otherwise ("the spokesman", "the
// campaign").
func (r Row) Kind() string {
	switch {
	case strings.TrimSpace(r.SourceText) == "":
		return KindCarriedOver
	case r.Speaker == Anonymous || r.Speaker == Unknown:
		return KindUnresolved
	}
	src := words(r.SourceText)
	for _, w := range words(r.Speaker) {
		if len(w) > 1 && !titles[w] && contains(src, w) {
			return KindNamed
		}
	}
	if len(src) <= 2 {
		for _, w := range src {
			if pronouns[w] {
				return KindPronoun
			}
		}
	}
	return KindTitle
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// devGold is the gold over PolNeAR dev (testdata/README.md).
//
//go:embed testdata/polnear-dev-speakers.tsv
var devGold string

// DevGold returns the gold over PolNeAR dev shipped with sayso.
func DevGold() []Row {
	rows, err := ReadGold(strings.NewReader(devGold))
	if err != nil {
		panic("eval/speakers: embedded gold: " + err.Error())
	}
	return rows
}
