// Package metadata reads an HTML document's metadata — JSON-LD (schema.org
// Article family, @graph), OpenGraph, Twitter cards, Dublin Core, microdata,
// <time> elements, URL patterns and visible date and byline lines — keeping
// every value with the evidence it came from and choosing the final value
// late, by the explicit priority in priority.go.
//
// Dates: a value with a UTC offset keeps it; a value with a time but no zone
// is kept as written, in UTC; a date without a time is midnight UTC. So the
// calendar day of a chosen date, read in its own location, is always the day
// the page wrote. Years outside 1995–2100 are rejected, and so are dates
// after Options.Now and visible-page dates after every structured date.
//
// Authors are people: outlets, wire services and roles named in bylines
// ("By AP", "Reuters Staff", "Editorial Board") are dropped, lists ("A, B
// and C") are split. The publisher is the site's name, else the registrable
// domain of the page's host. Languages are BCP 47 tags.
//
// It owns metadata only: the article body is extract's business. It is pure:
// no network, no mutable globals, deterministic; and bounded on hostile
// input (node, depth, JSON-LD size and candidate limits).
package metadata
