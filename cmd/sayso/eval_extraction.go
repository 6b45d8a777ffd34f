package main

import (
	"context"
	"errors"
)

// runEvalExtraction is not written yet; the issue that introduces it replaces this file.
func runEvalExtraction(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}
