package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"

	gowarc "github.com/nlnwa/gowarc/v3"

	"github.com/sayso-news/sayso"
)

// warcRange is a range of a WARC file's records, counted from 0 over all
// records (requests and metadata too).
type warcRange struct{ from, count int }

// WARCRange returns an Ingester like in whose WARC sources yield only
// records from through from+count-1 (numbered from 0, over all records of
// the file, as CountWARCRecords counts them): one WARC file is then shared
// out among several processes, each taking a range. A non-positive count
// means every record.
func (in *Ingester) WARCRange(from, count int) *Ingester {
	c := *in
	c.warc = warcRange{from: max(from, 0), count: count}
	return &c
}

// CountWARCRecords returns the number of records in the WARC or WARC.gz
// file at path, reading it through (a record that cannot be parsed
// counts, as the ingester numbers it). It stops at ctx's end. Errors:
// EUNAVAILABLE when the file cannot be opened, EINVALID when it ends in
// the middle of a record (the records before are counted).
func CountWARCRecords(ctx context.Context, path string) (int, error) {
	r, err := gowarc.NewWarcFileReader(path, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(DefaultMaxPageBytes))
	if err != nil {
		return 0, sayso.Errorf(sayso.EUNAVAILABLE, "warc %s: %w", path, err)
	}
	defer r.Close()
	n, bad := 0, 0
	for ; ctx.Err() == nil; n++ {
		rec, err := r.Next()
		if err == io.EOF {
			return n, nil
		}
		rec.Close()
		if err != nil {
			if bad++; bad >= maxWARCErrors || errors.Is(err, io.ErrUnexpectedEOF) {
				return n + 1, sayso.Errorf(sayso.EINVALID, "warc %s: record %d: %w", path, n+1, err)
			}
			continue
		}
		bad = 0
	}
	return n, fmt.Errorf("count warc records: %w", ctx.Err())
}
