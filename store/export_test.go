package store

// SetQuoteScanMin sets the number of matches from which Quotes walks the
// articles newest first, so that tests can run every plan on small data.
func SetQuoteScanMin(s *Store, n int) { s.quoteScanMin = n }
