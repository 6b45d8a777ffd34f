package attrib

import (
	"math"
	"slices"

	"github.com/sayso-news/sayso/internal/quant"
	"github.com/sayso-news/sayso/syntax"
)

// ModelInfo records how a model was made.
type ModelInfo struct {
	// Command is the command line that trained the model.
	Command string `json:"command"`
	// Data names the training data and DataSHA256 is its checksum
	// (eval/attribution.Checksum over the split's files).
	Data       string `json:"data"`
	DataSHA256 string `json:"data_sha256"`
	// Seed is the seed of the training's random order.
	Seed uint64 `json:"seed"`
	// Epochs is the number of passes over the data per tagger, ArgEpochs
	// over the cues for the argument ranker (0 in models made before it
	// was an option, which made 12).
	Epochs    int `json:"epochs"`
	ArgEpochs int `json:"arg_epochs,omitempty"`
	// Documents and Tokens count the training data.
	Documents int `json:"documents"`
	Tokens    int `json:"tokens"`
	// Features counts the weighted features of each tagger.
	Features []int `json:"features"`
	// Syntax is the SHA-256 of the syntax model whose parses the model's
	// features read (the embedded one must match), empty for a model
	// trained without syntax.
	Syntax string `json:"syntax,omitempty"`
}

// Model is a trained attribution model: the cue lexicon and one or two
// stacked taggers. It is immutable once loaded and safe for concurrent use.
type Model struct {
	Info    ModelInfo
	lex     *lexicon
	taggers []*tagger
	// args ranks argument spans; nil links tagged spans by rule.
	args *argModel
	// clusters maps lower-case words to their word clusters.
	clusters map[string]uint16
	// vocab holds what the model knows of the clustered words, built by
	// freeze.
	vocab map[string]vocabEntry
	// syn parses the sentences whose trees the features read; nil for a
	// model trained without syntax.
	syn *syntax.Model
}

// tag returns the tags of every token of d.
func (m *Model) tag(d *document) []tag {
	var prev []tag
	sc := &scratch{scores: make([][numTags]float32, len(d.toks))}
	for _, tg := range m.taggers {
		prev = runTagger(tg, d, prev, sc)
	}
	if prev == nil {
		prev = make([]tag, len(d.toks))
	}
	return prev
}

// runTagger tags d with tg, given the previous pass's tags (nil for the
// first pass), paragraph by paragraph. A stacked pass looks only at
// sentences where the previous pass found something: elsewhere the
// previous pass's all-O reading is kept (measured on dev, looking at
// sentences with a likely cue as well changed nothing).
func runTagger(tg *tagger, d *document, prev []tag, sc *scratch) []tag {
	c := newContext(d, prev)
	out := make([]tag, len(d.toks))
	if sc == nil || len(sc.scores) < len(d.toks) {
		sc = &scratch{scores: make([][numTags]float32, len(d.toks))}
	}
	scores := sc.scores[:len(d.toks)]
	clear(scores)
	active := make([]bool, len(d.toks))
	for _, s := range d.sents {
		on := prev == nil
		for i := s.First; i <= s.Last && !on; i++ {
			on = prev[i] != tagO
		}
		if on {
			for i := s.First; i <= s.Last; i++ {
				active[i] = true
			}
		}
	}
	var buf []uint32
	for i := range d.toks {
		if !active[i] {
			scores[i][tagO] = skipScore
			continue
		}
		buf = features(d, c, i, buf[:0])
		tg.emitOne(buf, &scores[i])
	}
	for _, p := range paragraphs(d) {
		if prev != nil && !slices.Contains(active[p[0]:p[1]], true) {
			continue // all O, as out already is
		}
		sc.back = tg.viterbiInto(scores[p[0]:p[1]], out[p[0]:p[1]], sc.back)
	}
	return out
}

// scratch holds the buffers one analysis reuses between the taggers.
type scratch struct {
	scores [][numTags]float32
	back   [][numTags]uint8
}

// skipScore is the O score given to tokens a stacked pass does not look at:
// large enough that no transition weight overturns it.
const skipScore = 1e6

// documentFeatures computes the features of every token of d, sharing one
// backing array.
func documentFeatures(d *document, c *tokenContext) [][]uint32 {
	feats := make([][]uint32, len(d.toks))
	buf := make([]uint32, 0, len(d.toks)*64)
	for i := range d.toks {
		start := len(buf)
		buf = features(d, c, i, buf)
		feats[i] = buf[start:len(buf):len(buf)]
	}
	return feats
}

// paragraphs returns the [start, end) token ranges of d's paragraphs.
func paragraphs(d *document) [][2]int {
	if d.paras != nil {
		return d.paras
	}
	out := [][2]int{}
	start := 0
	for i := 1; i < len(d.toks); i++ {
		if d.toks[i].Newlines > 0 {
			out = append(out, [2]int{start, i})
			start = i
		}
	}
	if start < len(d.toks) {
		out = append(out, [2]int{start, len(d.toks)})
	}
	d.paras = out
	return out
}

// Prune drops the tagger features whose weights are all below minAbs in
// magnitude, and the ranker's likewise: most features of an averaged
// perceptron carry tiny weights that change few decisions, and dropping them
// keeps the embedded model small.
func (m *Model) Prune(minAbs float32) {
	for _, tg := range m.taggers {
		keep := map[uint32]int32{}
		var w []float32
		for k, r := range tg.index {
			row := tg.w[int(r)*numTags : int(r)*numTags+numTags]
			big := false
			for _, v := range row {
				if v > minAbs || v < -minAbs {
					big = true
					break
				}
			}
			if big {
				keep[k] = int32(len(w) / numTags)
				w = append(w, row...)
			}
		}
		tg.index, tg.w = keep, w
	}
	if am := m.args; am != nil {
		for k, r := range am.index {
			if v := am.w[r]; v <= minAbs && v >= -minAbs {
				delete(am.index, k)
			}
		}
	}
}

// freeze builds the lookup tables used when analysing and drops the maps
// they replace.
func (m *Model) freeze() {
	for _, tg := range m.taggers {
		if tg.fast == nil {
			maxAbs := tg.maxAbs
			if maxAbs == 0 {
				for _, v := range tg.w {
					maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
				}
			}
			tg.fast = newFeatTable(tg, quant.NewLog(maxAbs))
		}
	}
	if m.args != nil && m.args.fast == nil {
		m.args.fast = newWeightTable(m.args)
	}
	if m.vocab == nil && m.clusters != nil {
		m.vocab = buildVocab(m.lex, m.clusters)
	}
}
