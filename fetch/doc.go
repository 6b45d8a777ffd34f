// Package fetch is the only package of sayso that opens network
// connections. Its Client fetches web pages politely and defensively:
//
//   - an identifying User-Agent, robots.txt rules and Crawl-delay honoured;
//   - a per-host rate limit (one request a second by default) and a global
//     concurrency limit;
//   - a whole-request timeout, a cap on the decompressed body (so gzip bombs
//     and endless bodies stop early), a redirect limit;
//   - retries with exponential backoff on 5xx and 429, honouring Retry-After;
//   - conditional GET (ETag / Last-Modified) for callers that keep validators;
//   - refusal of private, loopback and link-local addresses, checked when
//     each connection is dialled — after DNS resolution and on every
//     redirect, so DNS rebinding cannot slip past — unless allowed.
//
// Errors are *sayso.Error values with codes (ENOTFOUND for 404 and 410,
// EFORBIDDEN for robots.txt or address refusals, ETOOLARGE for bodies over
// the cap, EUNAVAILABLE for everything the remote side did wrong), wrapped
// with the URL. Fetch does not decode charsets: Page.Body holds the bytes as
// served (after transfer decompression) and Page.Header the Content-Type, so
// extraction can decode them.
package fetch
