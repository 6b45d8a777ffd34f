package attrib

// Feature templates. A feature is a template number hashed with its values;
// the numbers are part of the model format, so new templates are appended.
const (
	fBias = iota
	fW0
	fWm1
	fWp1
	fWm2
	fWp2
	fWm1W0
	fW0Wp1
	fLem0
	fLemM1
	fLemP1
	fShape0
	fShapeM1S0
	fShapeS0P1
	fSuf3
	fPre3
	fCue0
	fCueM1
	fCueP1
	fQuote0
	fQuoteM1Q0
	fQuoteQ0P1
	fQNext1
	fQNext2
	fQPrev1
	fQLen
	fQPos
	fSentPos
	fParaStart
	fLeftCue
	fLeftCueLem
	fRightCue
	fRightCueLem
	fLeftCueBetween
	fCapRun
	fSentQuote
	fW0Quote
	fLeftCueQuote
	fRightCueQuote
	fQNextLem
	fQPrevW0
	fLeftCueW0
	fSentStartW
	// Stacked features, from the first pass's tags.
	fPm2
	fPm1
	fP0
	fPp1
	fPp2
	fPm1W0
	fP0W0
	fPLeftCue
	fPRightCue
	fPSent
	fPLeftCueLem
	fPRightCueLem
	fP0Quote
	fPm1P0Pp1
	fLemClassM1
	fLemClassP1
	fClassTri
	fClassM2M1
	fLemClassP1P2
	fClassP1P2
	fNameColon
	fClu0
	fCluM1
	fCluP1
	fCluM1Clu0
	fClu0CluP1
	fClu0Quote
	fCoarseTri
	fCoarse0Q
	fCluM2P2
	fPCluM1P1
	fPCoarseTri
	// Syntactic features, from the dependency parse.
	fSynRel
	fSynHeadLem
	fSynHeadCue
	fSynKids
	fSynKidsLem
	fSynUnderCue
	fSynUnderCueLem
	fSynRelP
	fSynUnderCueP
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hasher builds a feature key with FNV-1a, without allocating.
type hasher uint64

func newHash(template int) hasher {
	h := hasher(fnvOffset)
	return h.int(template)
}

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h ^= hasher(s[i])
		h *= fnvPrime
	}
	h ^= 0xff // separator
	h *= fnvPrime
	return h
}

func (h hasher) int(v int) hasher {
	h ^= hasher(uint32(v)) + 0x9e37
	h *= fnvPrime
	h ^= h >> 29
	return h
}

// key folds the 64-bit hash to the 32-bit key the model stores.
func (h hasher) key() uint32 { return uint32(h) ^ uint32(h>>32) }

// distBucket discretises a token distance on a log scale.
func distBucket(n int) int {
	switch {
	case n <= 3:
		return n
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	case n <= 15:
		return 6
	case n <= 30:
		return 7
	}
	return 8
}

// tokenContext is the precomputed sentence-level context of a document: for each
// token the nearest likely cue to its left and right in its sentence.
type tokenContext struct {
	leftCue, rightCue []int32 // token index or -1
	capRun            []uint8 // length (capped) of the run of capitalised words holding the token, 0 if none
	capPos            []uint8 // 1 first of run, 2 inside, 3 last
	sentHasQuote      []bool  // by sentence
	// nameColon marks the pattern of transcripts and headlines, a paragraph
	// opening with a short name and a colon ("PENCE: …", "Sanders: …"):
	// 1 on the name, 2 on the colon, 3 on what follows.
	nameColon []uint8
	// Stacked context from first-pass tags, when present.
	tags                []tag
	pLeftCue, pRightCue []int32
	pSent               []uint8 // by sentence: bit 1 cue, 2 source, 4 content
}

func newContext(d *document, tags []tag) *tokenContext {
	n := len(d.toks)
	c := &tokenContext{}
	c.nameColon = nameColons(d)
	if tags != nil {
		c.stack(d, tags)
		return c
	}
	c.leftCue = make([]int32, n)
	c.rightCue = make([]int32, n)
	c.capRun = make([]uint8, n)
	c.capPos = make([]uint8, n)
	c.sentHasQuote = make([]bool, len(d.sents))
	for _, s := range d.sents {
		last := int32(-1)
		for i := s.First; i <= s.Last; i++ {
			c.leftCue[i] = last
			if d.cueProb[i] >= cueCandidate && d.quote[i]&qIn == 0 {
				last = int32(i)
			}
		}
		last = -1
		for i := s.Last; i >= s.First; i-- {
			c.rightCue[i] = last
			if d.cueProb[i] >= cueCandidate && d.quote[i]&qIn == 0 {
				last = int32(i)
			}
		}
	}
	for si, s := range d.sents {
		for i := s.First; i <= s.Last; i++ {
			if d.quote[i]&qIn != 0 {
				c.sentHasQuote[si] = true
				break
			}
		}
	}
	for i := 0; i < n; {
		if d.toks[i].Kind != 1 || !isCapitalised(d.toks[i].Text) {
			i++
			continue
		}
		j := i
		for j+1 < n && d.toks[j+1].Kind == 1 && isCapitalised(d.toks[j+1].Text) && d.toks[j+1].Newlines == 0 {
			j++
		}
		l := uint8(min(j-i+1, 4))
		for k := i; k <= j; k++ {
			c.capRun[k] = l
			switch {
			case k == i:
				c.capPos[k] = 1
			case k == j:
				c.capPos[k] = 3
			default:
				c.capPos[k] = 2
			}
		}
		i = j + 1
	}
	return c
}

// nameColons marks the pattern of transcripts and headlines, a paragraph
// opening with a short name and a colon ("PENCE: …", "Sanders: …"): 1 on
// the name, 2 on the colon, 3 on what follows.
func nameColons(d *document) []uint8 {
	n := len(d.toks)
	out := make([]uint8, n)
	for _, p := range paragraphs(d) {
		i := p[0]
		if i < p[1] && d.toks[i].Kind == 3 {
			i++ // an opening quotation mark before the speaker's name
		}
		j := i
		for j < p[1] && j-i < 4 && d.toks[j].Kind == 1 && isCapitalised(d.toks[j].Text) {
			j++
		}
		if j > i && j < p[1] && d.low[j] == ":" {
			for k := i; k < j; k++ {
				out[k] = 1
			}
			out[j] = 2
			for k := j + 1; k < p[1]; k++ {
				out[k] = 3
			}
		}
	}
	return out
}

// stack fills in the context the second tagger reads from the first's tags.
func (c *tokenContext) stack(d *document, tags []tag) {
	n := len(d.toks)
	c.tags = tags
	c.pLeftCue = make([]int32, n)
	c.pRightCue = make([]int32, n)
	c.pSent = make([]uint8, len(d.sents))
	for si, s := range d.sents {
		last := int32(-1)
		for i := s.First; i <= s.Last; i++ {
			c.pLeftCue[i] = last
			switch tags[i].label() {
			case labelCue:
				last = int32(i)
				c.pSent[si] |= 1
			case labelSource:
				c.pSent[si] |= 2
			case labelContent:
				c.pSent[si] |= 4
			}
		}
		last = -1
		for i := s.Last; i >= s.First; i-- {
			c.pRightCue[i] = last
			if tags[i].label() == labelCue {
				last = int32(i)
			}
		}
	}
}

func (d *document) cueB(i int) int {
	if i < 0 || i >= len(d.toks) {
		return 9
	}
	return cueBucket(d.cueProb[i])
}

func (d *document) qflags(i int) int {
	if i < 0 || i >= len(d.toks) {
		return 99
	}
	return int(d.quote[i])
}

func (c *tokenContext) ptag(i int) int {
	if i < 0 || i >= len(c.tags) {
		return 99
	}
	return int(c.tags[i])
}

// features appends the keys of token i's features to buf: the full set for
// the first tagger, a compact lexical set and the stacked features for the
// second, which sees the first tagger's tags.
func features(d *document, c *tokenContext, i int, buf []uint32) []uint32 {
	if c.tags != nil {
		return stackedFeatures(d, c, i, buf)
	}
	add := func(h hasher) { buf = append(buf, h.key()) }
	w0 := d.low[i]
	add(newHash(fBias))
	add(newHash(fW0).int(d.hw(i)))
	add(newHash(fWm1).int(d.hw(i - 1)))
	add(newHash(fWp1).int(d.hw(i + 1)))
	add(newHash(fWm2).int(d.hw(i - 2)))
	add(newHash(fWp2).int(d.hw(i + 2)))
	add(newHash(fWm1W0).int(d.hw(i - 1)).int(d.hw(i)))
	add(newHash(fW0Wp1).int(d.hw(i)).int(d.hw(i + 1)))
	add(newHash(fLem0).int(d.hl(i)))
	add(newHash(fLemM1).int(d.hl(i - 1)))
	add(newHash(fLemP1).int(d.hl(i + 1)))
	add(newHash(fShape0).int(d.hs(i)))
	add(newHash(fShapeM1S0).int(d.hs(i - 1)).int(d.hs(i)))
	add(newHash(fShapeS0P1).int(d.hs(i)).int(d.hs(i + 1)))
	if len(w0) > 4 {
		add(newHash(fSuf3).str(w0[len(w0)-3:]))
		add(newHash(fPre3).str(w0[:3]))
	}
	add(newHash(fCue0).int(d.cueB(i)))
	add(newHash(fCueM1).int(d.cueB(i - 1)))
	add(newHash(fCueP1).int(d.cueB(i + 1)))
	q0 := d.qflags(i)
	add(newHash(fQuote0).int(q0))
	add(newHash(fQuoteM1Q0).int(d.qflags(i - 1)).int(q0))
	add(newHash(fQuoteQ0P1).int(q0).int(d.qflags(i + 1)))
	inQ := d.quote[i]&qIn != 0
	if id := d.qid[i]; id >= 0 {
		q := d.quotes[id]
		add(newHash(fQNext1).int(d.hw(q.Last + 1)))
		add(newHash(fQNext2).int(d.hw(q.Last + 2)))
		add(newHash(fQNextLem).int(d.hl(q.Last + 1)).int(d.hl(q.Last + 2)))
		add(newHash(fQPrev1).int(d.hw(q.Open - 1)))
		add(newHash(fQLen).int(distBucket(q.Last - q.Open)))
		pos := 0
		switch i {
		case q.Open:
			pos = 1
		case q.Open + 1:
			pos = 2
		case q.Last:
			pos = 3
		case q.Last - 1:
			pos = 4
		}
		add(newHash(fQPos).int(pos).int(boolInt(q.Close < 0)))
		add(newHash(fQPrevW0).int(d.hw(q.Open - 1)).int(pos))
	}
	si := d.sent[i]
	s := d.sents[si]
	sp := 0
	switch i {
	case s.First:
		sp = 1
	case s.Last:
		sp = 2
	case s.Last - 1:
		sp = 3
	case s.First + 1:
		sp = 4
	}
	add(newHash(fSentPos).int(sp))
	paraStart := d.toks[s.First].Newlines > 0 || s.First == 0
	add(newHash(fParaStart).int(boolInt(paraStart)).int(sp))
	add(newHash(fSentStartW).int(d.hw(s.First)).int(boolInt(i == s.First)))
	if l := c.leftCue[i]; l >= 0 {
		dist := distBucket(i - int(l))
		add(newHash(fLeftCue).int(dist))
		add(newHash(fLeftCueLem).int(d.hl(int(l))).int(min(dist, 5)))
		commas, that := 0, 0
		for k := int(l) + 1; k < i; k++ {
			switch d.low[k] {
			case ",":
				commas++
			case "that":
				that = 1
			}
		}
		add(newHash(fLeftCueBetween).int(min(commas, 2)).int(that).int(min(dist, 4)))
		add(newHash(fLeftCueQuote).int(dist).int(boolInt(inQ)))
		add(newHash(fLeftCueW0).int(d.hl(int(l))).int(d.hw(i)))
	} else {
		add(newHash(fLeftCue).int(-1))
		add(newHash(fLeftCueQuote).int(-1).int(boolInt(inQ)))
	}
	if r := c.rightCue[i]; r >= 0 {
		dist := distBucket(int(r) - i)
		add(newHash(fRightCue).int(dist))
		add(newHash(fRightCueLem).int(d.hl(int(r))).int(min(dist, 5)))
		add(newHash(fRightCueQuote).int(dist).int(boolInt(inQ)))
	} else {
		add(newHash(fRightCue).int(-1))
		add(newHash(fRightCueQuote).int(-1).int(boolInt(inQ)))
	}
	add(newHash(fCapRun).int(int(c.capRun[i])).int(int(c.capPos[i])))
	add(newHash(fSentQuote).int(boolInt(c.sentHasQuote[si])).int(boolInt(inQ)))
	add(newHash(fW0Quote).int(d.hw(i)).int(boolInt(inQ)))
	cm1, c0, cp1 := d.wordClass(i-1), d.wordClass(i), d.wordClass(i+1)
	add(newHash(fLemClassM1).int(d.hl(i)).int(cm1))
	add(newHash(fLemClassP1).int(d.hl(i)).int(cp1))
	add(newHash(fClassTri).int(cm1).int(c0).int(cp1))
	add(newHash(fClassM2M1).int(d.wordClass(i - 2)).int(cm1).int(c0))
	add(newHash(fLemClassP1P2).int(d.hl(i)).int(cp1).int(d.wordClass(i + 2)))
	add(newHash(fClassP1P2).int(c0).int(cp1).int(d.wordClass(i + 2)))
	if c.nameColon != nil {
		add(newHash(fNameColon).int(int(c.nameColon[i])))
	}
	if d.syn != nil {
		buf = synFeatures(d, i, inQ, buf)
	}
	if d.cluster != nil {
		k0, km1, kp1 := d.clusterOf(i), d.clusterOf(i-1), d.clusterOf(i+1)
		add(newHash(fClu0).int(k0))
		add(newHash(fCluM1).int(km1))
		add(newHash(fCluP1).int(kp1))
		add(newHash(fCluM1Clu0).int(km1).int(k0))
		add(newHash(fClu0CluP1).int(k0).int(kp1))
		add(newHash(fCoarseTri).int(d.coarseOf(i - 1)).int(d.coarseOf(i)).int(d.coarseOf(i + 1)))
		add(newHash(fCoarse0Q).int(d.coarseOf(i)).int(q0))
		add(newHash(fCluM2P2).int(d.coarseOf(i - 2)).int(d.coarseOf(i + 2)).int(k0))
	}
	return buf
}

// stackedFeatures are the second tagger's features.
func stackedFeatures(d *document, c *tokenContext, i int, buf []uint32) []uint32 {
	add := func(h hasher) { buf = append(buf, h.key()) }
	q0 := d.qflags(i)
	inQ := d.quote[i]&qIn != 0
	si := d.sent[i]
	add(newHash(fBias))
	add(newHash(fW0).int(d.hw(i)))
	add(newHash(fLem0).int(d.hl(i)))
	add(newHash(fWm1).int(d.hw(i - 1)))
	add(newHash(fWp1).int(d.hw(i + 1)))
	add(newHash(fQuote0).int(q0))
	add(newHash(fCue0).int(d.cueB(i)))
	if c.nameColon != nil {
		add(newHash(fNameColon).int(int(c.nameColon[i])))
	}
	p0 := c.ptag(i)
	if d.cluster != nil {
		add(newHash(fClu0Quote).int(d.clusterOf(i)).int(p0))
		add(newHash(fPCluM1P1).int(d.clusterOf(i - 1)).int(d.clusterOf(i + 1)).int(p0))
		add(newHash(fPCoarseTri).int(d.coarseOf(i - 1)).int(d.coarseOf(i)).int(d.coarseOf(i + 1)).int(c.ptag(i - 1)).int(c.ptag(i + 1)))
	}
	add(newHash(fClassTri).int(d.wordClass(i - 1)).int(d.wordClass(i)).int(d.wordClass(i + 1)).int(p0))
	add(newHash(fPm2).int(c.ptag(i - 2)))
	add(newHash(fPm1).int(c.ptag(i - 1)))
	add(newHash(fP0).int(p0))
	add(newHash(fPp1).int(c.ptag(i + 1)))
	add(newHash(fPp2).int(c.ptag(i + 2)))
	add(newHash(fPm1W0).int(c.ptag(i - 1)).int(d.hw(i)))
	add(newHash(fP0W0).int(p0).int(d.hw(i)))
	add(newHash(fP0Quote).int(p0).int(q0))
	add(newHash(fPm1P0Pp1).int(c.ptag(i - 1)).int(p0).int(c.ptag(i + 1)))
	add(newHash(fPSent).int(int(c.pSent[si])))
	if p := d.syn; p != nil {
		add(newHash(fSynRelP).int(int(p.upos[i])).int(int(p.rel[i])).int(p0))
		if cue, rel, _ := d.underCue(i); cue >= 0 {
			add(newHash(fSynUnderCueP).int(int(rel.Universal())).int(c.ptag(cue)).int(p0))
		}
	}
	if l := c.pLeftCue[i]; l >= 0 {
		add(newHash(fPLeftCue).int(distBucket(i - int(l))).int(boolInt(inQ)))
		add(newHash(fPLeftCueLem).int(d.hl(int(l))))
	} else {
		add(newHash(fPLeftCue).int(-1).int(boolInt(inQ)))
	}
	if r := c.pRightCue[i]; r >= 0 {
		add(newHash(fPRightCue).int(distBucket(int(r) - i)).int(boolInt(inQ)))
		add(newHash(fPRightCueLem).int(d.hl(int(r))))
	} else {
		add(newHash(fPRightCue).int(-1).int(boolInt(inQ)))
	}
	return buf
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// synFeatures appends the parse's features of token i: its part of speech
// and relation, its head's stem and cue probability, the argument
// relations among its dependents (a cue has a subject and a complement),
// and the relation under which it hangs from the nearest likely cue above
// it (the complement of "said" holds content, its subject the source).
func synFeatures(d *document, i int, inQ bool, buf []uint32) []uint32 {
	p := d.syn
	add := func(h hasher) { buf = append(buf, h.key()) }
	rel, up, h := int(p.rel[i]), int(p.upos[i]), int(p.head[i])
	hup := -1
	if h >= 0 {
		hup = int(p.upos[h])
	}
	add(newHash(fSynRel).int(up).int(rel))
	add(newHash(fSynHeadLem).int(rel).int(d.hl(h)))
	add(newHash(fSynHeadCue).int(rel).int(d.cueB(h)).int(hup))
	add(newHash(fSynKids).int(up).int(int(p.kids[i])))
	add(newHash(fSynKidsLem).int(d.hl(i)).int(int(p.kids[i])))
	if cue, crel, steps := d.underCue(i); cue >= 0 {
		add(newHash(fSynUnderCue).int(int(crel)).int(d.cueB(cue)).int(min(steps, 3)).int(boolInt(inQ)))
		add(newHash(fSynUnderCueLem).int(int(crel.Universal())).int(d.hl(cue)))
	} else {
		add(newHash(fSynUnderCue).int(-1).int(boolInt(inQ)))
	}
	return buf
}
