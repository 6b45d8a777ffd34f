package attrib

import "github.com/sayso-news/sayso/internal/quant"

// featTable is the read-only form of a tagger's weights for fast lookup:
// open addressing on the feature key, each slot holding its key and the
// seven quantised weights together, so one feature costs one cache line.
type featTable struct {
	slots []slot
	mask  uint32
	dec   [256]float32 // quantised code → weight
}

type slot struct {
	key uint32 // 0 marks an empty slot; key 0 is stored as 1
	w   [numTags]int8
	_   int8
}

// newFeatTable builds a table over the tagger's weights, quantised by q.
func newFeatTable(tg *tagger, q quant.Log) *featTable {
	n := uint32(1)
	for n < uint32(len(tg.index))*2+1 { // load factor at most 1/2: misses end sooner
		n <<= 1
	}
	t := &featTable{slots: make([]slot, n), mask: n - 1}
	for c := -128; c < 128; c++ {
		t.dec[uint8(int8(c))] = q.Decode(int8(c))
	}
	for k, r := range tg.index {
		s := t.find(fixKey(k))
		s.key = fixKey(k)
		for j := range numTags {
			s.w[j] = q.Encode(tg.w[int(r)*numTags+j])
		}
	}
	return t
}

func fixKey(k uint32) uint32 {
	if k == 0 {
		return 1
	}
	return k
}

// find returns the slot of key k, or the empty slot where it would go.
func (t *featTable) find(k uint32) *slot {
	h := (k * 0x9E3779B1) & t.mask
	for {
		s := &t.slots[h]
		if s.key == k || s.key == 0 {
			return s
		}
		h = (h + 1) & t.mask
	}
}

// addAll adds the weights of the features fs to s. It first reads the home
// slot of every feature in one branch-free pass, so that the memory loads,
// independent of each other, overlap instead of waiting on each branch.
func (t *featTable) addAll(fs []uint32, s *[numTags]float32) {
	var homes [128]uint32
	if len(fs) > len(homes) {
		for _, f := range fs {
			t.add(f, s)
		}
		return
	}
	var touch uint32
	for j, k := range fs {
		h := (fixKey(k) * 0x9E3779B1) & t.mask
		homes[j] = h
		touch += t.slots[h].key
	}
	if touch == 1 && len(fs) == 0 {
		return // never: it keeps the reading loop from being optimised away
	}
	// Seven sums in locals, unrolled, stay in registers: summing into s
	// through its pointer cost a load and a store per weight.
	dec := &t.dec
	a0, a1, a2, a3, a4, a5, a6 := s[0], s[1], s[2], s[3], s[4], s[5], s[6]
	for j, k := range fs {
		k = fixKey(k)
		h := homes[j]
		for {
			sl := &t.slots[h]
			if sl.key == k {
				w := &sl.w
				a0 += dec[uint8(w[0])]
				a1 += dec[uint8(w[1])]
				a2 += dec[uint8(w[2])]
				a3 += dec[uint8(w[3])]
				a4 += dec[uint8(w[4])]
				a5 += dec[uint8(w[5])]
				a6 += dec[uint8(w[6])]
				break
			}
			if sl.key == 0 {
				break
			}
			h = (h + 1) & t.mask
		}
	}
	*s = [numTags]float32{a0, a1, a2, a3, a4, a5, a6}
}

// add adds the weights of feature k to s.
func (t *featTable) add(k uint32, s *[numTags]float32) {
	k = fixKey(k)
	h := (k * 0x9E3779B1) & t.mask
	for {
		sl := &t.slots[h]
		if sl.key == k {
			for j, c := range sl.w {
				s[j] += t.dec[uint8(c)]
			}
			return
		}
		if sl.key == 0 {
			return
		}
		h = (h + 1) & t.mask
	}
}

// weightTable is the read-only form of the argument ranker's weights, each
// slot holding its key and its weight together.
type weightTable struct {
	slots []wslot
	mask  uint32
}

type wslot struct {
	key uint32
	w   float32
}

func newWeightTable(am *argModel) *weightTable {
	n := uint32(1)
	for n < uint32(len(am.index))*4/3+1 { // load factor at most 3/4
		n <<= 1
	}
	t := &weightTable{slots: make([]wslot, n), mask: n - 1}
	for k, r := range am.index {
		k2 := fixKey(k)
		h := (k2 * 0x9E3779B1) & t.mask
		for t.slots[h].key != 0 && t.slots[h].key != k2 {
			h = (h + 1) & t.mask
		}
		t.slots[h] = wslot{k2, am.w[r]}
	}
	return t
}

func (t *weightTable) get(k uint32) float32 {
	k = fixKey(k)
	h := (k * 0x9E3779B1) & t.mask
	for {
		s := t.slots[h]
		switch s.key {
		case k:
			return s.w
		case 0:
			return 0
		}
		h = (h + 1) & t.mask
	}
}

// sum returns the summed weights of the features fs, reading their home
// slots first in one branch-free pass so that the loads overlap.
func (t *weightTable) sum(fs []uint32) float32 {
	var homes [64]uint32
	if len(fs) > len(homes) {
		var s float32
		for _, f := range fs {
			s += t.get(f)
		}
		return s
	}
	var touch uint32
	for j, k := range fs {
		h := (fixKey(k) * 0x9E3779B1) & t.mask
		homes[j] = h
		touch += t.slots[h].key
	}
	if touch == 1 && len(fs) == 0 {
		return 0 // never: it keeps the reading loop from being optimised away
	}
	var s float32
	for j, k := range fs {
		k = fixKey(k)
		h := homes[j]
		for {
			sl := t.slots[h]
			if sl.key == k {
				s += sl.w
				break
			}
			if sl.key == 0 {
				break
			}
			h = (h + 1) & t.mask
		}
	}
	return s
}
