package syntax

import "math/rand/v2"

// The tagger assigns each word a tag of the model's tag set, a pair of
// UPOS and XPOS ("NOUN NN"), greedily from left to right: an averaged
// perceptron reads the word, its affixes and shape, its neighbours and the
// two tags already chosen before it.

// Tagger feature templates.
const (
	tBias = iota
	tNorm
	tForm
	tShape
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tPrevNorm
	tNextNorm
	tPrev2Norm
	tNext2Norm
	tPrevTag
	tPrev2Tag
	tPrevTags
	tPrevTagNorm
	tPrevSuf3
	tNextSuf3
	tPrevNormNorm
	tNormNextNorm
	tNextShape
	tPrevShape
	tFirstShape
	tCluster
	tPrevCluster
	tNextCluster
	tNext2Cluster
	tPrevTagCluster
	tPrevTagNextNorm
	tAmb
	tAmbNext
	tAmbPrev
	tPrevTagAmb
	tAmbNorm
)

// tagFeatures appends the features of word i to fs, given the words of the
// sentence and the tags chosen so far (tags[j] for j < i).
func tagFeatures(fs []uint64, ws []wordInfo, tags []uint8, i int) []uint64 {
	at := func(j int) *wordInfo {
		switch {
		case j < 0:
			return &startWord
		case j >= len(ws):
			return &endWord
		}
		return &ws[j]
	}
	tagAt := func(j int) uint64 {
		if j < 0 {
			return 255
		}
		return uint64(tags[j])
	}
	w, p, n, p2, n2 := at(i), at(i-1), at(i+1), at(i-2), at(i+2)
	t1, t2 := tagAt(i-1), tagAt(i-2)
	fs = append(fs,
		f1(tBias, 0),
		f1(tNorm, w.norm),
		f1(tForm, w.form),
		f1(tShape, w.shape),
		f1(tSuf1, w.suf[0]), f1(tSuf2, w.suf[1]), f1(tSuf3, w.suf[2]), f1(tSuf4, w.suf[3]),
		f1(tPre1, w.pre[0]), f1(tPre2, w.pre[1]), f1(tPre3, w.pre[2]),
		f1(tPrevNorm, p.norm), f1(tNextNorm, n.norm),
		f1(tPrev2Norm, p2.norm), f1(tNext2Norm, n2.norm),
		f1(tPrevTag, t1), f1(tPrev2Tag, t2), f2(tPrevTags, t1, t2),
		f2(tPrevTagNorm, t1, w.norm),
		f1(tPrevSuf3, p.suf[2]), f1(tNextSuf3, n.suf[2]),
		f2(tPrevNormNorm, p.norm, w.norm), f2(tNormNextNorm, w.norm, n.norm),
		f1(tNextShape, n.shape), f1(tPrevShape, p.shape),
		f2(tPrevTagNextNorm, t1, n.norm),
		f1(tAmb, w.amb), f1(tAmbNext, n.amb), f1(tAmbPrev, p.amb), f2(tPrevTagAmb, t1, w.amb),
		f2(tAmbNorm, w.amb, n.amb),
	)
	if i == 0 {
		fs = append(fs, f1(tFirstShape, w.shape))
	}
	if w.cluster != 0 || n.cluster != 0 || p.cluster != 0 {
		fs = append(fs, f1(tCluster, w.cluster), f1(tPrevCluster, p.cluster),
			f1(tNextCluster, n.cluster), f1(tNext2Cluster, n2.cluster), f2(tPrevTagCluster, t1, w.cluster))
	}
	return fs
}

// tagger is a trained tagger.
type tagger struct {
	c *classifier
	// amb maps a normalised word's hash to its ambiguity class.
	amb map[uint64]uint64
}

// Ambiguity classes: a word seen at least minAmbCount times gets the set
// of tags it had at least minAmbShare of the time; rarer words are left to
// their affixes and shape.
const (
	minAmbCount = 3
	minAmbShare = 0.05
)

// ambiguityClasses builds the ambiguity classes of the words of sents.
func ambiguityClasses(sents []taggedSentence) map[uint64]uint64 {
	counts := map[uint64]map[uint8]int{}
	for _, s := range sents {
		for i, w := range s.ws {
			m := counts[w.norm]
			if m == nil {
				m = map[uint8]int{}
				counts[w.norm] = m
			}
			m[s.gold[i]]++
		}
	}
	out := make(map[uint64]uint64, len(counts))
	for w, m := range counts {
		total := 0
		for _, c := range m {
			total += c
		}
		if total < minAmbCount {
			continue
		}
		var set [4]uint64
		for t, c := range m {
			if float64(c) >= minAmbShare*float64(total) {
				set[t/64] |= 1 << (t % 64)
			}
		}
		out[w] = f4(0, set[0], set[1], set[2], set[3])
	}
	return out
}

// setAmb sets the ambiguity class of each word of ws.
func (t *tagger) setAmb(ws []wordInfo) {
	for i := range ws {
		ws[i].amb = t.amb[ws[i].norm]
	}
}

// tag sets tags[i] for every word of ws.
func (t *tagger) tag(ws []wordInfo, tags []uint8, scratch *scratch) {
	t.setAmb(ws)
	scores := scratch.scores(t.c.classes)
	for i := range ws {
		scratch.fs = tagFeatures(scratch.fs[:0], ws, tags, i)
		t.c.scores(scratch.fs, scores)
		tags[i] = uint8(argmax(scores, nil))
	}
}

// taggedSentence is a training sentence: its words and gold tags.
type taggedSentence struct {
	ws   []wordInfo
	gold []uint8
}

// trainTagger trains a tagger over sents for epochs passes in an order
// shuffled by rng, with numTags classes.
func trainTagger(sents []taggedSentence, numTags, epochs int, rng *rand.Rand) *tagger {
	l := newLearner(numTags)
	tg := &tagger{amb: ambiguityClasses(sents)}
	for _, s := range sents {
		tg.setAmb(s.ws)
	}
	scores := make([]float32, numTags)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var fs []uint64
	for range epochs {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, k := range order {
			s := sents[k]
			tags := make([]uint8, len(s.ws))
			for i := range s.ws {
				fs = tagFeatures(fs[:0], s.ws, tags, i)
				l.scores(fs, scores)
				pred := argmax(scores, nil)
				l.tick()
				l.update(fs, int(s.gold[i]), pred)
				// Following the gold tag keeps later words' features
				// clean while the model is still poor.
				tags[i] = s.gold[i]
			}
		}
	}
	tg.c = l.average()
	return tg
}

// scratch holds buffers one goroutine reuses across sentences.
type scratch struct {
	fs  []uint64
	buf []float32
}

func (s *scratch) scores(n int) []float32 {
	if cap(s.buf) < n {
		s.buf = make([]float32, n)
	}
	return s.buf[:n]
}
