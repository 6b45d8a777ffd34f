// Package fakesite is a loopback web server for tests: it replays pages,
// feeds, sitemaps and a robots.txt that a test registers, and serves the
// hostile responses a crawler must survive — an endless body, a gzip bomb,
// error statuses, slow and flaky handlers, redirect loops.
//
// It listens on 127.0.0.1 only; nothing here touches the internet. Clients
// must allow private addresses to reach it (fetch.Options.AllowPrivate).
package fakesite
