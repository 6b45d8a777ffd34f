package syntax

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CoNLL-U (https://universaldependencies.org/format.html): one word a line
// in ten tab-separated columns, comment lines starting with "#", multiword
// token lines ("1-2") and empty nodes ("8.1"), a blank line after each
// sentence.

// Bounds on CoNLL-U input, so that a hostile or broken file costs memory
// in proportion to what is worth reading: no real sentence comes near them.
const (
	// MaxLineBytes bounds one line of a CoNLL-U file.
	MaxLineBytes = 64 << 10
	// MaxSentenceWords bounds the words of one sentence.
	MaxSentenceWords = 4096
)

// Column indexes of a CoNLL-U word line.
const (
	colID = iota
	colForm
	colLemma
	colUPOS
	colXPOS
	colFeats
	colHead
	colDeprel
	colDeps
	colMisc
	numCols
)

// Word is one syntactic word of a sentence.
type Word struct {
	// Form is the word as written.
	Form string
	// UPOS is the universal part-of-speech tag ("NOUN", "VERB"…), "" when unknown.
	UPOS string
	// XPOS is the language-specific tag (Penn Treebank for English), "" when unknown.
	XPOS string
	// Head is the 1-based position of the word's head, 0 for the root and
	// -1 when unknown.
	Head int
	// Deprel is the relation to the head ("nsubj", "obl:tmod"…), "" when unknown.
	Deprel string
	// cols keeps the line's ten columns so that a sentence read from a file
	// is written back with the columns the parser does not fill.
	cols []string
}

// Sentence is one sentence of a CoNLL-U file: its words and, to write it
// back as read, its comments and the lines that are not words (multiword
// tokens, empty nodes) at their places.
type Sentence struct {
	Words []Word
	// Comments are the sentence's comment lines, "#" included.
	Comments []string
	// extra holds the non-word lines; extra[i] are those before word i
	// (extra[len(Words)] those after the last word).
	extra map[int][]string
}

// Text returns the sentence's "# text =" comment, or its word forms joined
// by spaces when it has none.
func (s *Sentence) Text() string {
	for _, c := range s.Comments {
		if t, ok := strings.CutPrefix(c, "# text ="); ok {
			return strings.TrimSpace(t)
		}
	}
	forms := make([]string, len(s.Words))
	for i, w := range s.Words {
		forms[i] = w.Form
	}
	return strings.Join(forms, " ")
}

// Forms returns the word forms of the sentence.
func (s *Sentence) Forms() []string {
	forms := make([]string, len(s.Words))
	for i, w := range s.Words {
		forms[i] = w.Form
	}
	return forms
}

// ErrCoNLLU is wrapped by every error ReadCoNLLU returns for malformed input.
var ErrCoNLLU = errors.New("malformed CoNLL-U")

// ReadCoNLLU reads every sentence of a CoNLL-U stream. A malformed line is
// an error that wraps ErrCoNLLU and names the line; a head pointing outside
// its sentence is one too.
func ReadCoNLLU(r io.Reader) ([]*Sentence, error) {
	var out []*Sentence
	err := ScanCoNLLU(r, func(s *Sentence) error {
		out = append(out, s)
		return nil
	})
	return out, err
}

// ScanCoNLLU calls fn with each sentence of a CoNLL-U stream in turn, so
// that a large file need not be held in memory; it stops at the first
// error, its own (wrapping ErrCoNLLU) or fn's.
func ScanCoNLLU(r io.Reader, fn func(*Sentence) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	line := 0
	cur := &Sentence{}
	started := false
	flush := func() error {
		if !started {
			return nil
		}
		if err := cur.check(); err != nil {
			return fmt.Errorf("%w: sentence ending at line %d: %v", ErrCoNLLU, line, err)
		}
		s := cur
		cur, started = &Sentence{}, false
		return fn(s)
	}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		switch {
		case strings.TrimSpace(text) == "":
			if err := flush(); err != nil {
				return err
			}
		case strings.HasPrefix(text, "#"):
			if len(cur.Words) > 0 || len(cur.extra) > 0 {
				return fmt.Errorf("%w: line %d: comment inside a sentence", ErrCoNLLU, line)
			}
			cur.Comments = append(cur.Comments, text)
			started = true
		default:
			started = true
			if err := cur.addLine(text); err != nil {
				return fmt.Errorf("%w: line %d: %v", ErrCoNLLU, line, err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("%w: line %d longer than %d bytes", ErrCoNLLU, line+1, MaxLineBytes)
		}
		return fmt.Errorf("read CoNLL-U: %w", err)
	}
	return flush()
}

// addLine adds one word, multiword-token or empty-node line.
func (s *Sentence) addLine(text string) error {
	cols := strings.Split(text, "\t")
	if len(cols) != numCols {
		return fmt.Errorf("%d columns, want %d", len(cols), numCols)
	}
	id := cols[colID]
	if strings.ContainsAny(id, "-.") {
		if s.extra == nil {
			s.extra = map[int][]string{}
		}
		s.extra[len(s.Words)] = append(s.extra[len(s.Words)], text)
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != len(s.Words)+1 {
		return fmt.Errorf("word id %q, want %d", id, len(s.Words)+1)
	}
	if len(s.Words) >= MaxSentenceWords {
		return fmt.Errorf("more than %d words in a sentence", MaxSentenceWords)
	}
	if cols[colForm] == "" {
		return errors.New("empty form")
	}
	w := Word{Form: cols[colForm], UPOS: unset(cols[colUPOS]), XPOS: unset(cols[colXPOS]),
		Head: -1, Deprel: unset(cols[colDeprel]), cols: cols}
	if h := cols[colHead]; h != "_" {
		if w.Head, err = strconv.Atoi(h); err != nil || w.Head < 0 {
			return fmt.Errorf("head %q is not a word id", h)
		}
	}
	s.Words = append(s.Words, w)
	return nil
}

// check verifies that the heads point inside the sentence.
func (s *Sentence) check() error {
	if len(s.Words) == 0 {
		return errors.New("no words")
	}
	for i, w := range s.Words {
		if w.Head > len(s.Words) || w.Head == i+1 {
			return fmt.Errorf("word %d: head %d", i+1, w.Head)
		}
	}
	return nil
}

func unset(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

func orUnset(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// WriteCoNLLU writes sentences in CoNLL-U. Words read from a file keep
// their other columns (lemma, features, enhanced dependencies,
// miscellany) and the sentence its comments and multiword-token lines;
// FORM, UPOS, XPOS, HEAD and DEPREL come from the Word fields.
func WriteCoNLLU(w io.Writer, sents []*Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for _, c := range s.Comments {
			bw.WriteString(c)
			bw.WriteByte('\n')
		}
		for i, wd := range s.Words {
			for _, x := range s.extra[i] {
				bw.WriteString(x)
				bw.WriteByte('\n')
			}
			cols := make([]string, numCols)
			for c := range cols {
				cols[c] = "_"
			}
			if len(wd.cols) == numCols {
				copy(cols, wd.cols)
			}
			cols[colID] = strconv.Itoa(i + 1)
			cols[colForm] = wd.Form
			cols[colUPOS] = orUnset(wd.UPOS)
			cols[colXPOS] = orUnset(wd.XPOS)
			cols[colHead] = "_"
			if wd.Head >= 0 {
				cols[colHead] = strconv.Itoa(wd.Head)
			}
			cols[colDeprel] = orUnset(wd.Deprel)
			bw.WriteString(strings.Join(cols, "\t"))
			bw.WriteByte('\n')
		}
		for _, x := range s.extra[len(s.Words)] {
			bw.WriteString(x)
			bw.WriteByte('\n')
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// NewWord returns a word with the given form and MISC column and nothing
// else known, ready to be tagged and parsed.
func NewWord(form, misc string) Word {
	cols := []string{"_", form, "_", "_", "_", "_", "_", "_", "_", orUnset(misc)}
	return Word{Form: form, Head: -1, cols: cols}
}
