package attrib

// lexicon holds, for the stems seen as cues in training, the share of their
// occurrences that were cues.
type lexicon struct {
	p map[string]float32
}

// minCueCount is how often a stem must have been a cue to enter the lexicon:
// a single occurrence is as likely an annotation slip as a pattern.
const minCueCount = 2

// prob returns the cue probability of a stem, 0 when unknown.
func (l *lexicon) prob(lemma string) float32 {
	if l == nil {
		return 0
	}
	return l.p[lemma]
}

// buildLexicon counts, over training documents (those use accepts, or all
// when use is nil) and their gold tags, how often each stem is tagged as
// part of a cue. Probabilities are smoothed by one unseen non-cue
// occurrence.
func buildLexicon(docs []*document, tags [][]tag, use func(int) bool) *lexicon {
	cue := map[string]int{}
	all := map[string]int{}
	for di, d := range docs {
		if use != nil && !use(di) {
			continue
		}
		for i := range d.toks {
			all[d.lemma[i]]++
			if tags[di][i].label() == labelCue {
				cue[d.lemma[i]]++
			}
		}
	}
	l := &lexicon{p: map[string]float32{}}
	for w, c := range cue {
		if c >= minCueCount {
			l.p[w] = float32(c) / float32(all[w]+1)
		}
	}
	return l
}

// cueBucket discretises a cue probability for features.
func cueBucket(p float32) int {
	switch {
	case p == 0:
		return 0
	case p < 0.05:
		return 1
	case p < 0.2:
		return 2
	case p < 0.5:
		return 3
	}
	return 4
}

// cueCandidate is the lexicon probability above which a token counts as a
// possible cue when features look for "the nearest cue": below it, common
// words that are rarely cues would blur the signal.
const cueCandidate = 0.15
