package postgres_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sayso-news/sayso/store/postgres"
	"github.com/sayso-news/sayso/store/postgres/pgtest"
)

// TestHostSlots reserves slots from several goroutines (as several
// workers would): the waits for one host are an interval apart, another
// host does not wait, and a slot too far away is refused.
func TestHostSlots(t *testing.T) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, pgtest.NewPrepared(t, migrated))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	slots := postgres.NewHostSlots(s.DB())
	const n, interval = 8, time.Second
	var mu sync.Mutex
	var at []time.Time // when each request may start
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			w, ok, err := slots.Reserve(ctx, "porthaven.example", interval, time.Hour)
			if err != nil || !ok {
				t.Errorf("Reserve = %v, %v, %v", w, ok, err)
			}
			mu.Lock()
			at = append(at, time.Now().Add(w))
			mu.Unlock()
		})
	}
	wg.Wait()
	slices.SortFunc(at, func(a, b time.Time) int { return a.Compare(b) })
	// Each request a second after the one before, give or take the time a
	// reservation takes (one that waited for another's row lock counts
	// its wait from before: later, more polite, not less).
	for i := 1; i < n; i++ {
		if d := at[i].Sub(at[i-1]); d < interval-300*time.Millisecond {
			t.Errorf("requests %d and %d are %v apart, want %v", i-1, i, d, interval)
		}
	}
	if d := at[n-1].Sub(at[0]); d > (n-1)*interval+3*time.Second {
		t.Errorf("%d requests spread over %v, want about %v", n, d, (n-1)*interval)
	}
	if w, ok, err := slots.Reserve(ctx, "other.example", interval, time.Hour); err != nil || !ok || w != 0 {
		t.Errorf("another host: %v, %v, %v; want no wait", w, ok, err)
	}
	if w, ok, err := slots.Reserve(ctx, "porthaven.example", interval, 2*interval); err != nil || ok {
		t.Errorf("a slot 8 s away with 2 s allowed: %v, %v, %v; want refused", w, ok, err)
	}
}
