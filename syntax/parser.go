package syntax

import (
	"math/rand/v2"
)

// The parser is greedy: at each configuration an averaged perceptron
// scores the three moves over rich features of the stack, the buffer and
// the partial tree (Zhang & Nivre 2011), and a second one labels each arc
// as it is made. It is trained with the dynamic oracle and exploration of
// Goldberg & Nivre (2012, 2013), so it learns to recover from its own
// mistakes.

// Parser feature templates.
const (
	pS0WT = iota
	pS0W
	pS0T
	pS1WT
	pS1W
	pS1T
	pB0WT
	pB0W
	pB0T
	pB1WT
	pB1W
	pB1T
	pB2W
	pB2T
	pS2W
	pS2T
	pS0WTB0WT
	pS0WTB0W
	pS0WB0WT
	pS0WTB0T
	pS0TB0WT
	pS0WB0W
	pS0TB0T
	pB0TB1T
	pS1WTS0WT
	pS1WTS0W
	pS1WS0WT
	pS1WTS0T
	pS1TS0WT
	pS1WS0W
	pS1TS0T
	pB0TB1TB2T
	pS0TB0TB1T
	pS1TS0TB0T
	pS2TS1TS0T
	pS1TS0TB1T
	pS0TS0LTB0T
	pS0TS0RTB0T
	pS0TB0TB0LT
	pS1TS1RTS0T
	pS1TS1LTS0T
	pS1TS0TS0LT
	pS1TS0TS0RT
	pS0WD0
	pS0TD0
	pB0WD0
	pB0TD0
	pS0WB0WD0
	pS0TB0TD0
	pS1WD1
	pS1TD1
	pS0WD1
	pS0TD1
	pS1TS0TD1
	pS1WS0WD1
	pS0WVL
	pS0TVL
	pS0WVR
	pS0TVR
	pS1WVR
	pS1TVR
	pS1TVL
	pB0WVL
	pB0TVL
	pS0LW
	pS0LT
	pS0LL
	pS0RW
	pS0RT
	pS0RL
	pS1LW
	pS1LT
	pS1LL
	pS1RW
	pS1RT
	pS1RL
	pB0LW
	pB0LT
	pB0LL
	pS0L2T
	pS0L2L
	pS0R2T
	pS0R2L
	pB0L2T
	pB0L2L
	pS1R2T
	pS1R2L
	pS0TS0LTS0L2T
	pS0TS0RTS0R2T
	pB0TB0LTB0L2T
	pS1TS1RTS1R2T
	pS0TSL
	pS0TSR
	pB0TSL
	pS1TSR
	pS1TSL
	pS0C
	pB0C
	pS1C
	pB1C
	pS0CB0C
	pS0CB0T
	pS0TB0C
	pS1CS0C
	pS1CS0T
	pS1TS0C
	pS0CB0CD0
	pS1CS0CD1
	pS0LL_S0RL
	pB0PrevT
	pS0NextTB0T
	pS0TB0TPunct
	pS1TS0TPunct
)

// parseWord is what the parser reads of one word of the sentence.
type parseWord struct {
	norm, cluster uint64
	tag           uint64
}

// parseCtx holds the words of the sentence being parsed, index 0 the root.
type parseCtx struct {
	words []parseWord
	// punct[i] counts the punctuation words before word i.
	punct []int32
}

func (c *parseCtx) word(i int32) *parseWord {
	if i < 0 {
		return &noParseWord
	}
	return &c.words[i]
}

var noParseWord = parseWord{norm: noWord.norm, cluster: noWord.norm, tag: 254}

// distBucket buckets a distance between words: near distances keep their
// value, farther ones share a bucket.
func distBucket(d int32) uint64 {
	switch {
	case d <= 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}

func relOf(s *state, i int32) uint64 {
	if i <= 0 {
		return 255
	}
	return uint64(s.rel[i])
}

// parseFeatures appends the move features of configuration s.
func parseFeatures(fs []uint64, c *parseCtx, s *state) []uint64 {
	s0i, s1i, s2i := s.stackAt(0), s.stackAt(1), s.stackAt(2)
	b0i, b1i, b2i := s.buf(0), s.buf(1), s.buf(2)
	s0, s1, s2 := c.word(s0i), c.word(s1i), c.word(s2i)
	b0, b1, b2 := c.word(b0i), c.word(b1i), c.word(b2i)
	child := func(arr []int32, i int32) int32 {
		if i < 0 || arr[i] == 0 {
			return -1
		}
		return arr[i]
	}
	s0Li, s0L2i := child(s.left1, s0i), child(s.left2, s0i)
	s0Ri, s0R2i := child(s.right1, s0i), child(s.right2, s0i)
	s1Li, s1Ri, s1R2i := child(s.left1, s1i), child(s.right1, s1i), child(s.right2, s1i)
	b0Li, b0L2i := child(s.left1, b0i), child(s.left2, b0i)
	s0L, s0L2, s0R, s0R2 := c.word(s0Li), c.word(s0L2i), c.word(s0Ri), c.word(s0R2i)
	s1L, s1R, s1R2 := c.word(s1Li), c.word(s1Ri), c.word(s1R2i)
	b0L, b0L2 := c.word(b0Li), c.word(b0L2i)

	var d0, d1 uint64
	if s0i >= 0 && b0i >= 0 {
		d0 = distBucket(b0i - s0i)
	}
	if s1i >= 0 && s0i >= 0 {
		d1 = distBucket(s0i - s1i)
	}
	val := func(arr []uint8, i int32) uint64 {
		if i < 0 {
			return 255
		}
		return uint64(arr[i])
	}
	set := func(arr []uint64, i int32) uint64 {
		if i < 0 {
			return 1 << 63
		}
		return arr[i]
	}
	// Punctuation between the two words a move would join.
	punctBetween := func(a, b int32) uint64 {
		if a < 0 || b < 0 {
			return 255
		}
		return uint64(min(c.punct[b]-c.punct[a+1], 3))
	}
	s0wt := f1(0, s0.norm^s0.tag*31)
	s1wt := f1(0, s1.norm^s1.tag*31)
	b0wt := f1(0, b0.norm^b0.tag*31)
	b1wt := f1(0, b1.norm^b1.tag*31)

	fs = append(fs,
		f1(pS0WT, s0wt), f1(pS0W, s0.norm), f1(pS0T, s0.tag),
		f1(pS1WT, s1wt), f1(pS1W, s1.norm), f1(pS1T, s1.tag),
		f1(pB0WT, b0wt), f1(pB0W, b0.norm), f1(pB0T, b0.tag),
		f1(pB1WT, b1wt), f1(pB1W, b1.norm), f1(pB1T, b1.tag),
		f1(pB2W, b2.norm), f1(pB2T, b2.tag),
		f1(pS2W, s2.norm), f1(pS2T, s2.tag),

		f2(pS0WTB0WT, s0wt, b0wt), f2(pS0WTB0W, s0wt, b0.norm), f2(pS0WB0WT, s0.norm, b0wt),
		f2(pS0WTB0T, s0wt, b0.tag), f2(pS0TB0WT, s0.tag, b0wt), f2(pS0WB0W, s0.norm, b0.norm),
		f2(pS0TB0T, s0.tag, b0.tag), f2(pB0TB1T, b0.tag, b1.tag),
		f2(pS1WTS0WT, s1wt, s0wt), f2(pS1WTS0W, s1wt, s0.norm), f2(pS1WS0WT, s1.norm, s0wt),
		f2(pS1WTS0T, s1wt, s0.tag), f2(pS1TS0WT, s1.tag, s0wt), f2(pS1WS0W, s1.norm, s0.norm),
		f2(pS1TS0T, s1.tag, s0.tag),

		f3(pB0TB1TB2T, b0.tag, b1.tag, b2.tag), f3(pS0TB0TB1T, s0.tag, b0.tag, b1.tag),
		f3(pS1TS0TB0T, s1.tag, s0.tag, b0.tag), f3(pS2TS1TS0T, s2.tag, s1.tag, s0.tag),
		f3(pS1TS0TB1T, s1.tag, s0.tag, b1.tag),
		f3(pS0TS0LTB0T, s0.tag, s0L.tag, b0.tag), f3(pS0TS0RTB0T, s0.tag, s0R.tag, b0.tag),
		f3(pS0TB0TB0LT, s0.tag, b0.tag, b0L.tag), f3(pS1TS1RTS0T, s1.tag, s1R.tag, s0.tag),
		f3(pS1TS1LTS0T, s1.tag, s1L.tag, s0.tag), f3(pS1TS0TS0LT, s1.tag, s0.tag, s0L.tag),
		f3(pS1TS0TS0RT, s1.tag, s0.tag, s0R.tag),

		f2(pS0WD0, s0.norm, d0), f2(pS0TD0, s0.tag, d0), f2(pB0WD0, b0.norm, d0), f2(pB0TD0, b0.tag, d0),
		f3(pS0WB0WD0, s0.norm, b0.norm, d0), f3(pS0TB0TD0, s0.tag, b0.tag, d0),
		f2(pS1WD1, s1.norm, d1), f2(pS1TD1, s1.tag, d1), f2(pS0WD1, s0.norm, d1), f2(pS0TD1, s0.tag, d1),
		f3(pS1TS0TD1, s1.tag, s0.tag, d1), f3(pS1WS0WD1, s1.norm, s0.norm, d1),

		f2(pS0WVL, s0.norm, val(s.nLeft, s0i)), f2(pS0TVL, s0.tag, val(s.nLeft, s0i)),
		f2(pS0WVR, s0.norm, val(s.nRight, s0i)), f2(pS0TVR, s0.tag, val(s.nRight, s0i)),
		f2(pS1WVR, s1.norm, val(s.nRight, s1i)), f2(pS1TVR, s1.tag, val(s.nRight, s1i)),
		f2(pS1TVL, s1.tag, val(s.nLeft, s1i)),
		f2(pB0WVL, b0.norm, val(s.nLeft, b0i)), f2(pB0TVL, b0.tag, val(s.nLeft, b0i)),

		f1(pS0LW, s0L.norm), f1(pS0LT, s0L.tag), f1(pS0LL, relOf(s, s0Li)),
		f1(pS0RW, s0R.norm), f1(pS0RT, s0R.tag), f1(pS0RL, relOf(s, s0Ri)),
		f1(pS1LW, s1L.norm), f1(pS1LT, s1L.tag), f1(pS1LL, relOf(s, s1Li)),
		f1(pS1RW, s1R.norm), f1(pS1RT, s1R.tag), f1(pS1RL, relOf(s, s1Ri)),
		f1(pB0LW, b0L.norm), f1(pB0LT, b0L.tag), f1(pB0LL, relOf(s, b0Li)),
		f1(pS0L2T, s0L2.tag), f1(pS0L2L, relOf(s, s0L2i)),
		f1(pS0R2T, s0R2.tag), f1(pS0R2L, relOf(s, s0R2i)),
		f1(pB0L2T, b0L2.tag), f1(pB0L2L, relOf(s, b0L2i)),
		f1(pS1R2T, s1R2.tag), f1(pS1R2L, relOf(s, s1R2i)),
		f3(pS0TS0LTS0L2T, s0.tag, s0L.tag, s0L2.tag), f3(pS0TS0RTS0R2T, s0.tag, s0R.tag, s0R2.tag),
		f3(pB0TB0LTB0L2T, b0.tag, b0L.tag, b0L2.tag), f3(pS1TS1RTS1R2T, s1.tag, s1R.tag, s1R2.tag),

		f2(pS0TSL, s0.tag, set(s.leftRels, s0i)), f2(pS0TSR, s0.tag, set(s.rightRels, s0i)),
		f2(pB0TSL, b0.tag, set(s.leftRels, b0i)), f2(pS1TSR, s1.tag, set(s.rightRels, s1i)),
		f2(pS1TSL, s1.tag, set(s.leftRels, s1i)),

		f1(pS0C, s0.cluster), f1(pB0C, b0.cluster), f1(pS1C, s1.cluster), f1(pB1C, b1.cluster),
		f2(pS0CB0C, s0.cluster, b0.cluster), f2(pS0CB0T, s0.cluster, b0.tag), f2(pS0TB0C, s0.tag, b0.cluster),
		f2(pS1CS0C, s1.cluster, s0.cluster), f2(pS1CS0T, s1.cluster, s0.tag), f2(pS1TS0C, s1.tag, s0.cluster),
		f3(pS0CB0CD0, s0.cluster, b0.cluster, d0), f3(pS1CS0CD1, s1.cluster, s0.cluster, d1),
		f3(pS0LL_S0RL, s0.tag, relOf(s, s0Li), relOf(s, s0Ri)),
		f2(pB0PrevT, b0.tag, c.word(b0i-1).tag),
		f3(pS0NextTB0T, s0.tag, c.word(nextIn(s0i, b0i)).tag, b0.tag),
		f3(pS0TB0TPunct, s0.tag, b0.tag, punctBetween(s0i, b0i)),
		f3(pS1TS0TPunct, s1.tag, s0.tag, punctBetween(s1i, s0i)),
	)
	return fs
}

// nextIn returns the word after a when it lies before b, else -1.
func nextIn(a, b int32) int32 {
	if a >= 0 && a+1 < b {
		return a + 1
	}
	return -1
}

// Label feature templates.
const (
	lHT = iota
	lDT
	lHW
	lDW
	lHWDT
	lHTDW
	lHTDT
	lHWDW
	lDirHTDT
	lDistHTDT
	lDTDirDist
	lDSL
	lDSR
	lHSL
	lHSR
	lDLT
	lDRT
	lDPrevT
	lDNextT
	lHPrevT
	lHNextT
	lDC
	lHC
	lHCDC
	lDWDir
	lHWDir
	lDSLSR
	lRoot
	lHTDTDLT
	lHTDTDRT
	lDTDLL
	lDTDRL
	lHTSL_DT
)

// labelFeatures appends the features for the relation of an arc from h to d.
func labelFeatures(fs []uint64, c *parseCtx, s *state, h, d int32) []uint64 {
	hw, dw := c.word(h), c.word(d)
	dir := uint64(0)
	if d < h {
		dir = 1
	}
	dist := distBucket(max(h-d, d-h))
	if h == 0 {
		dist = 9
	}
	dl := c.word(s.left1[d])
	if s.left1[d] == 0 {
		dl = &noParseWord
	}
	dr := c.word(s.right1[d])
	if s.right1[d] == 0 {
		dr = &noParseWord
	}
	near := func(i int32) int32 {
		if i < 1 || int(i) > len(c.words)-1 {
			return -1
		}
		return i
	}
	fs = append(fs,
		f1(lHT, hw.tag), f1(lDT, dw.tag), f1(lHW, hw.norm), f1(lDW, dw.norm),
		f2(lHWDT, hw.norm, dw.tag), f2(lHTDW, hw.tag, dw.norm), f2(lHTDT, hw.tag, dw.tag),
		f2(lHWDW, hw.norm, dw.norm),
		f3(lDirHTDT, dir, hw.tag, dw.tag), f4(lDistHTDT, dist, dir, hw.tag, dw.tag),
		f3(lDTDirDist, dw.tag, dir, dist),
		f2(lDSL, dw.tag, s.leftRels[d]), f2(lDSR, dw.tag, s.rightRels[d]),
		f3(lHSL, hw.tag, dir, s.leftRels[h]), f3(lHSR, hw.tag, dir, s.rightRels[h]),
		f2(lDLT, dw.tag, dl.tag), f2(lDRT, dw.tag, dr.tag),
		f2(lDPrevT, dw.tag, c.word(near(d-1)).tag), f2(lDNextT, dw.tag, c.word(near(d+1)).tag),
		f3(lHPrevT, hw.tag, dir, c.word(near(h-1)).tag), f3(lHNextT, hw.tag, dir, c.word(near(h+1)).tag),
		f2(lDC, dw.cluster, dir), f2(lHC, hw.cluster, dir), f3(lHCDC, hw.cluster, dw.cluster, dir),
		f2(lDWDir, dw.norm, dir), f2(lHWDir, hw.norm, dir),
		f3(lDSLSR, dw.tag, s.leftRels[d], s.rightRels[d]),
		f3(lHTDTDLT, hw.tag, dw.tag, dl.tag), f3(lHTDTDRT, hw.tag, dw.tag, dr.tag),
		f2(lDTDLL, dw.tag, relOf(s, s.left1[d])), f2(lDTDRL, dw.tag, relOf(s, s.right1[d])),
		f4(lHTSL_DT, hw.tag, dir, s.leftRels[h], dw.tag),
	)
	if h == 0 {
		fs = append(fs, f1(lRoot, dw.tag))
	}
	return fs
}

// parser is a trained parser.
type parser struct {
	moves  *classifier
	labels *classifier
}

// parse fills heads and rels (indexed from 1) for the words of c.
func (p *parser) parse(c *parseCtx, s *state, sc *scratch) {
	s.reset(len(c.words) - 1)
	ms := make([]float32, numMoves)
	ls := make([]float32, numRels)
	for !s.done() {
		sc.fs = parseFeatures(sc.fs[:0], c, s)
		p.moves.scores(sc.fs, ms)
		m := argmax(ms, s.allowed)
		r := Rel(0)
		if m != shift {
			h, d := s.arc(m)
			sc.fs = labelFeatures(sc.fs[:0], c, s, h, d)
			p.labels.scores(sc.fs, ls)
			r = Rel(argmax(ls, func(k int) bool { return validRel(Rel(k), h == 0) }))
		}
		s.apply(m, r)
	}
}

// validRel reports whether r may label an arc; the root's arc is always
// Root and no other arc is.
func validRel(r Rel, fromRoot bool) bool {
	if fromRoot {
		return r == Root
	}
	return r != NoRel && r != Root
}

// parseExample is a training sentence for the parser.
type parseExample struct {
	ctx  parseCtx
	gold []int32 // projective gold heads, gold[0] = -1
	rels []Rel
}

// parserConfig sets the parser's training.
type parserConfig struct {
	epochs int
	// exploreFrom is the first epoch that follows the model's own moves
	// (with probability explore) instead of the oracle's.
	exploreFrom int
	explore     float64
}

// trainParser trains a parser over exs.
func trainParser(exs []parseExample, cfg parserConfig, rng *rand.Rand) *parser {
	moves := newLearner(numMoves)
	labels := newLearner(int(numRels))
	ms := make([]float32, numMoves)
	ls := make([]float32, numRels)
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	s := &state{}
	var fs []uint64
	var cost [numMoves]int
	for epoch := range cfg.epochs {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, k := range order {
			ex := &exs[k]
			s.reset(len(ex.ctx.words) - 1)
			for !s.done() {
				fs = parseFeatures(fs[:0], &ex.ctx, s)
				moves.scores(fs, ms)
				s.costs(ex.gold, &cost)
				pred := argmax(ms, s.allowed)
				best := argmax(ms, func(m int) bool { return s.allowed(m) && cost[m] == 0 })
				if best < 0 {
					// No move is free of cost (a non-projective residue): take
					// the cheapest.
					best = pred
					for m := range numMoves {
						if s.allowed(m) && cost[m] < cost[best] {
							best = m
						}
					}
				}
				moves.tick()
				if cost[pred] > cost[best] {
					moves.update(fs, best, pred)
				}
				follow := best
				if epoch >= cfg.exploreFrom && rng.Float64() < cfg.explore {
					follow = pred
				}
				r := Rel(0)
				if follow != shift {
					h, d := s.arc(follow)
					fs = labelFeatures(fs[:0], &ex.ctx, s, h, d)
					labels.scores(fs, ls)
					lp := Rel(argmax(ls, func(k int) bool { return validRel(Rel(k), h == 0) }))
					r = lp
					if ex.gold[d] == h {
						labels.tick()
						labels.update(fs, int(ex.rels[d]), int(lp))
						r = ex.rels[d]
					}
				}
				s.apply(follow, r)
			}
		}
	}
	return &parser{moves: moves.average(), labels: labels.average()}
}

// projectivize returns heads with non-projective arcs lifted until the
// tree is projective: the dependent of the shortest crossing arc is
// attached to its head's head, again and again (Nivre & Nilsson 2005,
// without encoding the lifts in labels). heads is 1-based, heads[0] = -1.
func projectivize(heads []int32) []int32 {
	h := append([]int32(nil), heads...)
	for range len(h) * 2 {
		d := shortestCrossing(h)
		if d < 0 {
			break
		}
		if g := h[h[d]]; g >= 0 {
			h[d] = g
		} else {
			break
		}
	}
	return h
}

// shortestCrossing returns the dependent of the shortest non-projective arc
// in h, or -1 when the tree is projective. An arc is non-projective when a
// word between its ends is not dominated by its head.
func shortestCrossing(h []int32) int32 {
	best, bestLen := int32(-1), int32(1<<30)
	for d := int32(1); int(d) < len(h); d++ {
		hd := h[d]
		if hd < 0 {
			continue
		}
		lo, hi := min(hd, d), max(hd, d)
		if hi-lo >= bestLen {
			continue
		}
		for k := lo + 1; k < hi; k++ {
			if !dominates(h, hd, k) {
				best, bestLen = d, hi-lo
				break
			}
		}
	}
	return best
}

// dominates reports whether a is an ancestor of k in h.
func dominates(h []int32, a, k int32) bool {
	for steps := 0; k >= 0 && steps < len(h); steps++ {
		if k == a {
			return true
		}
		k = h[k]
	}
	return false
}
