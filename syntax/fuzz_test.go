package syntax

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// FuzzParseText feeds arbitrary text through SplitText and the parser:
// every word must get a head inside its sentence and each sentence one root.
func FuzzParseText(f *testing.F) {
	m, err := DefaultModel()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Peskov said the Kremlin wasn't ready.")
	f.Add("“We’re—ready,” he said… (maybe) -- U.S.-led anti-war.")
	f.Add("\x00\xff\n\n'''")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		for _, s := range SplitText(text) {
			tr := m.Parse(s.Words)
			roots := 0
			for i, h := range tr.Head {
				if h < 0 || h > tr.Len() || h == i+1 {
					t.Fatalf("word %d of %q: head %d", i+1, s.Words, h)
				}
				if h == 0 {
					roots++
				}
			}
			if tr.Len() > 0 && roots != 1 {
				t.Fatalf("%q: %d roots", s.Words, roots)
			}
		}
	})
}

// FuzzReadModel reads corrupted forms of a small model: an error, never a
// panic or a huge allocation.
func FuzzReadModel(f *testing.F) {
	sents, err := ReadCoNLLU(strings.NewReader(sample + sample))
	if err != nil {
		f.Fatal(err)
	}
	m, err := Train(context.Background(), sents, TrainConfig{Seed: 1, TagEpochs: 1, ParseEpochs: 1, Folds: 1, Clusters: -1})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add(buf.Bytes()[:buf.Len()/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadModel(bytes.NewReader(b))
		if err == nil {
			m.Parse([]string{"a", "b"})
		}
	})
}
