package syntax

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const sample = `# sent_id = 1
# text = He didn't say.
1	He	he	PRON	PRP	_	3	nsubj	3:nsubj	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	say	say	VERB	VB	_	0	root	0:root	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	4:punct	_

`

func TestCoNLLURoundTrip(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 || len(sents[0].Words) != 5 {
		t.Fatalf("got %d sentences, %d words", len(sents), len(sents[0].Words))
	}
	w := sents[0].Words[3]
	if w.Form != "say" || w.UPOS != "VERB" || w.Head != 0 || w.Deprel != "root" {
		t.Errorf("word 4 = %+v", w)
	}
	if got := sents[0].Text(); got != "He didn't say." {
		t.Errorf("Text() = %q", got)
	}
	var buf bytes.Buffer
	if err := WriteCoNLLU(&buf, sents); err != nil {
		t.Fatal(err)
	}
	if buf.String() != sample {
		t.Errorf("round trip changed the file:\n%s", buf.String())
	}
}

func TestCoNLLUErrors(t *testing.T) {
	for name, in := range map[string]string{
		"columns":   "1\tHe\n\n",
		"id order":  "2\tHe\the\tPRON\tPRP\t_\t0\troot\t_\t_\n\n",
		"bad head":  "1\tHe\the\tPRON\tPRP\t_\tx\troot\t_\t_\n\n",
		"far head":  "1\tHe\the\tPRON\tPRP\t_\t5\troot\t_\t_\n\n",
		"self head": "1\tHe\the\tPRON\tPRP\t_\t1\troot\t_\t_\n\n",
		"long line": "1\t" + strings.Repeat("x", MaxLineBytes) + "\n",
		"comment":   "1\tHe\the\tPRON\tPRP\t_\t0\troot\t_\t_\n# late\n\n",
	} {
		if _, err := ReadCoNLLU(strings.NewReader(in)); !errors.Is(err, ErrCoNLLU) {
			t.Errorf("%s: err = %v, want ErrCoNLLU", name, err)
		}
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		sents, err := ReadCoNLLU(bytes.NewReader(b))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteCoNLLU(&buf, sents); err != nil {
			t.Fatal(err)
		}
		again, err := ReadCoNLLU(&buf)
		if err != nil {
			t.Fatalf("re-reading written CoNLL-U: %v", err)
		}
		if len(again) != len(sents) {
			t.Fatalf("%d sentences, then %d", len(sents), len(again))
		}
	})
}
