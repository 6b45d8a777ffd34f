// Package evalfiles reads the files of the shared evaluation sets in
// place: a ground-truth JSON file and gzip-compressed pages, each read
// whole and bounded. It knows no set's layout; eval/extraction and
// eval/dates do.
package evalfiles
