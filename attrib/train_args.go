package attrib

import (
	"context"
	"math/rand/v2"

	"github.com/sayso-news/sayso"
)

// goldAttribution is a reference attribution in tokens.
type goldAttribution struct {
	cue      span
	source   choice
	contents []choice
}

// tokenSpan maps a code-point span to the tokens it covers exactly, or
// reports false when its ends fall inside tokens.
func tokenSpan(d *document, s sayso.Span) (choice, bool) {
	i := tokenAtOrAfter(d, s.Start)
	if i >= len(d.toks) || d.toks[i].Start != s.Start {
		return noChoice, false
	}
	j := i
	for j < len(d.toks) && d.toks[j].End < s.End {
		j++
	}
	if j >= len(d.toks) || d.toks[j].End != s.End {
		return noChoice, false
	}
	return choice{i, j}, true
}

// goldAttributions converts reference attributions to tokens, keeping those
// whose cue aligns with tokens.
func goldAttributions(d *document, atts []sayso.Attribution) []goldAttribution {
	var out []goldAttribution
	for _, a := range atts {
		if a.Cue == nil || len(a.Cue.Spans) == 0 {
			continue
		}
		c, ok := tokenSpan(d, a.Cue.Spans[0])
		if !ok {
			continue
		}
		g := goldAttribution{cue: span{c.first, c.last, labelCue}, source: noChoice}
		if a.Source != nil && len(a.Source.Spans) > 0 {
			if s, ok := tokenSpan(d, a.Source.Spans[0]); ok {
				g.source = s
			} else {
				continue
			}
		}
		for _, sp := range a.Content.Spans {
			if ch, ok := tokenSpan(d, sp); ok {
				g.contents = append(g.contents, ch)
			}
		}
		out = append(out, g)
	}
	return out
}

// argInstance is one cue to learn arguments for.
type argInstance struct {
	doc     int
	cue     span
	content choice
	source  choice
	// gold is set when the cue is in the reference: a content of none then
	// means one out of reach, not that there is none.
	gold bool
}

// mainContent picks the gold content piece the ranker should find for cue:
// the one nearest the cue inside its region.
func mainContent(d *document, cue span, contents []choice) choice {
	lo, hi := region(d, cue, roleContent)
	best, bestGap := noChoice, 1<<30
	for _, c := range contents {
		if c.first < lo || c.last > hi || (c.first <= cue.last && c.last >= cue.first) {
			continue
		}
		if g := gap(span{c.first, c.last, 0}, cue); g < bestGap {
			best, bestGap = c, g
		}
	}
	return best
}

// trainArgs trains the argument ranker on the cues the (jackknifed) tagger
// found, whose gold arguments are those of the reference attribution with an
// overlapping cue, or none for a cue that is not in the reference; and on the
// reference cues the tagger missed.
func trainArgs(ctx context.Context, docs []*document, atts [][]sayso.Attribution, tags [][]tag, opt TrainOptions) (*argModel, error) {
	var inst []argInstance
	takenCue := make([][]bool, len(docs))
	takenContent := make([][]bool, len(docs))
	for di, d := range docs {
		gold := goldAttributions(d, atts[di])
		takenCue[di] = make([]bool, len(d.toks))
		takenContent[di] = make([]bool, len(d.toks))
		used := make([]bool, len(gold))
		for _, s := range spansOf(d, tags[di]) {
			if s.label != labelCue {
				continue
			}
			for i := s.first; i <= s.last; i++ {
				takenCue[di][i] = true
			}
			in := argInstance{doc: di, cue: s, content: noChoice, source: noChoice}
			for gi, g := range gold {
				if g.cue.first <= s.last && s.first <= g.cue.last {
					in.content = mainContent(d, s, g.contents)
					in.source = g.source
					in.gold = true
					used[gi] = true
					break
				}
			}
			inst = append(inst, in)
		}
		for gi, g := range gold {
			for i := g.cue.first; i <= g.cue.last; i++ {
				takenCue[di][i] = true
			}
			for _, c := range g.contents {
				for i := c.first; i <= c.last; i++ {
					takenContent[di][i] = true
				}
			}
			if !used[gi] {
				inst = append(inst, argInstance{doc: di, cue: g.cue, content: mainContent(d, g.cue, g.contents), source: g.source, gold: true})
			}
		}
	}
	var out *argModel
	for run := range opt.Average {
		am, err := trainArgsOnce(ctx, docs, tags, inst, takenCue, takenContent, opt, opt.Seed+uint64(run)*1000)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = am
			continue
		}
		for f, r := range am.index {
			o, ok := out.index[f]
			if !ok {
				o = int32(len(out.w))
				out.index[f] = o
				out.w = append(out.w, 0)
			}
			out.w[o] += am.w[r]
		}
		for role := range out.pair {
			for p := range out.pair[role] {
				out.pair[role][p] += am.pair[role][p]
			}
		}
	}
	inv := 1 / float32(opt.Average)
	for i := range out.w {
		out.w[i] *= inv
	}
	for role := range out.pair {
		for p := range out.pair[role] {
			out.pair[role][p] *= inv
		}
	}
	return out, nil
}

// trainArgsOnce trains one ranker over the instances in one random order.
func trainArgsOnce(ctx context.Context, docs []*document, tags [][]tag, inst []argInstance, takenCue, takenContent [][]bool, opt TrainOptions, seed uint64) (*argModel, error) {
	inst = append([]argInstance(nil), inst...)
	am := newArgModel()
	tr := &argTrainer{m: am, maxIndex: 4 << 20}
	rng := rand.New(rand.NewPCG(seed, 0xa9))
	both := func(di int) []bool {
		t := make([]bool, len(docs[di].toks))
		for i := range t {
			t[i] = takenCue[di][i] || takenContent[di][i]
		}
		return t
	}
	takenBoth := make([][]bool, len(docs))
	for di := range docs {
		takenBoth[di] = both(di)
	}
	for range opt.ArgEpochs {
		rng.Shuffle(len(inst), func(i, j int) { inst[i], inst[j] = inst[j], inst[i] })
		for k, in := range inst {
			if k%512 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			d := docs[in.doc]
			// The cue itself is never an argument; other cues are off limits.
			if !in.gold || in.content.first >= 0 {
				tr.learn(d, tags[in.doc], in.cue, roleContent, in.content, takenCue[in.doc])
			}
			if in.content.first >= 0 || in.source.first >= 0 {
				tr.learn(d, tags[in.doc], in.cue, roleSource, in.source, takenBoth[in.doc])
			}
		}
	}
	tr.average()
	return am, nil
}
