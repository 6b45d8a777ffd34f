package main

import (
	"context"
	"errors"
)

// runShow is not written yet; the issue that introduces it replaces this file.
func runShow(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}
