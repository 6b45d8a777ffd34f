package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sayso-news/sayso/store/sqlite"
)

// TestServeRefusesWithoutToken: beyond loopback, serve needs a token.
func TestServeRefusesWithoutToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "corpus.db")
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, addr := range []string{"0.0.0.0:0", ":0"} {
		code, _, stderr := runCmd(t, "serve", "--db", db, "--addr", addr, "--fast")
		if code != exitFailure || !strings.Contains(stderr, "without a token") {
			t.Errorf("serve --addr %s: exit %d, %q", addr, code, stderr)
		}
	}
	if code, _, stderr := runCmd(t, "serve", "--db", filepath.Join(t.TempDir(), "none.db")); code != exitFailure || !strings.Contains(stderr, "no corpus database") {
		t.Errorf("serve without a corpus: exit %d, %q", code, stderr)
	}
	if code, _, _ := runCmd(t, "demo", "extra"); code != exitUsage {
		t.Errorf("demo with an argument: exit %d", code)
	}
}
