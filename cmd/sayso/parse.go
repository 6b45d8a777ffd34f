package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sayso-news/sayso/syntax"
)

// maxParseBytes bounds the text or CoNLL-U that parse reads.
const maxParseBytes = 64 << 20

// runParse implements "sayso parse": the tagged and parsed sentences of a
// text, or a CoNLL-U file's sentences with their tags and trees filled in.
func runParse(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "parse", "FILE|-",
		"Tag and parse the sentences of a plain text (or, with --input conllu, of a CoNLL-U file,\n"+
			"keeping its sentences and words and filling UPOS, XPOS, HEAD and DEPREL) with the embedded\n"+
			"part-of-speech tagger and dependency parser (Universal Dependencies English).")
	format := fs.String("format", "conllu", "output `format`: conllu or text (an indented tree per sentence)")
	input := fs.String("input", "text", "input `kind`: text or conllu")
	modelPath := fs.String("model", "", "syntax model `file` to use instead of the embedded one")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "conllu" && *format != "text" {
		return usageError{fmt.Sprintf("unknown format %q (conllu or text)", *format)}
	}
	if *input != "text" && *input != "conllu" {
		return usageError{fmt.Sprintf("unknown input %q (text or conllu)", *input)}
	}
	if fs.NArg() != 1 {
		return usageError{"want one FILE or - for standard input"}
	}
	m, err := syntaxModel(*modelPath)
	if err != nil {
		return err
	}
	in, closeIn, err := openInput(e, fs.Arg(0))
	if err != nil {
		return err
	}
	defer closeIn()
	var sents []*syntax.Sentence
	if *input == "conllu" {
		sents, err = syntax.ReadCoNLLU(in)
		if err != nil {
			return fmt.Errorf("%s: %w", fs.Arg(0), err)
		}
	} else {
		b, err := io.ReadAll(in)
		if err != nil {
			return fmt.Errorf("read %s: %w", fs.Arg(0), err)
		}
		if len(b) > maxParseBytes {
			return fmt.Errorf("%s: longer than %d MB", fs.Arg(0), maxParseBytes>>20)
		}
		sents = textSentences(string(b))
	}
	var t syntax.Tree
	var buf syntax.Buffers
	for i, s := range sents {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		m.ParseInto(&t, s.Forms(), &buf)
		for k := range s.Words {
			w := &s.Words[k]
			w.UPOS, w.XPOS, w.Head, w.Deprel = t.UPOS[k].String(), t.XPOS[k], t.Head[k], t.Rel[k].String()
		}
	}
	if *format == "conllu" {
		return syntax.WriteCoNLLU(e.stdout, sents)
	}
	return writeTrees(e.stdout, sents)
}

// openInput opens a file, or standard input for "-", bounded in size.
func openInput(e *env, name string) (io.Reader, func(), error) {
	if name == "-" {
		return io.LimitReader(e.stdin, maxParseBytes+1), func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return io.LimitReader(f, maxParseBytes+1), func() { f.Close() }, nil
}

// textSentences turns a plain text into sentences to parse, with the
// "# text =" comment and SpaceAfter=No where no space follows a word.
func textSentences(text string) []*syntax.Sentence {
	var out []*syntax.Sentence
	for k, ts := range syntax.SplitText(text) {
		s := &syntax.Sentence{Comments: []string{
			fmt.Sprintf("# sent_id = %d", k+1),
			"# text = " + strings.Join(strings.Fields(ts.Text), " "),
		}}
		for i, w := range ts.Words {
			misc := "_"
			if !ts.SpaceAfter[i] {
				misc = "SpaceAfter=No"
			}
			s.Words = append(s.Words, syntax.NewWord(w, misc))
		}
		out = append(out, s)
	}
	return out
}

// writeTrees prints each sentence as its text and then its tree, one word
// a line, dependents indented under their head.
func writeTrees(w io.Writer, sents []*syntax.Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		fmt.Fprintf(bw, "# %s\n", s.Text())
		kids := make([][]int, len(s.Words)+1)
		for i, wd := range s.Words {
			if wd.Head >= 0 && wd.Head <= len(s.Words) {
				kids[wd.Head] = append(kids[wd.Head], i+1)
			}
		}
		var walk func(h, depth int)
		walk = func(h, depth int) {
			for _, d := range kids[h] {
				wd := s.Words[d-1]
				fmt.Fprintf(bw, "%s%s  %s %s  %s\n", strings.Repeat("  ", depth), wd.Form, wd.UPOS, wd.XPOS, wd.Deprel)
				if depth < 64 {
					walk(d, depth+1)
				}
			}
		}
		walk(0, 0)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// syntaxModel returns the embedded syntax model, or the one in path.
func syntaxModel(path string) (*syntax.Model, error) {
	if path == "" {
		return syntax.DefaultModel()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := syntax.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
