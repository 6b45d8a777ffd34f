package ingest

import (
	"context"
	"sync"
)

// budget bounds the bytes of page bodies held in the pipeline at once, so
// that a run over hostile or huge inputs (a WARC of 20 MB pages) stays
// within memory whatever the channel sizes.
type budget struct {
	mu    sync.Mutex
	cond  *sync.Cond
	total int64
	used  int64
}

func newBudget(total int64) *budget {
	b := &budget{total: total}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes fit in the budget, or ctx ends (returning
// false). A body larger than the whole budget is let through alone, so it
// cannot wait forever.
func (b *budget) acquire(ctx context.Context, n int64) bool {
	if b == nil || n <= 0 {
		return true
	}
	stop := context.AfterFunc(ctx, func() {
		b.mu.Lock()
		b.cond.Broadcast()
		b.mu.Unlock()
	})
	defer stop()
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.used > 0 && b.used+n > b.total {
		if ctx.Err() != nil {
			return false
		}
		b.cond.Wait()
	}
	b.used += n
	return true
}

// release returns n bytes to the budget.
func (b *budget) release(n int64) {
	if b == nil || n <= 0 {
		return
	}
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}
