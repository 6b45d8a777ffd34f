package main

import (
	"context"
	"errors"
)

// runExtract is not written yet; the issue that introduces it replaces this file.
func runExtract(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}
