package attrib

import "math"

// tagger is a linear sequence model over BIO tags: per-feature weights for
// each tag and weights for each tag transition, decoded with Viterbi. It is
// trained as an averaged structured perceptron (Collins 2002).
type tagger struct {
	index map[uint32]int32 // feature key → row of w
	w     []float32        // rows × numTags
	// trans[a][b] weighs tag b after tag a; row numTags is the start.
	trans [numTags + 1][numTags]float32
	// fast, when set, replaces index and w for lookups.
	fast *featTable
	// maxAbs is the largest weight magnitude, the quantisation's scale.
	maxAbs float32
}

func newTagger() *tagger { return &tagger{index: map[uint32]int32{}} }

// emitOne sets s to the summed weights of the features fs.
func (m *tagger) emitOne(fs []uint32, s *[numTags]float32) {
	*s = [numTags]float32{}
	if m.fast != nil {
		m.fast.addAll(fs, s)
		return
	}
	for _, f := range fs {
		r, ok := m.index[f]
		if !ok {
			continue
		}
		row := m.w[int(r)*numTags : int(r)*numTags+numTags]
		for t := range s {
			s[t] += row[t]
		}
	}
}

// emissions fills scores (len(feats) rows of numTags) with the feature
// weights of each token.
func (m *tagger) emissions(feats [][]uint32, scores [][numTags]float32) {
	for i, fs := range feats {
		m.emitOne(fs, &scores[i])
	}
}

// forbidden stands for the score of a transition that allowed rejects.
var forbidden = float32(math.Inf(-1))

// allowedTrans[a][b] is allowed(a, b), precomputed.
var allowedTrans = func() (m [numTags][numTags]bool) {
	for a := range numTags {
		for b := range numTags {
			m[a][b] = allowed(tag(a), tag(b))
		}
	}
	return m
}()

// viterbi returns the best tag sequence for scores under the transition
// weights, respecting allowed transitions.
func (m *tagger) viterbi(scores [][numTags]float32, out []tag) {
	m.viterbiInto(scores, out, nil)
}

// viterbiInto is viterbi with a back-pointer buffer to reuse; it returns
// the buffer, grown if it had to be.
func (m *tagger) viterbiInto(scores [][numTags]float32, out []tag, back [][numTags]uint8) [][numTags]uint8 {
	n := len(scores)
	if n == 0 {
		return back
	}
	// Transition scores with forbidden transitions folded in.
	var trans [numTags][numTags]float32
	for a := range numTags {
		for b := range numTags {
			if allowedTrans[a][b] {
				trans[a][b] = m.trans[a][b]
			} else {
				trans[a][b] = forbidden
			}
		}
	}
	if cap(back) < n {
		back = make([][numTags]uint8, n)
	}
	back = back[:n]
	var prev, cur [numTags]float32
	for t := range numTags {
		if allowed(tagO, tag(t)) {
			prev[t] = m.trans[numTags][t] + scores[0][t]
		} else {
			prev[t] = forbidden
		}
	}
	for i := 1; i < n; i++ {
		// O and B-X may follow any tag; I-X only B-X or I-X, so two
		// predecessors are enough for them (the others are forbidden).
		for _, t := range [...]int{int(tagO), int(tagBSource), int(tagBCue), int(tagBContent)} {
			best, arg := prev[0]+trans[0][t], 0
			for p := 1; p < numTags; p++ {
				if v := prev[p] + trans[p][t]; v > best {
					best, arg = v, p
				}
			}
			cur[t] = best + scores[i][t]
			back[i][t] = uint8(arg)
		}
		for _, t := range [...]int{int(tagISource), int(tagICue), int(tagIContent)} {
			best, arg := prev[t-1]+trans[t-1][t], t-1
			if v := prev[t] + trans[t][t]; v > best {
				best, arg = v, t
			}
			cur[t] = best + scores[i][t]
			back[i][t] = uint8(arg)
		}
		prev = cur
	}
	best, arg := prev[0], 0
	for t := 1; t < numTags; t++ {
		if prev[t] > best {
			best, arg = prev[t], t
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = tag(arg)
		arg = int(back[i][arg])
	}
	return back
}

// trainer holds the averaging state of the perceptron.
type trainer struct {
	m *tagger
	// acc accumulates step × update for the averaged weights.
	acc      []float32
	accTrans [numTags + 1][numTags]float32
	step     float32
}

// update moves weights toward gold and away from pred on one sequence.
func (tr *trainer) update(feats [][]uint32, gold, pred []tag) {
	tr.step++
	for i := range gold {
		g, p := gold[i], pred[i]
		if g != p {
			for _, f := range feats[i] {
				r, ok := tr.m.index[f]
				if !ok {
					continue
				}
				base := int(r) * numTags
				tr.m.w[base+int(g)]++
				tr.m.w[base+int(p)]--
				tr.acc[base+int(g)] += tr.step
				tr.acc[base+int(p)] -= tr.step
			}
		}
		gp, pp := numTags, numTags
		if i > 0 {
			gp, pp = int(gold[i-1]), int(pred[i-1])
		}
		if g != p || gp != pp {
			tr.m.trans[gp][g]++
			tr.m.trans[pp][p]--
			tr.accTrans[gp][g] += tr.step
			tr.accTrans[pp][p] -= tr.step
		}
	}
}

// average replaces the weights by their average over all steps.
func (tr *trainer) average() {
	if tr.step == 0 {
		return
	}
	c := tr.step + 1
	for i := range tr.m.w {
		tr.m.w[i] -= tr.acc[i] / c
	}
	for a := range tr.m.trans {
		for b := range tr.m.trans[a] {
			tr.m.trans[a][b] -= tr.accTrans[a][b] / c
		}
	}
}
