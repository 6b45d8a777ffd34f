package attrib

import "github.com/sayso-news/sayso/internal/wordclass"

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
	seqs := make([][]string, len(docs))
	for i, d := range docs {
		seqs[i] = d.low
	}
	return wordclass.KMeans(seqs, wordclass.Config{
		Clusters: k, MinCount: minClusterCount, ContextWords: contextWords, Rounds: kmeansRounds, Seed: seed,
	})
}
