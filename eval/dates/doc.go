// Package dates measures publication-date extraction on the mediacloud-2020
// set: 200 real news pages from many countries and languages, each with the
// day it was published (or null when the page gives none).
//
// The score is exact-day accuracy: a page counts as correct when the
// predicted calendar day equals the truth's, or when both are absent. The
// truth is a bare day ("2020-06-07") with no zone, so the predicted day is
// read as the page wrote it: in the predicted time's own location. A value
// carrying an offset ("2020-06-07T23:30:00+03:00") is the 7th, not the
// 8th in UTC; sayso's metadata keeps the page's offset for exactly this
// reason. A value given in UTC ("…Z") is read in UTC.
//
// MetadataReader is sayso's reader: the Article.Published that
// extract.FromReader outputs, and for pages extract finds no article on,
// the metadata extract reads alone (a video page still has a date). Dates
// themselves are extract/metadata's business; this package only scores
// them. It is public because the separate bench module imports it to
// score peer date extractors on the same pages with the same code.
package dates
