package syntax

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sayso-news/sayso/syntax"
)

// Set is one CoNLL-U file of the shared data.
type Set struct {
	// Name is how reports call it ("EWT dev").
	Name string
	// Path is the file, under the data folder.
	Path string
}

// EvalSets returns the sets sayso's parser is scored on: EWT dev and test
// (the published figures' set) and GUM dev (news and other genres).
func EvalSets(dataDir string) []Set {
	d := filepath.Join(dataDir, "syntax")
	return []Set{
		{"EWT dev", filepath.Join(d, "ud-english-ewt", "dev.conllu")},
		{"EWT test", filepath.Join(d, "ud-english-ewt", "test.conllu")},
		{"GUM dev", filepath.Join(d, "gum", "dev.conllu")},
	}
}

// TrainSets returns the training splits of both treebanks.
func TrainSets(dataDir string) []Set {
	d := filepath.Join(dataDir, "syntax")
	return []Set{
		{"EWT train", filepath.Join(d, "ud-english-ewt", "train.conllu")},
		{"GUM train", filepath.Join(d, "gum", "train.conllu")},
	}
}

// Load reads every sentence of the set.
func (s Set) Load() ([]*syntax.Sentence, error) {
	f, err := os.Open(s.Path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", s.Name, err)
	}
	defer f.Close()
	sents, err := syntax.ReadCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", s.Path, err)
	}
	return sents, nil
}

// SHA256 returns the hex SHA-256 of the set's file.
func (s Set) SHA256() (string, error) {
	f, err := os.Open(s.Path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("read %s: %w", s.Path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Evaluate parses every sentence of the set with m, from its gold words,
// and scores the result.
func Evaluate(ctx context.Context, m *syntax.Model, s Set) (*Scores, error) {
	sents, err := s.Load()
	if err != nil {
		return nil, err
	}
	sc := &Scores{}
	var t syntax.Tree
	var buf syntax.Buffers
	for i, g := range sents {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m.ParseInto(&t, g.Forms(), &buf)
		sc.Add(g, &t)
	}
	return sc, nil
}
