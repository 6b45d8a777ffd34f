package ingest

import (
	"context"
	"testing"
)

func TestBudget(t *testing.T) {
	b := newBudget(100)
	ctx := context.Background()
	if !b.acquire(ctx, 60) || !b.acquire(ctx, 40) {
		t.Fatal("acquire within the budget failed")
	}
	got := make(chan bool)
	go func() { got <- b.acquire(ctx, 10) }()
	b.release(60)
	if !<-got {
		t.Fatal("acquire after a release failed")
	}
	b.release(50)
	// A body larger than the whole budget passes when nothing else is held.
	if !b.acquire(ctx, 500) {
		t.Fatal("oversize acquire on an empty budget failed")
	}
	cctx, cancel := context.WithCancel(ctx)
	go func() { got <- b.acquire(cctx, 10) }()
	cancel()
	if <-got {
		t.Error("acquire succeeded after its context ended, with the budget full")
	}
	b.release(500)
	if b.used != 0 {
		t.Errorf("used = %d after releasing everything", b.used)
	}
}
