package attrib

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Word clusters: words that occur in like contexts share a cluster, learnt
// from the training text alone by k-means over each word's counts of left
// and right neighbours. Features that read a word's cluster let what was
// learnt about "said" or "argued" carry over to rarer words used the same
// way ("contended", "asserted"), which the hand-made word classes cannot.

// Cluster learning parameters. minClusterCount keeps words seen often
// enough for their contexts to mean something; contextWords is how many of
// the most frequent words serve as context dimensions; numClusters is few
// enough for each cluster to gather many training examples.
const (
	minClusterCount = 5
	contextWords    = 300
	numClusters     = 256
	coarseClusters  = 48
	kmeansRounds    = 10
	noCluster       = numClusters // cluster of words outside the map
	// coarseBase offsets coarse cluster numbers, stored in the same map as
	// the fine ones: a word's entry is fine | coarse<<9.
	coarseShift = 9
)

// fineCluster and coarseCluster split a stored cluster entry.
func fineCluster(e uint16) int   { return int(e & (1<<coarseShift - 1)) }
func coarseCluster(e uint16) int { return int(e >> coarseShift) }

// clusterOf returns the fine cluster of token i, or noCluster.
func (d *document) clusterOf(i int) int {
	if i < 0 || i >= len(d.toks) || d.cluster == nil {
		return noCluster
	}
	return fineCluster(d.cluster[i])
}

// coarseOf returns the coarse cluster of token i, or coarseClusters when
// it has none.
func (d *document) coarseOf(i int) int {
	if i < 0 || i >= len(d.toks) || d.cluster == nil || d.cluster[i] == noCluster {
		return coarseClusters
	}
	return coarseCluster(d.cluster[i])
}

// learnClusters clusters the words of docs twice, into numClusters fine and
// coarseClusters coarse clusters, and returns each word's entry (fine |
// coarse<<coarseShift); it is deterministic for a seed.
func learnClusters(docs []*document, seed uint64) map[string]uint16 {
	fine := kmeansWords(docs, numClusters, seed)
	coarse := kmeansWords(docs, coarseClusters, seed+1)
	out := make(map[string]uint16, len(fine))
	for w, f := range fine {
		out[w] = f | coarse[w]<<coarseShift
	}
	return out
}

// kmeansWords clusters the words of docs into k clusters.
func kmeansWords(docs []*document, k int, seed uint64) map[string]uint16 {
	count := map[string]int{}
	for _, d := range docs {
		for _, w := range d.low {
			count[w]++
		}
	}
	var vocab []string
	for w, c := range count {
		if c >= minClusterCount {
			vocab = append(vocab, w)
		}
	}
	// Most frequent first; ties in byte order, so the result is stable.
	slices.SortFunc(vocab, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	if len(vocab) < k {
		return nil
	}
	ctx := map[string]int{}
	for k, w := range vocab[:min(contextWords, len(vocab))] {
		ctx[w] = k
	}
	index := map[string]int{}
	for k, w := range vocab {
		index[w] = k
	}
	dims := 2 * len(ctx)
	vecs := make([]map[int]float32, len(vocab))
	for k := range vecs {
		vecs[k] = map[int]float32{}
	}
	for _, d := range docs {
		for i, w := range d.low {
			k, ok := index[w]
			if !ok {
				continue
			}
			if i > 0 {
				if c, ok := ctx[d.low[i-1]]; ok {
					vecs[k][c]++
				}
			}
			if i+1 < len(d.low) {
				if c, ok := ctx[d.low[i+1]]; ok {
					vecs[k][len(ctx)+c]++
				}
			}
		}
	}
	// Sparse, square-rooted and unit-length vectors: cosine k-means.
	type entry struct {
		dim int
		v   float32
	}
	sparse := make([][]entry, len(vocab))
	for k, m := range vecs {
		var norm float64
		for dim, v := range m {
			r := float32(math.Sqrt(float64(v)))
			sparse[k] = append(sparse[k], entry{dim, r})
			norm += float64(r * r)
		}
		slices.SortFunc(sparse[k], func(a, b entry) int { return a.dim - b.dim })
		if norm > 0 {
			inv := float32(1 / math.Sqrt(norm))
			for j := range sparse[k] {
				sparse[k][j].v *= inv
			}
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0xc105))
	cent := make([][]float32, k)
	for c, w := range rng.Perm(len(vocab))[:k] {
		cent[c] = make([]float32, dims)
		for _, e := range sparse[w] {
			cent[c][e.dim] = e.v
		}
	}
	assign := make([]int, len(vocab))
	for range kmeansRounds {
		for w, vec := range sparse {
			best, bestSim := 0, float32(-1)
			for c := range cent {
				var s float32
				for _, e := range vec {
					s += e.v * cent[c][e.dim]
				}
				if s > bestSim {
					best, bestSim = c, s
				}
			}
			assign[w] = best
		}
		for c := range cent {
			clear(cent[c])
		}
		for w, vec := range sparse {
			for _, e := range vec {
				cent[assign[w]][e.dim] += e.v
			}
		}
		for c := range cent {
			var norm float64
			for _, v := range cent[c] {
				norm += float64(v * v)
			}
			if norm > 0 {
				inv := float32(1 / math.Sqrt(norm))
				for j := range cent[c] {
					cent[c][j] *= inv
				}
			}
		}
	}
	out := make(map[string]uint16, len(vocab))
	for i, w := range vocab {
		out[w] = uint16(assign[i])
	}
	return out
}
