// Package sayso is the vocabulary of news provenance shared by every part of
// the tool: pages as fetched, articles as extracted, attributions as read
// from their text, and the errors that cross package boundaries.
//
// It imports only the standard library. The algorithms live beside it
// (extract, attrib, trace), the adapters for the network, the database and
// HTTP further out (fetch, store, web), and cmd/sayso picks the concrete
// types.
package sayso

// Version is the version of sayso, recorded in every extracted article so
// that stored results can be reprocessed when extraction improves.
const Version = "0.1.0"
