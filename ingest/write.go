package ingest

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/sayso-news/sayso"
)

// write stores results in batches and keeps the summary. It returns an
// error only when the store fails for good. Batches are saved by a second
// goroutine while the next one fills, so readers never wait for a commit.
//
// Saving ignores the end of ctx: what was read in full before a run was
// stopped is still stored (a batch commits in milliseconds), while
// results that ctx's end cut short are only counted, as Interrupted.
func (in *Ingester) write(ctx context.Context, results <-chan result, sum *Summary, mem *budget) error {
	saveCtx := context.WithoutCancel(ctx)
	var mu sync.Mutex // guards sum and lastLog
	lastLog := in.cfg.Now()
	report := func() { // with mu held
		if in.cfg.Progress != nil {
			in.cfg.Progress(*sum)
			return
		}
		if now := in.cfg.Now(); now.Sub(lastLog) >= progressInterval {
			lastLog = now
			in.cfg.Log.Info("progress", "stored", sum.Stored, "articles", sum.Articles, "duplicates", sum.Duplicates,
				"no_article", sum.NoArticle, "failed", sum.Failed)
		}
	}

	batches := make(chan []result, 1)
	saved := make(chan error, 1)
	failed := make(chan struct{}) // closed when the store fails for good
	go func() {
		var err error
		for b := range batches {
			if err == nil {
				if err = in.save(saveCtx, b, sum, &mu); err != nil {
					close(failed)
				}
				mu.Lock()
				report()
				mu.Unlock()
			}
			for _, r := range b {
				mem.release(r.held)
			}
		}
		saved <- err
	}()
	// finish hands over the last batch and waits for the saver.
	var batch []result
	var batchBytes int64
	// A batch is also handed over when its bodies fill a quarter of the
	// memory budget, so that two batches leave half of it to the readers.
	maxBatchBytes := in.cfg.MemoryBudget / 4
	finish := func() error {
		if len(batch) > 0 {
			batches <- batch
		}
		close(batches)
		return <-saved
	}

	timer := time.NewTimer(flushInterval)
	defer timer.Stop()
	for {
		select {
		case <-failed:
			return finish()
		case r, ok := <-results:
			if !ok {
				return finish()
			}
			mu.Lock()
			switch {
			case r.skipped:
				sum.Skipped++
			case r.dup:
				sum.Duplicates++
				report()
			case r.interrupted || r.fail != nil && ctx.Err() != nil:
				// Cut short by the end of the run (a fetch or read that
				// failed because ctx ended): the next run does it again.
				sum.Interrupted++
				mem.release(r.held)
				report()
			case r.fail != nil:
				sum.fail(r.stage, r.fail)
				in.cfg.Log.Warn("failed", "stage", r.stage, "url", r.url, "err", r.fail)
				report()
			default:
				if r.fetched {
					sum.Fetched++
				} else {
					sum.Read++
				}
				batch = append(batch, r)
				batchBytes += r.held
			}
			mu.Unlock()
			if len(batch) < in.cfg.BatchSize && batchBytes < maxBatchBytes {
				continue
			}
		case <-timer.C:
			timer.Reset(flushInterval)
			if len(batch) == 0 {
				continue
			}
		}
		// Hand the batch over; this waits only while the previous one is
		// still being saved.
		select {
		case batches <- batch:
			batch, batchBytes = nil, 0
		case <-failed:
			return finish()
		}
	}
}

// save stores a batch in one transaction. When the transaction fails, the
// records are saved one by one so that one bad record cannot sink the
// others; if every one fails, the store is broken and the error returned.
func (in *Ingester) save(ctx context.Context, batch []result, sum *Summary, mu *sync.Mutex) error {
	recs := make([]*sayso.Record, len(batch))
	for i, r := range batch {
		recs[i] = r.rec
	}
	res, err := in.cfg.Store.Save(ctx, recs)
	mu.Lock()
	defer mu.Unlock()
	if err == nil {
		for i, r := range res {
			in.count(batch[i], r, sum)
		}
		return nil
	}
	if len(batch) == 1 {
		sum.fail("store", err)
		return fmt.Errorf("store: %w", err)
	}
	failed := 0
	var last error
	for _, r := range batch {
		mu.Unlock()
		res, err := in.cfg.Store.Save(ctx, []*sayso.Record{r.rec})
		mu.Lock()
		if err != nil {
			failed++
			last = err
			sum.fail("store", err)
			in.cfg.Log.Warn("failed", "stage", "store", "url", r.url, "err", err)
			continue
		}
		in.count(r, res[0], sum)
	}
	if failed == len(batch) {
		return fmt.Errorf("store: %w", last)
	}
	return nil
}

// count adds a saved record to the summary.
func (in *Ingester) count(r result, res sayso.SaveResult, sum *Summary) {
	rec := r.rec
	switch res.Outcome {
	case sayso.OutcomeDuplicateURL, sayso.OutcomeDuplicateContent:
		sum.Duplicates++
		return
	}
	sum.Stored++
	switch rec.State {
	case sayso.StateArticle:
		sum.Articles++
		if r.analyzeErr != nil {
			sum.AttributionFailed++
			sum.reason("attribute", r.analyzeErr)
		}
	case sayso.StateNoArticle:
		sum.NoArticle++
		sum.reason("extract", r.extractErr)
	default:
		sum.ExtractFailed++
		sum.reason("extract", r.extractErr)
		in.cfg.Log.Warn("extraction failed", "url", rec.Page.URL, "err", rec.Error)
	}
}
