package attrib

import (
	"context"
	"fmt"
	"github.com/sayso-news/sayso/syntax"
	"math/rand/v2"

	"github.com/sayso-news/sayso"
)

// TrainingDoc is one annotated text to learn from.
type TrainingDoc struct {
	Text string
	// Attributions are the reference attributions; only their Source, Cue
	// and Content spans are used.
	Attributions []sayso.Attribution
}

// TrainOptions control training. The zero value trains with the defaults.
type TrainOptions struct {
	// Seed fixes the random order of the training data: the same data, seed
	// and options give the same model.
	Seed uint64
	// Epochs is the number of passes over the data per tagger (default 12).
	Epochs int
	// ArgEpochs is the number of passes over the cues for the argument
	// ranker (default 3). The ranker reads many features of each
	// candidate span and fits its training cues within a few passes; more
	// passes over-fit. Trained on 630 train articles and scored on the
	// other 210, 3 passes did best (lenient F1 0.619; 1: 0.617, 2: 0.619,
	// 4: 0.616, 6: 0.611, 12: 0.600).
	ArgEpochs int
	// Folds is the number of folds of the jackknife that gives the stacked
	// second tagger honest first-pass tags to learn from (default 4; 1
	// trains a single tagger).
	Folds int
	// MinFeatureCount drops features seen fewer times in training (default 5).
	MinFeatureCount int
	// Average is how many runs, each over its own random order, are
	// averaged into each final tagger and ranker (default 1: averaging two
	// measured no better on dev, the perceptron being averaged already).
	Average int
	// Syntax, when set, parses the texts so that features can read their
	// trees; the model then needs the same syntax model to run.
	Syntax *syntax.Model
	// Info is recorded in the model; Train fills in the counts and Seed.
	Info ModelInfo
	// Progress, when set, receives a line per finished step.
	Progress func(msg string)
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.ArgEpochs <= 0 {
		o.ArgEpochs = 3
	}
	if o.Folds <= 0 {
		o.Folds = 4
	}
	if o.Average <= 0 {
		o.Average = 1
	}
	if o.MinFeatureCount <= 0 {
		o.MinFeatureCount = 5
	}
	if o.Progress == nil {
		o.Progress = func(string) {}
	}
}

// Train learns a model from docs. It fails when ctx is cancelled or there
// is nothing to learn from.
func Train(ctx context.Context, docs []TrainingDoc, opt TrainOptions) (*Model, error) {
	opt.defaults()
	if len(docs) == 0 {
		return nil, fmt.Errorf("train: no documents")
	}
	prepared := make([]*document, len(docs))
	golds := make([][]tag, len(docs))
	tokens := 0
	for i, td := range docs {
		prepared[i] = newDocument(td.Text, nil)
		prepared[i].setSyntax(opt.Syntax)
		golds[i] = goldTags(prepared[i], td.Attributions)
		tokens += len(prepared[i].toks)
	}
	lex := buildLexicon(prepared, golds, nil)
	// Each document reads the cue lexicon built without it (a jackknife over
	// lexFolds folds): a lexicon built on the very documents it describes
	// is surer of their cues than it will be of new text's, and the taggers
	// would learn to trust it too much.
	lexFold := make([]int, len(prepared))
	for i, k := range rand.New(rand.NewPCG(opt.Seed, 0x1e71)).Perm(len(prepared)) {
		lexFold[i] = k % lexFolds
	}
	for f := range lexFolds {
		fl := buildLexicon(prepared, golds, func(i int) bool { return lexFold[i] != f })
		for di, d := range prepared {
			if lexFold[di] != f {
				continue
			}
			for i := range d.toks {
				d.cueProb[i] = fl.prob(d.lemma[i])
			}
		}
	}
	clusters := learnClusters(prepared, opt.Seed)
	for _, d := range prepared {
		d.setClusters(clusters)
	}

	opt.Progress(fmt.Sprintf("%d documents, %d tokens, %d cue stems, %d clustered words", len(docs), tokens, len(lex.p), len(clusters)))
	m := &Model{lex: lex, Info: opt.Info, clusters: clusters, syn: opt.Syntax}
	if opt.Syntax != nil {
		m.Info.Syntax = opt.Syntax.SHA256()
	}
	m.Info.Seed = opt.Seed
	m.Info.Epochs = opt.Epochs
	m.Info.ArgEpochs = opt.ArgEpochs
	m.Info.Documents = len(docs)
	m.Info.Tokens = tokens

	first := make([][][]uint32, len(prepared))
	for i, d := range prepared {
		first[i] = documentFeatures(d, newContext(d, nil))
	}
	all := make([]int, len(prepared))
	for i := range all {
		all[i] = i
	}
	t1, err := trainAveraged(ctx, prepared, golds, first, all, opt, opt.Seed)
	if err != nil {
		return nil, err
	}
	m.taggers = append(m.taggers, t1)
	m.Info.Features = append(m.Info.Features, len(t1.index))
	opt.Progress(fmt.Sprintf("first tagger: %d features", len(t1.index)))
	if opt.Folds < 2 {
		return m, nil
	}

	// Jackknife: first-pass tags for each fold from a tagger trained on the
	// other folds, so that the second tagger learns from tags as noisy as
	// those it will see.
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5a750))
	order := rng.Perm(len(prepared))
	fold := make([]int, len(prepared))
	for k, i := range order {
		fold[i] = k % opt.Folds
	}
	predicted := make([][]tag, len(prepared))
	for f := range opt.Folds {
		var in []int
		for i := range prepared {
			if fold[i] != f {
				in = append(in, i)
			}
		}
		tf, err := trainTagger(ctx, prepared, golds, first, in, opt, opt.Seed+uint64(f)+1)
		if err != nil {
			return nil, err
		}
		for i, d := range prepared {
			if fold[i] == f {
				predicted[i] = decode(tf, d, first[i])
			}
		}
		opt.Progress(fmt.Sprintf("fold %d of %d tagged", f+1, opt.Folds))
	}
	atts := make([][]sayso.Attribution, len(docs))
	for i, td := range docs {
		atts[i] = td.Attributions
	}
	am, err := trainArgs(ctx, prepared, atts, predicted, opt)
	if err != nil {
		return nil, err
	}
	m.args = am
	opt.Progress(fmt.Sprintf("argument ranker: %d features", len(am.index)))
	second := make([][][]uint32, len(prepared))
	for i, d := range prepared {
		second[i] = documentFeatures(d, newContext(d, predicted[i]))
	}
	t2, err := trainAveraged(ctx, prepared, golds, second, all, opt, opt.Seed+100)
	if err != nil {
		return nil, err
	}
	m.taggers = append(m.taggers, t2)
	m.Info.Features = append(m.Info.Features, len(t2.index))
	opt.Progress(fmt.Sprintf("second tagger: %d features", len(t2.index)))
	return m, nil
}

// trainAveraged trains opt.Average taggers over different orders of the
// data and averages their weights.
func trainAveraged(ctx context.Context, docs []*document, golds [][]tag, feats [][][]uint32, use []int, opt TrainOptions, seed uint64) (*tagger, error) {
	var out *tagger
	for k := range opt.Average {
		tg, err := trainTagger(ctx, docs, golds, feats, use, opt, seed+uint64(k)*1000)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = tg
			continue
		}
		for f, r := range tg.index {
			o, ok := out.index[f]
			if !ok {
				o = int32(len(out.w) / numTags)
				out.index[f] = o
				out.w = append(out.w, make([]float32, numTags)...)
			}
			for t := range numTags {
				out.w[int(o)*numTags+t] += tg.w[int(r)*numTags+t]
			}
		}
		for a := range out.trans {
			for b := range out.trans[a] {
				out.trans[a][b] += tg.trans[a][b]
			}
		}
	}
	inv := 1 / float32(opt.Average)
	for i := range out.w {
		out.w[i] *= inv
	}
	for a := range out.trans {
		for b := range out.trans[a] {
			out.trans[a][b] *= inv
		}
	}
	return out, nil
}

// lexFolds is the number of folds of the cue lexicon's jackknife.
const lexFolds = 5

// decode tags d with tg from precomputed features.
func decode(tg *tagger, d *document, feats [][]uint32) []tag {
	out := make([]tag, len(d.toks))
	scores := make([][numTags]float32, len(d.toks))
	tg.emissions(feats, scores)
	for _, p := range paragraphs(d) {
		tg.viterbi(scores[p[0]:p[1]], out[p[0]:p[1]])
	}
	return out
}

// trainTagger trains one averaged perceptron on the documents in use.
func trainTagger(ctx context.Context, docs []*document, golds [][]tag, feats [][][]uint32, use []int, opt TrainOptions, seed uint64) (*tagger, error) {
	counts := map[uint32]int32{}
	for _, di := range use {
		for _, fs := range feats[di] {
			for _, f := range fs {
				counts[f]++
			}
		}
	}
	tg := newTagger()
	for f, c := range counts {
		if int(c) >= opt.MinFeatureCount {
			tg.index[f] = int32(len(tg.index))
		}
	}
	tg.w = make([]float32, len(tg.index)*numTags)
	tr := &trainer{m: tg, acc: make([]float32, len(tg.w))}
	type seq struct{ doc, start, end int }
	var seqs []seq
	for _, di := range use {
		for _, p := range paragraphs(docs[di]) {
			seqs = append(seqs, seq{di, p[0], p[1]})
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0xa77))
	var scores [][numTags]float32
	var pred []tag
	for range opt.Epochs {
		rng.Shuffle(len(seqs), func(i, j int) { seqs[i], seqs[j] = seqs[j], seqs[i] })
		for k, s := range seqs {
			if k%1024 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			n := s.end - s.start
			if cap(scores) < n {
				scores = make([][numTags]float32, n)
				pred = make([]tag, n)
			}
			f := feats[s.doc][s.start:s.end]
			tg.emissions(f, scores[:n])
			tg.viterbi(scores[:n], pred[:n])
			tr.update(f, golds[s.doc][s.start:s.end], pred[:n])
		}
	}
	tr.average()
	return tg, nil
}
