package syntax

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func testModel(t testing.TB) *Model {
	t.Helper()
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestParseSpeech checks the trees attribution reads most: a cue's subject
// and its clausal complement.
func TestParseSpeech(t *testing.T) {
	m := testModel(t)
	for _, c := range []struct {
		text             string
		cue, subj, compl string
		compRel          Rel
	}{
		{"Peskov said the Kremlin was ready to talk.", "said", "Peskov", "ready", Ccomp},
		{"The minister said that talks would resume on Monday.", "said", "minister", "resume", Ccomp},
		{"Moscow protested the decision, arguing that it broke the treaty.", "protested", "Moscow", "decision", Obj},
	} {
		sents := SplitText(c.text)
		if len(sents) != 1 {
			t.Fatalf("%q: %d sentences", c.text, len(sents))
		}
		tr := m.Parse(sents[0].Words)
		at := func(w string) int {
			for i, f := range tr.Words {
				if f == w {
					return i
				}
			}
			t.Fatalf("%q: no word %q", c.text, w)
			return -1
		}
		cue, subj, compl := at(c.cue), at(c.subj), at(c.compl)
		if tr.Head[cue] != 0 {
			t.Errorf("%q: %s is not the root (head %d)", c.text, c.cue, tr.Head[cue])
		}
		if tr.Head[subj] != cue+1 || tr.Rel[subj] != Nsubj {
			t.Errorf("%q: %s is %v of %d, want nsubj of %s", c.text, c.subj, tr.Rel[subj], tr.Head[subj], c.cue)
		}
		if tr.Head[compl] != cue+1 || tr.Rel[compl] != c.compRel {
			t.Errorf("%q: %s is %v of %d, want %v of %s", c.text, c.compl, tr.Rel[compl], tr.Head[compl], c.compRel, c.cue)
		}
	}
}

// TestParseBounds feeds the parser what hostile text gives it: nothing,
// one symbol, a sentence longer than MaxSentenceWords, junk words.
func TestParseBounds(t *testing.T) {
	m := testModel(t)
	if tr := m.Parse(nil); tr.Len() != 0 {
		t.Errorf("empty sentence: %d words", tr.Len())
	}
	long := strings.Fields(strings.Repeat("the cat sat , ", MaxSentenceWords/2))
	for _, words := range [][]string{{"?"}, long, {"\x00", "\uFFFD", strings.Repeat("x", 100)}} {
		tr := m.Parse(words)
		roots := 0
		for i, h := range tr.Head {
			if h < 0 || h > tr.Len() || h == i+1 {
				t.Fatalf("%d words: word %d has head %d", len(words), i+1, h)
			}
			if h == 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("%d words: %d roots", len(words), roots)
		}
	}
}

func TestReadModelErrors(t *testing.T) {
	var buf bytes.Buffer
	if _, err := testModel(t).WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for name, b := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": good[:len(good)/2],
	} {
		if _, err := ReadModel(bytes.NewReader(b)); !errors.Is(err, ErrModel) {
			t.Errorf("%s: err = %v, want ErrModel", name, err)
		}
	}
	m, err := ReadModel(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if m.SHA256() != testModel(t).SHA256() {
		t.Error("a model written and read back has another checksum")
	}
}
