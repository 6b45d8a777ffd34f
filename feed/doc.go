// Package feed reads the documents that list news articles — RSS, Atom and
// JSON Feed (through github.com/mmcdole/gofeed), XML sitemaps, sitemap
// indexes and Google News sitemaps (through encoding/xml) — into a list of
// entries to fetch.
//
// It is pure: it parses bytes the caller fetched or read, resolves relative
// addresses against the document's own, and bounds what it reads (size,
// entries, nesting). Following a sitemap index's children is the caller's
// job.
package feed
