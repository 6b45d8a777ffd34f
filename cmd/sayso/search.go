package main

import (
	"context"
	"errors"
)

// runSearch is not written yet; the issue that introduces it replaces this file.
func runSearch(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}
