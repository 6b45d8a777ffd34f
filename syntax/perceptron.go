package syntax

import (
	"math"
	"slices"

	"github.com/sayso-news/sayso/internal/quant"
)

// A multiclass averaged perceptron over hashed features (Collins 2002;
// Freund & Schapire 1999), with sparse rows: an update touches only the
// gold and the predicted class, so most features carry weights for a few
// classes only, and scoring adds only those.

// learner is a perceptron in training.
type learner struct {
	classes int
	rows    map[uint64]*row
	// step counts the examples seen; acc sums step × update so that the
	// average of a weight over all steps is w - acc/step (Daumé 2006).
	step float64
}

// row is one feature's weights and the number of updates that touched it.
type row struct {
	updates uint32
	es      []entryAcc
}

type entryAcc struct {
	class uint8
	w     float32
	acc   float64
}

func newLearner(classes int) *learner {
	return &learner{classes: classes, rows: map[uint64]*row{}}
}

// scores sets out (len classes) to the summed current weights of fs.
func (l *learner) scores(fs []uint64, out []float32) {
	clear(out)
	for _, f := range fs {
		if r := l.rows[f]; r != nil {
			for _, e := range r.es {
				out[e.class] += e.w
			}
		}
	}
}

// tick counts one example, updated or not.
func (l *learner) tick() { l.step++ }

// update moves the weights of fs toward gold and away from pred by one.
func (l *learner) update(fs []uint64, gold, pred int) {
	if gold == pred {
		return
	}
	for _, f := range fs {
		r := l.rows[f]
		if r == nil {
			r = &row{}
			l.rows[f] = r
		}
		r.updates++
		r.es = bump(r.es, uint8(gold), 1, l.step)
		r.es = bump(r.es, uint8(pred), -1, l.step)
	}
}

func bump(row []entryAcc, class uint8, d float32, step float64) []entryAcc {
	for i := range row {
		if row[i].class == class {
			row[i].w += d
			row[i].acc += float64(d) * step
			return row
		}
	}
	return append(row, entryAcc{class: class, w: d, acc: float64(d) * step})
}

// minUpdates is how many updates a feature needs to be kept. Dropping the
// features updated once (mostly rare words') shrank the model by a third
// and cost 0.1 LAS on EWT and GUM dev, so all are kept.
const minUpdates = 1

// average returns the averaged weights as a read-only classifier. Keys
// are folded to 32 bits (the weights of the rare keys that fold together
// are summed), and weights are quantised to a byte, which drops those
// too small to matter.
func (l *learner) average() *classifier {
	step := l.step + 1
	folded := map[uint32][]entry{}
	var maxAbs float32
	for k, r := range l.rows {
		if r.updates < minUpdates {
			continue
		}
		fk := foldKey(k)
		es := folded[fk]
		for _, e := range r.es {
			v := e.w - float32(e.acc/step)
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
			found := false
			for i := range es {
				if es[i].class == e.class {
					es[i].w += v
					found = true
				}
			}
			if !found {
				es = append(es, entry{class: e.class, w: v})
			}
		}
		folded[fk] = es
	}
	b := newClassifierBuilder(l.classes, quant.NewLog(maxAbs))
	keys := make([]uint32, 0, len(folded))
	for k := range folded {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		b.add(k, folded[k])
	}
	return b.build()
}

// foldKey folds a 64-bit feature key to the 32 bits a model stores.
func foldKey(k uint64) uint32 {
	f := uint32(k) ^ uint32(k>>32)
	if f == 0 {
		return 1 // 0 marks an empty slot
	}
	return f
}

// classifier is the read-only form of averaged weights: an open-addressing
// table from feature key to its quantised weights. With at most four
// classes the weights sit in the slot itself, so a feature costs one memory
// access; with more, the slot points to a run of (class, weight) entries.
type classifier struct {
	classes int
	q       quant.Log
	dec     [256]float32 // code → weight
	mask    uint32
	// inline holds the slots when classes <= 4, else sparse and entries.
	inline  []inlineSlot
	sparse  []sparseSlot
	entries []entry8 // each run opens with an entry whose class is its length
}

type inlineSlot struct {
	key  uint32 // 0 marks an empty slot
	code [4]int8
}

type sparseSlot struct {
	key   uint32 // 0 marks an empty slot
	start uint32
}

// entry8 is one class's quantised weight.
type entry8 struct {
	class uint8
	code  int8
}

type entry struct {
	class uint8
	w     float32
}

// maxInlineClasses is the most classes whose weights fit in a slot.
const maxInlineClasses = 4

type classifierBuilder struct {
	classes int
	q       quant.Log
	keys    []uint32
	starts  []uint32 // run i is codes[starts[i]:starts[i+1]]
	codes   []entry8
}

func newClassifierBuilder(classes int, q quant.Log) *classifierBuilder {
	return &classifierBuilder{classes: classes, q: q}
}

// add records the weights of feature key; weights that quantise to zero
// are dropped, and a feature left without any is not stored.
func (b *classifierBuilder) add(key uint32, es []entry) {
	n := len(b.codes)
	for _, e := range es {
		if c := b.q.Encode(e.w); c != 0 {
			b.codes = append(b.codes, entry8{class: e.class, code: c})
		}
	}
	b.endRun(key, n)
}

// endRun closes the run of key's codes, which began at n.
func (b *classifierBuilder) endRun(key uint32, n int) {
	if len(b.codes) == n {
		return
	}
	run := b.codes[n:]
	slices.SortFunc(run, func(a, b entry8) int { return int(a.class) - int(b.class) })
	b.keys = append(b.keys, key)
	b.starts = append(b.starts, uint32(n))
}

func (b *classifierBuilder) run(i int) []entry8 {
	end := len(b.codes)
	if i+1 < len(b.starts) {
		end = int(b.starts[i+1])
	}
	return b.codes[b.starts[i]:end]
}

func (b *classifierBuilder) build() *classifier {
	n := uint32(1)
	for n < uint32(len(b.keys))*3/2+1 { // load factor at most 2/3: misses end soon
		n <<= 1
	}
	c := &classifier{classes: b.classes, q: b.q, mask: n - 1}
	for code := -128; code < 128; code++ {
		c.dec[uint8(int8(code))] = b.q.Decode(int8(code))
	}
	if c.classes <= maxInlineClasses {
		c.inline = make([]inlineSlot, n)
	} else {
		c.sparse = make([]sparseSlot, n)
		c.entries = make([]entry8, 0, len(b.codes)+len(b.keys))
	}
	for i, k := range b.keys {
		h := c.home(k)
		run := b.run(i)
		if c.inline != nil {
			for c.inline[h].key != 0 && c.inline[h].key != k {
				h = (h + 1) & c.mask
			}
			s := &c.inline[h]
			s.key = k
			for _, e := range run {
				s.code[e.class] = e.code
			}
			continue
		}
		for c.sparse[h].key != 0 && c.sparse[h].key != k {
			h = (h + 1) & c.mask
		}
		c.sparse[h] = sparseSlot{key: k, start: uint32(len(c.entries))}
		c.entries = append(c.entries, entry8{class: uint8(len(run))})
		c.entries = append(c.entries, run...)
	}
	return c
}

func (c *classifier) home(k uint32) uint32 { return (k * 0x9E3779B1) & c.mask }

// maxBatch bounds the features scored in one batch.
const maxBatch = 192

// scores sets out (len classes) to the summed weights of fs. It first
// reads the home slot of every feature in a pass without branches, so that
// the memory loads, independent of each other, overlap instead of each
// waiting on the one before.
func (c *classifier) scores(fs []uint64, out []float32) {
	clear(out)
	for len(fs) > 0 {
		n := min(len(fs), maxBatch)
		c.scoreBatch(fs[:n], out)
		fs = fs[n:]
	}
}

func (c *classifier) scoreBatch(fs []uint64, out []float32) {
	var keys, homes [maxBatch]uint32
	var touch uint32
	if c.inline != nil {
		for j, f := range fs {
			k := foldKey(f)
			keys[j] = k
			homes[j] = c.home(k)
			touch += c.inline[homes[j]].key
		}
		for j := range fs {
			h, k := homes[j], keys[j]
			for {
				s := &c.inline[h]
				if s.key == k {
					for cl := range c.classes {
						out[cl] += c.dec[uint8(s.code[cl])]
					}
					break
				}
				if s.key == 0 {
					break
				}
				h = (h + 1) & c.mask
			}
		}
	} else {
		for j, f := range fs {
			k := foldKey(f)
			keys[j] = k
			homes[j] = c.home(k)
			touch += c.sparse[homes[j]].key
		}
		for j := range fs {
			h, k := homes[j], keys[j]
			for {
				s := &c.sparse[h]
				if s.key == k {
					n := uint32(c.entries[s.start].class)
					for _, e := range c.entries[s.start+1 : s.start+1+n] {
						out[e.class] += c.dec[uint8(e.code)]
					}
					break
				}
				if s.key == 0 {
					break
				}
				h = (h + 1) & c.mask
			}
		}
	}
	if touch == 1 && len(fs) == 0 {
		out[0]++ // never: it keeps the reading pass from being optimised away
	}
}

// each calls fn with every feature key and its weights, in no order.
func (c *classifier) each(fn func(key uint32, codes []entry8)) {
	var buf [maxInlineClasses]entry8
	for _, s := range c.inline {
		if s.key == 0 {
			continue
		}
		codes := buf[:0]
		for cl, code := range s.code[:c.classes] {
			if code != 0 {
				codes = append(codes, entry8{class: uint8(cl), code: code})
			}
		}
		fn(s.key, codes)
	}
	for _, s := range c.sparse {
		if s.key == 0 {
			continue
		}
		n := uint32(c.entries[s.start].class)
		fn(s.key, c.entries[s.start+1:s.start+1+n])
	}
}

// features returns the number of features with weights, and of weights.
func (c *classifier) features() (features, weights int) {
	c.each(func(_ uint32, codes []entry8) {
		features++
		weights += len(codes)
	})
	return features, weights
}

// argmax returns the best-scoring class among those ok allows, or -1.
func argmax(scores []float32, ok func(int) bool) int {
	best, arg := float32(math.Inf(-1)), -1
	for i, s := range scores {
		if s > best && (ok == nil || ok(i)) {
			best, arg = s, i
		}
	}
	return arg
}
