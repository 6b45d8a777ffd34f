// Package extract turns a web page into the article it carries: the body as
// ordered blocks of plain text with boilerplate (navigation, consent banners,
// share bars, related lists, comments) removed, credit and syndication lines
// moved out of the body into credits, and the page's metadata.
//
// It is pure: it reads bytes and returns values, touching no network,
// database or global state. Fetching is the fetch package's job.
package extract
