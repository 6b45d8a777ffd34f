package dates

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/sayso-news/sayso/eval/extraction"
)

// FromBodies returns the date pages of a body set: the pages for which the
// set gives a publication day (wcxb-dev and fundus give one on most). A
// page without one is left out rather than scored as "no date": the set
// does not say the page has none. File is the page's id. It fails on a
// malformed day.
func FromBodies(pages []extraction.Page) ([]Page, error) {
	var out []Page
	for _, p := range pages {
		if p.Date == "" {
			continue
		}
		d, err := time.Parse("2006-01-02", p.Date)
		if err != nil {
			return nil, fmt.Errorf("page %s: date: %w", p.ID, err)
		}
		out = append(out, Page{URL: p.URL, File: p.ID, HTML: p.HTML, Want: &d})
	}
	return out, nil
}

// Set is a named list of date pages scored together.
type Set struct {
	Name  string
	Pages []Page
}

// PublicSets returns every public date set: mediacloud-2020, loaded from
// dataDir (the shared data folder, holding dates/), then the dated pages
// of the body sets that give dates (wcxb-dev's tuning part, its set-aside
// check and fundus), taken from bodies as extraction.PublicSets loaded
// them. It fails when mediacloud-2020 is missing or a day is malformed.
func PublicSets(dataDir string, bodies []extraction.Set) ([]Set, error) {
	mc, err := Load(filepath.Join(dataDir, "dates", MediaCloud))
	if err != nil {
		return nil, err
	}
	sets := []Set{{MediaCloud, mc}}
	for _, b := range bodies {
		pages, err := FromBodies(b.Pages)
		if err != nil {
			return nil, fmt.Errorf("dates of %s: %w", b.Name, err)
		}
		if len(pages) > 0 {
			sets = append(sets, Set{b.Name, pages})
		}
	}
	return sets, nil
}
