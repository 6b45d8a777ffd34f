// Package web serves a corpus as HTML pages and as a versioned JSON API
// (/api/v1/…): search, articles with their attributions highlighted in
// place, quote traces on a timeline, speaker and outlet profiles, and an
// analyse page for a URL, HTML or text. Templates and assets are embedded;
// every value from a page is escaped by html/template, scripts come only
// from /static (the Content-Security-Policy forbids inline script), request
// bodies and times are bounded, and endpoints that write require a token
// when the server listens beyond the loopback interface.
//
// The package depends on the sayso types and on the Corpus interface, not
// on a store: cmd/sayso picks the store.
package web
