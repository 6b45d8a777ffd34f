package main

import (
	"context"
	"errors"
)

// runIngest is not written yet; the issue that introduces it replaces this file.
func runIngest(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}
