package store

// WalkArticlesForQuotes makes Quotes always walk the articles newest
// first, and DriveQuotesByFilter makes it start from a filter's matches
// whenever it can, so that tests run every plan on small data.
func WalkArticlesForQuotes(s *Store) { s.quotePlans = walkArticles }

// DriveQuotesByFilter: see WalkArticlesForQuotes.
func DriveQuotesByFilter(s *Store) { s.quotePlans = driveByFilter }
