// Package urlnorm canonicalises URLs so that addresses naming the same page
// compare equal: the key the store deduplicates pages by.
//
// Normalisation is conservative: it only undoes differences that cannot
// change what a server returns (case of scheme and host, default ports,
// dot segments, percent-encoding of unreserved characters, the fragment,
// query order) and drops well-known tracking parameters. It does not guess
// that "www." or a trailing slash can be removed.
package urlnorm
