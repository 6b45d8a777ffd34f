package ingest

import (
	"context"

	"github.com/sayso-news/sayso"
)

// reprocessBatch is how many stored pages are loaded at a time: like a
// store batch, enough to amortise the query, few enough to bound memory.
const reprocessBatch = 16

// Reprocess reads stored pages again with the configured extractor and
// analyzer and replaces what was read from them, keeping the raw pages.
// keep, when not nil, selects the pages to re-read. Like Run it counts
// per-page failures in the summary (Read is pages re-read, Stored pages
// replaced) and returns an error only when the store fails or ctx ends.
func (in *Ingester) Reprocess(ctx context.Context, keep func(*sayso.StoredPage) bool) (*Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sum := newSummary(in.cfg.Now())
	pages := make(chan result, in.cfg.Workers)
	results := make(chan result, 2*in.cfg.Workers)
	mem := newBudget(in.cfg.MemoryBudget)
	var loadErr error
	go func() {
		defer close(pages)
		after := max(in.pages.from-1, 0)
		for ctx.Err() == nil {
			batch, err := in.cfg.Store.Pages(ctx, after, reprocessBatch)
			if err != nil {
				loadErr = err
				cancel()
				return
			}
			if len(batch) == 0 {
				return
			}
			for _, sp := range batch {
				after = sp.ID
				if in.pages.to > 0 && sp.ID > in.pages.to {
					return
				}
				if keep != nil && !keep(sp) {
					continue
				}
				n := int64(len(sp.Page.Body))
				if !mem.acquire(ctx, n) {
					return
				}
				select {
				case pages <- result{url: sp.Page.URL, held: n, rec: &sayso.Record{PageID: sp.ID, Page: sp.Page, Source: sp.Source}}:
				case <-ctx.Done():
					mem.release(n)
					return
				}
			}
		}
	}()
	read := in.startReaders(ctx, pages, results)
	go func() { read.Wait(); close(results) }()
	err := in.store(ctx, cancel, results, sum, mem)
	if err == nil {
		err = loadErr
	}
	return sum, in.finalErr(ctx, err)
}
