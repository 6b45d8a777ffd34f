package trace

import "slices"

// Components groups ids into the connected components of a graph whose
// edges are given by linked, which is asked only about pairs not yet known
// to be connected (in a fixed order, so the work is the same every time).
// Each component comes back sorted, and the components ordered by their
// least id. Since components depend only on which pairs are linked, the
// result does not depend on the order of ids.
func Components(ids []int64, linked func(a, b int64) bool) [][]int64 {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	parent := make([]int, len(ids))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			ri, rj := find(i), find(j)
			if ri == rj {
				continue
			}
			if linked(ids[i], ids[j]) {
				parent[max(ri, rj)] = min(ri, rj)
			}
		}
	}
	groups := map[int][]int64{}
	var roots []int
	for i, id := range ids {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], id)
	}
	out := make([][]int64, len(roots))
	for k, r := range roots {
		out[k] = groups[r]
	}
	return out
}
