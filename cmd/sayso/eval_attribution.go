package main

import (
	"context"
	"errors"
)

// runEvalAttribution is not written yet; the issue that introduces it replaces this file.
func runEvalAttribution(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}
