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
	var waits []time.Duration
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			w, ok, err := slots.Reserve(ctx, "porthaven.example", interval, time.Hour)
			if err != nil || !ok {
				t.Errorf("Reserve = %v, %v, %v", w, ok, err)
			}
			mu.Lock()
			waits = append(waits, w)
			mu.Unlock()
		})
	}
	wg.Wait()
	slices.Sort(waits)
	for i, w := range waits {
		// Each slot a second after the one before, give or take the time
		// the reservations took (a reservation that waited for another's
		// row lock counts its wait from before: more polite, not less).
		if want := time.Duration(i) * interval; w > want+2*time.Second || w < want-250*time.Millisecond {
			t.Errorf("wait %d = %v, want about %v (all: %v)", i, w, want, waits)
		}
	}
	if w, ok, err := slots.Reserve(ctx, "other.example", interval, time.Hour); err != nil || !ok || w != 0 {
		t.Errorf("another host: %v, %v, %v; want no wait", w, ok, err)
	}
	if w, ok, err := slots.Reserve(ctx, "porthaven.example", interval, 2*interval); err != nil || ok {
		t.Errorf("a slot 8 s away with 2 s allowed: %v, %v, %v; want refused", w, ok, err)
	}
}
