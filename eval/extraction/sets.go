package extraction

import (
	"fmt"
	"hash/fnv"
	"path/filepath"
)

// The public body sets, by their folder names under extraction/.
const (
	Scrapinghub = "scrapinghub"
	WCXBDev     = "wcxb-dev"
	Fundus      = "fundus"
)

// The two parts of wcxb-dev: the part heuristics are tuned on, and the part
// set aside as an untouched check, whose pages are never looked at one by
// one and whose figure is read only at checkpoints.
const (
	WCXBTune  = WCXBDev + ":tune"
	WCXBCheck = WCXBDev + ":check"
)

// splitSeed and setAsidePercent fix the wcxb-dev split once and for all:
// changing either would mix pages already tuned on into the check.
const (
	splitSeed       = "sayso/wcxb-dev/set-aside/2026-12"
	setAsidePercent = 30
)

// SetAside reports whether the wcxb-dev page id belongs to the part set
// aside as an untouched check: the 64-bit FNV-1a hash of the fixed seed, a
// NUL byte and the id, taken modulo 100, is below 30. The rule depends on
// the id alone, so the split is the same on every machine and stays fixed
// as the set grows.
func SetAside(id string) bool {
	h := fnv.New64a()
	h.Write([]byte(splitSeed))
	h.Write([]byte{0})
	h.Write([]byte(id))
	return h.Sum64()%100 < setAsidePercent
}

// SplitSetAside cuts pages into the tuning part and the set-aside check
// (see SetAside), each in the pages' order.
func SplitSetAside(pages []Page) (tune, check []Page) {
	for _, p := range pages {
		if SetAside(p.ID) {
			check = append(check, p)
		} else {
			tune = append(tune, p)
		}
	}
	return tune, check
}

// Set is a named list of pages scored together.
type Set struct {
	Name  string
	Pages []Page
}

// PublicSets loads every public body set under dataDir (the shared data
// folder, holding extraction/): scrapinghub, wcxb-dev's tuning part,
// wcxb-dev's set-aside check and fundus, in that order. It fails when any
// is missing or unreadable.
func PublicSets(dataDir string) ([]Set, error) {
	var sets []Set
	for _, name := range []string{Scrapinghub, WCXBDev, Fundus} {
		pages, err := Load(filepath.Join(dataDir, "extraction", name))
		if err != nil {
			return nil, err
		}
		if name == WCXBDev {
			tune, check := SplitSetAside(pages)
			if len(tune) == 0 || len(check) == 0 {
				return nil, fmt.Errorf("load %s: split left a part empty (%d tune, %d check)", name, len(tune), len(check))
			}
			sets = append(sets, Set{WCXBTune, tune}, Set{WCXBCheck, check})
			continue
		}
		sets = append(sets, Set{name, pages})
	}
	return sets, nil
}

// Tuning reports whether a set named name may be looked at page by page
// while tuning: every public set except wcxb-dev's set-aside check.
func Tuning(name string) bool { return name != WCXBCheck }
