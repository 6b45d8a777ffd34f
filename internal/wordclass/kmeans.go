// Package wordclass learns word clusters from plain text: words that occur
// in like contexts share a cluster, so that what a model learns about
// "said" or "argued" carries over to rarer words used the same way
// ("contended", "asserted").
package wordclass

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Config sets KMeans.
type Config struct {
	// Clusters is the number of clusters.
	Clusters int
	// MinCount keeps words seen often enough for their contexts to mean
	// something.
	MinCount int
	// ContextWords is how many of the most frequent words serve as
	// context dimensions.
	ContextWords int
	// Rounds is the number of k-means iterations.
	Rounds int
	// Seed picks the initial centroids.
	Seed uint64
}

// KMeans clusters the words of seqs (each a sequence of words as they
// should be keyed, e.g. lower-cased) by cosine k-means over each word's
// square-rooted counts of left and right neighbours among the most
// frequent words. It returns each clustered word's cluster, or nil when
// fewer words than clusters are frequent enough. It is deterministic for a
// seed.
func KMeans(seqs [][]string, cfg Config) map[string]uint16 {
	k := cfg.Clusters
	count := map[string]int{}
	for _, s := range seqs {
		for _, w := range s {
			count[w]++
		}
	}
	var vocab []string
	for w, c := range count {
		if c >= cfg.MinCount {
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
	if len(vocab) < k || k <= 0 {
		return nil
	}
	ctx := map[string]int{}
	for k, w := range vocab[:min(cfg.ContextWords, len(vocab))] {
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
	for _, s := range seqs {
		for i, w := range s {
			k, ok := index[w]
			if !ok {
				continue
			}
			if i > 0 {
				if c, ok := ctx[s[i-1]]; ok {
					vecs[k][c]++
				}
			}
			if i+1 < len(s) {
				if c, ok := ctx[s[i+1]]; ok {
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
	rng := rand.New(rand.NewPCG(cfg.Seed, 0xc105))
	cent := make([][]float32, k)
	for c, w := range rng.Perm(len(vocab))[:k] {
		cent[c] = make([]float32, dims)
		for _, e := range sparse[w] {
			cent[c][e.dim] = e.v
		}
	}
	assign := make([]int, len(vocab))
	for range cfg.Rounds {
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
