package ingest

// pageRange, when to > 0, limits Reprocess to pages from through to.
type pageRange struct{ from, to int64 }

// PageRange returns an Ingester like in whose Reprocess reads only the
// stored pages with ids from through to: one page (from = to), or a share
// of the corpus for one of several processes.
func (in *Ingester) PageRange(from, to int64) *Ingester {
	c := *in
	c.pages = pageRange{from: from, to: to}
	return &c
}
