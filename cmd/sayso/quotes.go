package main

import (
	"context"
	"errors"
)

// runQuotes is not written yet; the issue that introduces it replaces this file.
func runQuotes(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}
