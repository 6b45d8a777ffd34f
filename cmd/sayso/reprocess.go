package main

import (
	"context"
	"errors"
)

// runReprocess is not written yet; the issue that introduces it replaces this file.
func runReprocess(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}
