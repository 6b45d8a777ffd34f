package main

import (
	"context"
	"errors"
)

// runExport is not written yet; the issue that introduces it replaces this file.
func runExport(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}
