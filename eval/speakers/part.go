package speakers

import (
	"fmt"
	"hash/fnv"
)

// Parts of the gold: rows are split by article, so that the check part
// stays an untouched measure while errors are studied on the tune part.
const (
	PartTune  = "tune"
	PartCheck = "check"
	PartAll   = "all"
)

// partSeed fixes the split; changing it would make the check part's
// figures incomparable with earlier ones.
const partSeed = "sayso-speakers-1"

// tuneShare is the percentage of articles in the tune part: about 70%
// leaves the check part large enough (some 200 rows) to see a few points.
const tuneShare = 70

// PartOf returns the part an article of the gold belongs to, PartTune or
// PartCheck, from a seeded hash of its file name.
func PartOf(file string) string {
	h := fnv.New64a()
	h.Write([]byte(partSeed + "\x00" + file))
	if h.Sum64()%100 < tuneShare {
		return PartTune
	}
	return PartCheck
}

// SelectPart keeps the rows of the given part (PartAll keeps every row).
// It returns an error for an unknown part name.
func SelectPart(rows []Row, part string) ([]Row, error) {
	switch part {
	case PartAll:
		return rows, nil
	case PartTune, PartCheck:
	default:
		return nil, fmt.Errorf("unknown part %q (want tune, check or all)", part)
	}
	var out []Row
	for _, r := range rows {
		if PartOf(r.File) == part {
			out = append(out, r)
		}
	}
	return out, nil
}
