package syntax

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// The embedded model, trained by "sayso train syntax" (see its Info).
//
//go:embed model/syntax.model.gz
var embeddedModel []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	m, err := ReadModel(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("embedded syntax model: %w", err)
	}
	return m, nil
})

// DefaultModel returns the embedded model, read once. It fails only if the
// embedded model is corrupt.
func DefaultModel() (*Model, error) { return defaultModel() }
