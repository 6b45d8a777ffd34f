package worker

import (
	"context"
	"fmt"
	"time"
)

// slotBusy is the error of a request whose host's next slot is too far
// away: the job is snoozed for wait.
type slotBusy struct {
	host string
	wait time.Duration
}

func (e *slotBusy) Error() string {
	return fmt.Sprintf("host %s is busy for %v (other workers' requests)", e.host, e.wait.Round(time.Millisecond))
}

// polite reserves the request slot of u's host, shared by every worker, and
// waits for it; a slot further than maxSlotWait is not reserved and a
// *slotBusy error returned.
func (w *jobs) polite(ctx context.Context, u string) error {
	host := hostOf(u)
	if w.cfg.HostInterval <= 0 || host == "" {
		return nil
	}
	wait, ok, err := w.slots.Reserve(ctx, host, w.cfg.HostInterval, maxSlotWait)
	if err != nil {
		return err
	}
	if !ok {
		return &slotBusy{host: host, wait: maxSlotWait}
	}
	if wait <= 0 {
		return nil
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
