package attrib

import (
	"context"
	"errors"

	"github.com/sayso-news/sayso"
)

// Analyzer finds attributions in text. It is safe for concurrent use.
type Analyzer struct{}

// New returns an Analyzer using the embedded model.
func New() (*Analyzer, error) { return &Analyzer{}, nil }

// Analyze reads text (an article body, blocks separated by blank lines) and
// returns its attributions, unattributed claims, cited works and entities.
// Offsets are code points into text.
func (a *Analyzer) Analyze(ctx context.Context, text string) (*sayso.Analysis, error) {
	return nil, errors.New("attrib: not implemented yet")
}
