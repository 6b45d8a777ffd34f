package attrib

import (
	"math"
	"slices"

	"github.com/sayso-news/sayso/syntax"
)

// Argument ranking: for each cue, the content and the source are chosen
// among candidate token spans near it by a linear model over features of
// the span's start, its end and the pair, with "none" as one more choice.
// Exact span boundaries are what PolNeAR scores, and a ranker that sees a
// whole span at once keeps long contents in one piece where a tagger can
// break them.

// Argument roles.
const (
	roleContent = 1
	roleSource  = 2
)

// Limits of candidate spans, in tokens: longer contents and sources are rare
// in PolNeAR (under 1%) and the limits bound the quadratic search.
const (
	maxContentLen = 160
	maxSourceLen  = 24
	maxRegion     = 400
)

// Features of argument spans; numbers are part of the model format.
const (
	aStartW = iota + 100
	aStartWm1
	aStartWm1W
	aStartShape
	aStartQ
	aStartCueDist
	aStartTag
	aStartSent
	aStartCueW
	aEndW
	aEndWp1
	aEndWWp1
	aEndQ
	aEndCueDist
	aEndTag
	aEndSent
	aEndCueWp1
	aNone
	aNoneTag
	aNoneW
	aStartCap
	aEndCap
	aStartWp1
	aEndWm1
	aBetween
	aNoneCue2
	aStartClu
	aEndCluP1
	aStartCueClu
	aEndCueClu
	aNoneQ
	aNoneClu
	aNoneClass
	aNoneLen
	aNoneFirst
	aNoneSentPos
	aNoneCueP
	aStartSyn
	aEndSyn
	aEndSynP1
	aNoneSyn
	aStartSynCue
)

// argModel scores candidate argument spans.
type argModel struct {
	index map[uint32]int32
	w     []float32
	// pair holds dense weights of pair features, by role.
	pair [3][numPair]float32
	// fast, when set, replaces index and w for lookups.
	fast *weightTable
}

// Dense pair features: length bucket × side, plus flags × side.
const (
	pairLen      = 0                // 9 buckets × 2 sides
	pairWholeQ   = pairLen + 9*2    // span is exactly one quotation, × 2 sides
	pairCrossS   = pairWholeQ + 2   // span crosses a sentence break, × 2
	pairToSentE  = pairCrossS + 2   // span ends at its sentence's end punctuation, × 2
	pairAdjacent = pairToSentE + 2  // span touches the cue, × 2
	pairCommas   = pairAdjacent + 2 // commas inside the span (0, 1, 2+) × 2
	pairEndComma = pairCommas + 6   // span ends with a comma, × 2
	pairCons     = pairEndComma + 2 // span is a subtree's yield, by the subtree's relation to the cue (8) × 2
	pairConsP    = pairCons + 16    // the same without the subtree's last token, a punctuation mark
	numPair      = pairConsP + 16   // total
)

func newArgModel() *argModel { return &argModel{index: map[uint32]int32{}} }

// sum returns the summed weights of the feature keys fs.
func (m *argModel) sum(fs []uint32) float32 {
	if m.fast != nil {
		return m.fast.sum(fs)
	}
	var s float32
	for _, f := range fs {
		s += m.weight(f)
	}
	return s
}

// weight returns the weight of feature key f, 0 when unknown.
func (m *argModel) weight(f uint32) float32 {
	if m.fast != nil {
		return m.fast.get(f)
	}
	if r, ok := m.index[f]; ok {
		return m.w[r]
	}
	return 0
}

// argContext is what features of one cue's candidates share.
type argContext struct {
	d    *document
	tags []tag
	cue  span
	role int
	hlem int // hash of the cue's last stem
	lo   int // first token of the region
	hi   int // last token of the region
}

func (c *argContext) side(i int) int {
	if i > c.cue.last {
		return 1
	}
	return 0
}

// dist is the number of tokens between token i and the cue.
func (c *argContext) dist(i int) int {
	if i > c.cue.last {
		return i - c.cue.last - 1
	}
	return c.cue.first - i - 1
}

func (c *argContext) ptag(i int) int {
	if i < 0 || i >= len(c.tags) {
		return 99
	}
	return int(c.tags[i])
}

// startFeatures appends the features of an argument starting at token i.
func (c *argContext) startFeatures(i int, buf []uint32) []uint32 {
	d := c.d
	s := c.side(i)
	h := func(t int) hasher { return newHash(t).int(c.role).int(s) }
	buf = append(buf,
		h(aStartW).int(d.hw(i)).key(),
		h(aStartWm1).int(d.hw(i-1)).key(),
		h(aStartWp1).int(d.hw(i+1)).key(),
		h(aStartWm1W).int(d.hw(i-1)).int(d.hw(i)).key(),
		h(aStartShape).int(d.hs(i)).int(d.hs(i-1)).key(),
		h(aStartQ).int(d.qflags(i)).int(d.qflags(i-1)).key(),
		h(aStartCueDist).int(distBucket(c.dist(i))).key(),
		h(aStartTag).int(c.ptag(i)).int(c.ptag(i-1)).key(),
		h(aStartSent).int(boolInt(i == d.sents[d.sent[i]].First)).int(min(c.dist(i), 3)).key(),
		h(aStartCueW).int(c.hlem).int(d.hw(i)).int(min(c.dist(i), 2)).key(),
		h(aStartCap).int(boolInt(isCapitalised(d.toks[i].Text))).int(min(c.dist(i), 3)).key(),
		h(aStartClu).int(d.clusterOf(i)).int(d.clusterOf(i-1)).key(),
		h(aStartCueClu).int(d.clusterOf(c.cue.last)).int(d.coarseOf(i)).int(min(c.dist(i), 2)).key(),
	)
	if p := d.syn; p != nil {
		buf = append(buf,
			h(aStartSyn).int(d.cueRel(i, c.cue)).int(int(p.rel[i].Universal())).key(),
			h(aStartSynCue).int(d.cueRel(i, c.cue)).int(c.hlem).int(boolInt(int(p.lo[i]) == i)).key(),
		)
	}
	return buf
}

// endFeatures appends the features of an argument ending at token j.
func (c *argContext) endFeatures(j int, buf []uint32) []uint32 {
	d := c.d
	s := c.side(j)
	h := func(t int) hasher { return newHash(t).int(c.role).int(s) }
	sent := d.sents[d.sent[j]]
	pos := 0
	switch j {
	case sent.Last:
		pos = 1
	case sent.Last - 1:
		pos = 2
	}
	buf = append(buf,
		h(aEndW).int(d.hw(j)).key(),
		h(aEndWp1).int(d.hw(j+1)).key(),
		h(aEndWm1).int(d.hw(j-1)).key(),
		h(aEndWWp1).int(d.hw(j)).int(d.hw(j+1)).key(),
		h(aEndQ).int(d.qflags(j)).int(d.qflags(j+1)).key(),
		h(aEndCueDist).int(distBucket(c.dist(j))).key(),
		h(aEndTag).int(c.ptag(j)).int(c.ptag(j+1)).key(),
		h(aEndSent).int(pos).key(),
		h(aEndCueWp1).int(c.hlem).int(d.hw(j+1)).int(min(c.dist(j), 2)).key(),
		h(aEndCap).int(boolInt(isCapitalised(d.toks[j].Text))).int(d.hs(j+1)).key(),
		h(aEndCluP1).int(d.clusterOf(j)).int(d.clusterOf(j+1)).key(),
		h(aEndCueClu).int(d.clusterOf(c.cue.last)).int(d.coarseOf(j+1)).int(min(c.dist(j), 2)).key(),
	)
	if p := d.syn; p != nil {
		buf = append(buf,
			h(aEndSyn).int(d.cueRel(j, c.cue)).int(int(p.rel[j].Universal())).key(),
			h(aEndSynP1).int(d.cueRel(j+1, c.cue)).int(int(d.relAt(j+1).Universal())).key(),
		)
	}
	return buf
}

// noneFeatures appends the features of choosing no argument. Choosing no
// content drops the cue, so these features are the cue's filter: besides
// the cue's words and whether the tagger found an argument near it, they
// read the cue's setting (quoted or not, the word classes around it, its
// length, position in the sentence and cue-lexicon probability, and
// whether the tagger found a source in reach), which lets the ranker drop
// the tagger's doubtful cues and keep its sure ones (+0.6 to +1 point of
// cue and source F1 on PolNeAR dev over two training seeds).
func (c *argContext) noneFeatures(buf []uint32) []uint32 {
	d := c.d
	h := func(t int) hasher { return newHash(t).int(c.role) }
	want := labelContent
	if c.role == roleSource {
		want = labelSource
	}
	hasTag, hasSource := 0, 0
	for i := c.lo; i <= c.hi && i < len(c.tags); i++ {
		switch c.tags[i].label() {
		case want:
			hasTag = 1
		case labelSource:
			hasSource = 1
		}
	}
	if want == labelSource {
		hasSource = hasTag
	}
	cf, cl := c.cue.first, c.cue.last
	sent := d.sents[d.sent[cf]]
	pos := 0
	switch {
	case cf == sent.First:
		pos = 1
	case cl == sent.Last-1 || cl == sent.Last:
		pos = 2
	}
	return append(buf,
		h(aNone).key(),
		h(aNoneTag).int(hasTag).key(),
		h(aNoneW).int(c.hlem).key(),
		h(aNoneCue2).int(d.hw(cf-1)).int(d.hw(cl+1)).key(),
		h(aNoneQ).int(d.qflags(cf)).int(hasTag).key(),
		h(aNoneClu).int(d.clusterOf(cl)).key(),
		h(aNoneClass).int(d.wordClass(cf-1)).int(d.wordClass(cl+1)).int(hasTag).key(),
		h(aNoneLen).int(min(cl-cf, 4)).int(hasTag).key(),
		h(aNoneFirst).int(d.hl(cf)).int(boolInt(cf == cl)).key(),
		h(aNoneSentPos).int(pos).int(hasSource).key(),
		h(aNoneCueP).int(cueBucket(d.cueProb[cl])).int(hasTag).key(),
		h(aNoneSyn).int(d.cueKids(c.cue)).int(hasTag).key(),
	)
}

// pairIndexes returns the dense pair features of span [i, j].
func (c *argContext) pairIndexes(i, j int, out []int) []int {
	d := c.d
	s := c.side(i)
	out = append(out, pairLen+2*distBucket(j-i)+s)
	if d.quote[i]&qOpen != 0 && d.qid[i] >= 0 && d.quotes[d.qid[i]].Last == j {
		out = append(out, pairWholeQ+s)
	}
	if d.sent[i] != d.sent[j] {
		out = append(out, pairCrossS+s)
	}
	if sent := d.sents[d.sent[j]]; j+1 == sent.Last && isSentenceEnd(d.low[sent.Last]) {
		out = append(out, pairToSentE+s)
	}
	if j+1 == c.cue.first || i == c.cue.last+1 {
		out = append(out, pairAdjacent+s)
	}
	commas := int(d.commas[j+1] - d.commas[i])
	out = append(out, pairCommas+2*min(commas, 2)+s)
	if d.low[j] == "," {
		out = append(out, pairEndComma+s)
	}
	if k, ok := c.constituent(i, j); ok {
		out = append(out, k+s)
	}
	return out
}

func isSentenceEnd(s string) bool {
	switch s {
	case ".", "?", "!", "...", "…":
		return true
	}
	return false
}

// region returns the token range in which the arguments of cue may lie: the
// cue's sentence(s), for content widened to whole quotations that touch
// them and, after a colon ending the sentence, to the next sentence.
func region(d *document, cue span, role int) (int, int) {
	s0, s1 := int(d.sent[cue.first]), int(d.sent[cue.last])
	lo, hi := d.sents[s0].First, d.sents[s1].Last
	if role == roleContent {
		// A quotation ending just before the sentence is the content of
		// "“…?” Clinton said.": the splitter ends a sentence after "?”".
		if lo > 0 && d.quote[lo-1]&qClose != 0 && d.qid[lo-1] >= 0 && d.toks[lo].Newlines == 0 {
			lo = d.quotes[d.qid[lo-1]].Open
		}
		for changed := true; changed; {
			changed = false
			if q := d.qid[lo]; q >= 0 && d.quotes[q].Open < lo {
				lo = d.sents[d.sent[d.quotes[q].Open]].First
				changed = true
			}
			if q := d.qid[hi]; q >= 0 && d.quotes[q].Last > hi {
				hi = d.sents[d.sent[d.quotes[q].Last]].Last
				changed = true
			}
		}
		if d.low[hi] == ":" && hi+1 < len(d.toks) {
			hi = d.sents[d.sent[hi+1]].Last
			if q := d.qid[hi]; q >= 0 && d.quotes[q].Last > hi {
				hi = d.quotes[q].Last
			}
		}
	}
	reach := maxRegion / 2
	if role == roleSource {
		// Sources sit next to their cue or a few words away.
		reach = maxSourceLen + 6
	}
	lo = max(lo, cue.first-reach)
	hi = min(hi, cue.last+reach)
	return lo, hi
}

// choice is a chosen argument span, or none when first < 0.
type choice struct{ first, last int }

var noChoice = choice{-1, -1}

// best returns the highest-scoring argument of role for cue, given the
// tags of the tagger, avoiding tokens in taken. It returns noChoice when
// "none" scores highest.
func (m *argModel) best(d *document, tags []tag, cue span, role int, taken []bool) (choice, float32) {
	c := m.newContext(d, tags, cue, role)
	var buf []uint32
	noneScore := float32(0)
	for _, f := range c.noneFeatures(buf[:0]) {
		noneScore += m.weight(f)
	}
	n := c.hi - c.lo + 1
	start := make([]float32, n)
	end := make([]float32, n)
	pw := &m.pair[role]
	// The pair features that depend on one end only (see pairIndexes) are
	// folded into that end's score: a span never holds the cue, so both its
	// ends are on one side of it.
	for k := 0; k < n; k++ {
		i := c.lo + k
		if !c.allowed(i, taken) {
			continue // never part of a candidate
		}
		s := c.side(i)
		buf = c.startFeatures(i, buf[:0])
		start[k] = m.sum(buf)
		if i == c.cue.last+1 {
			start[k] += pw[pairAdjacent+s]
		}
		buf = c.endFeatures(i, buf[:0])
		end[k] = m.sum(buf)
		if sent := d.sents[d.sent[i]]; i+1 == sent.Last && isSentenceEnd(d.low[sent.Last]) {
			end[k] += pw[pairToSentE+s]
		}
		if i+1 == c.cue.first {
			end[k] += pw[pairAdjacent+s]
		}
		if d.low[i] == "," {
			end[k] += pw[pairEndComma+s]
		}
	}
	maxLen := maxContentLen
	if role == roleSource {
		maxLen = maxSourceLen
	}
	// Weights of the pair features by side: of the length (less one), of
	// the number of commas (0, 1, 2 or more).
	var lenW [2][maxContentLen]float32
	var commaW [2][3]float32
	for s := range 2 {
		for l := range maxLen {
			lenW[s][l] = pw[pairLen+2*distBucket(l)+s]
		}
		for k := range 3 {
			commaW[s][k] = pw[pairCommas+2*k+s]
		}
	}
	cons := c.constituents()
	bestScore, bestChoice := noneScore, noChoice
	for i := c.lo; i <= c.hi; i++ {
		if !c.allowed(i, taken) {
			continue
		}
		ends := cons[i]
		s := c.side(i)
		quoteEnd := -1
		if d.quote[i]&qOpen != 0 && d.qid[i] >= 0 {
			quoteEnd = d.quotes[d.qid[i]].Last
		}
		wholeQ, crossS := pw[pairWholeQ+s], pw[pairCrossS+s]
		lw, cw := &lenW[s], &commaW[s]
		si, ci := d.sent[i], d.commas[i]
		base := start[i-c.lo]
		for j := i; j <= c.hi && j-i < maxLen; j++ {
			if !c.allowed(j, taken) {
				break
			}
			if d.toks[j].Newlines > 0 && j > i {
				break // a piece never crosses a paragraph break
			}
			sc := base + end[j-c.lo] + lw[j-i] + cw[min(d.commas[j+1]-ci, 2)]
			if j == quoteEnd {
				sc += wholeQ
			}
			if d.sent[j] != si {
				sc += crossS
			}
			for len(ends) > 0 && ends[0].last < j {
				ends = ends[1:]
			}
			if len(ends) > 0 && ends[0].last == j {
				sc += pw[ends[0].index+s]
			}
			if sc > bestScore {
				bestScore, bestChoice = sc, choice{i, j}
			}
		}
	}
	return bestChoice, bestScore - noneScore
}

// allowed reports whether token i may belong to an argument: not the cue,
// not taken by another argument.
func (c *argContext) allowed(i int, taken []bool) bool {
	if i >= c.cue.first && i <= c.cue.last {
		return false
	}
	return taken == nil || !taken[i]
}

func (m *argModel) newContext(d *document, tags []tag, cue span, role int) *argContext {
	lo, hi := region(d, cue, role)
	return &argContext{d: d, tags: tags, cue: cue, role: role, hlem: d.hl(cue.last), lo: lo, hi: hi}
}

// argPrune is the averaged weight at or under which a ranker feature is
// dropped: such features changed a decision once or twice in training.
// Pruning at 1 keeps 49,000 of 114,000 features (0.5 kept 114,000 of
// 250,000) with no measured loss on dev over three training seeds
// (lenient F1 −0.001, 0, +0.001), and the smaller table is read faster.
const argPrune = 1

// argTrainer trains an argModel as an averaged perceptron.
type argTrainer struct {
	m        *argModel
	acc      []float32
	accPair  [3][numPair]float32
	step     float32
	frozen   bool
	maxIndex int
}

func (t *argTrainer) feature(f uint32) (int32, bool) {
	if r, ok := t.m.index[f]; ok {
		return r, true
	}
	if t.frozen || len(t.m.index) >= t.maxIndex {
		return 0, false
	}
	r := int32(len(t.m.w))
	t.m.index[f] = r
	t.m.w = append(t.m.w, 0)
	t.acc = append(t.acc, 0)
	return r, true
}

// features of a choice, for updates.
func (c *argContext) choiceFeatures(ch choice, buf []uint32, pidx []int) ([]uint32, []int) {
	if ch.first < 0 {
		return c.noneFeatures(buf), pidx
	}
	buf = c.startFeatures(ch.first, buf)
	buf = c.endFeatures(ch.last, buf)
	pidx = c.pairIndexes(ch.first, ch.last, pidx)
	return buf, pidx
}

// learn makes one perceptron step on a cue whose gold argument is gold.
func (t *argTrainer) learn(d *document, tags []tag, cue span, role int, gold choice, taken []bool) {
	t.step++
	pred, _ := t.m.best(d, tags, cue, role, taken)
	if pred == gold {
		return
	}
	c := t.m.newContext(d, tags, cue, role)
	gf, gp := c.choiceFeatures(gold, nil, nil)
	pf, pp := c.choiceFeatures(pred, nil, nil)
	for _, f := range gf {
		if r, ok := t.feature(f); ok {
			t.m.w[r]++
			t.acc[r] += t.step
		}
	}
	for _, f := range pf {
		if r, ok := t.feature(f); ok {
			t.m.w[r]--
			t.acc[r] -= t.step
		}
	}
	for _, p := range gp {
		t.m.pair[role][p]++
		t.accPair[role][p] += t.step
	}
	for _, p := range pp {
		t.m.pair[role][p]--
		t.accPair[role][p] -= t.step
	}
}

func (t *argTrainer) average() {
	c := t.step + 1
	for i := range t.m.w {
		t.m.w[i] -= t.acc[i] / c
	}
	for r := range t.m.pair {
		for p := range t.m.pair[r] {
			t.m.pair[r][p] -= t.accPair[r][p] / c
		}
	}
	// Drop weights too small to matter, to keep the model small.
	for f, r := range t.m.index {
		if math.Abs(float64(t.m.w[r])) <= argPrune {
			delete(t.m.index, f)
		}
	}
}

// consEnd is the end of a constituent starting at some token, with the
// index of its pair feature (before the side is added).
type consEnd struct {
	last, index int
}

// constituents returns, for each start token in the region, the ends of
// the subtree yields starting there (sorted, one feature each): the yield
// of each token whose subtree lies in the region, and the same without a
// last token that is punctuation.
func (c *argContext) constituents() map[int][]consEnd {
	p := c.d.syn
	if p == nil {
		return nil
	}
	out := map[int][]consEnd{}
	for t := c.lo; t <= c.hi; t++ {
		lo, hi := int(p.lo[t]), int(p.hi[t])
		if lo < c.lo || hi > c.hi || hi-lo >= maxContentLen {
			continue
		}
		k := c.d.cueRel(t, c.cue)
		out[lo] = appendEnd(out[lo], consEnd{hi, pairCons + 2*k})
		if hi > lo && p.upos[hi] == syntax.PUNCT {
			out[lo] = appendEnd(out[lo], consEnd{hi - 1, pairConsP + 2*k})
		}
	}
	return out
}

// appendEnd adds e to ends kept sorted by last, the first feature winning
// for a span two subtrees share.
func appendEnd(ends []consEnd, e consEnd) []consEnd {
	i := 0
	for i < len(ends) && ends[i].last < e.last {
		i++
	}
	if i < len(ends) && ends[i].last == e.last {
		return ends
	}
	return slices.Insert(ends, i, e)
}

// constituent returns the pair feature of span [i, j] if it is a
// constituent (see constituents).
func (c *argContext) constituent(i, j int) (int, bool) {
	for _, e := range c.constituents()[i] {
		if e.last == j {
			return e.index, true
		}
	}
	return 0, false
}
