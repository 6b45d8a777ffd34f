// Package benchdata builds benchmark inputs from the shared evaluation
// data, in place: a WARC file of real news pages for ingest throughput.
// Nothing it reads is copied into the repository.
package benchdata
