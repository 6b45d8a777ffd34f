package web_test

import (
	"fmt"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sayso-web-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	demoDir = dir
	code := m.Run()
	if demoData != nil {
		demoData.store.Close()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}
