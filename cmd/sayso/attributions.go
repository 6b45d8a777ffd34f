package main

import (
	"context"
	"errors"
)

// runAttributions is not written yet; the issue that introduces it replaces this file.
func runAttributions(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}
