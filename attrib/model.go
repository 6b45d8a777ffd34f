package attrib

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// modelMagic opens every model file; the digit is the format version.
const modelMagic = "SAYSO-ATTRIB-5\n"

// maxModelBytes bounds a decompressed model so a corrupt file cannot
// exhaust memory.
const maxModelBytes = 256 << 20

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
	// Epochs is the number of passes over the data per tagger.
	Epochs int `json:"epochs"`
	// Documents and Tokens count the training data.
	Documents int `json:"documents"`
	Tokens    int `json:"tokens"`
	// Features counts the weighted features of each tagger.
	Features []int `json:"features"`
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

// WriteTo writes the model in its gzip'd binary format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.DefaultCompression)
	bw := bufio.NewWriter(zw)
	info, err := json.Marshal(m.Info)
	if err != nil {
		return cw.n, err
	}
	bw.WriteString(modelMagic)
	put := func(v any) { binary.Write(bw, binary.LittleEndian, v) }
	put(uint32(len(info)))
	bw.Write(info)
	words := make([]string, 0, len(m.lex.p))
	for w := range m.lex.p {
		words = append(words, w)
	}
	slices.Sort(words)
	put(uint32(len(words)))
	for _, w := range words {
		put(uint8(len(w)))
		bw.WriteString(w)
		put(m.lex.p[w])
	}
	put(uint32(len(m.taggers)))
	for _, tg := range m.taggers {
		writeTagger(bw, tg)
	}
	writeArgs(bw, m.args)
	writeClusters(bw, m.clusters)
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

// writeTagger writes keys in ascending order, delta-coded, then weights
// quantised to one byte each on a logarithmic scale (steps of about 6% of
// the weight), column by column so that gzip finds the runs of zeros.
func writeTagger(bw *bufio.Writer, tg *tagger) {
	put := func(v any) { binary.Write(bw, binary.LittleEndian, v) }
	keys := make([]uint32, 0, len(tg.index))
	for k := range tg.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var maxAbs float32
	for _, v := range tg.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	q := newLogQuant(maxAbs)
	put(uint32(len(keys)))
	put(maxAbs)
	put(tg.trans)
	var prev uint32
	var vb [binary.MaxVarintLen32]byte
	for _, k := range keys {
		n := binary.PutUvarint(vb[:], uint64(k-prev))
		bw.Write(vb[:n])
		prev = k
	}
	col := make([]int8, len(keys))
	rows := make([]int32, len(keys))
	for i, k := range keys {
		rows[i] = tg.index[k]
	}
	for t := range numTags {
		for i, r := range rows {
			col[i] = q.encode(tg.w[int(r)*numTags+t])
		}
		put(col)
	}
}

// logQuant maps weights to int8 codes on a logarithmic scale: code c stands
// for sign(c)·unit·(exp(|c|·step)−1).
type logQuant struct{ unit, step float64 }

// quantRange is the ratio of the largest weight to the quantisation unit:
// weights under maxAbs/quantRange round to zero or one step.
const quantRange = 2000

func newLogQuant(maxAbs float32) logQuant {
	if maxAbs == 0 {
		maxAbs = 1
	}
	unit := float64(maxAbs) / quantRange
	return logQuant{unit: unit, step: math.Log1p(quantRange) / 127}
}

func (q logQuant) encode(v float32) int8 {
	c := math.Round(math.Log1p(math.Abs(float64(v))/q.unit) / q.step)
	c = min(c, 127)
	if v < 0 {
		return int8(-c)
	}
	return int8(c)
}

func (q logQuant) decode(c int8) float32 {
	a := float64(c)
	v := q.unit * math.Expm1(math.Abs(a)*q.step)
	if a < 0 {
		v = -v
	}
	return float32(v)
}

// ReadModel reads a model written by WriteTo. It fails on a file that is
// not a model, of another format version, truncated or too large.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, maxModelBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if len(raw) > maxModelBytes {
		return nil, errors.New("read model: larger than the model size bound")
	}
	if !bytes.HasPrefix(raw, []byte(modelMagic)) {
		return nil, errors.New("read model: not a sayso attribution model of this version")
	}
	br := bytes.NewReader(raw[len(modelMagic):])
	var rerr error
	get := func(v any) {
		if rerr == nil {
			rerr = binary.Read(br, binary.LittleEndian, v)
		}
	}
	var n uint32
	get(&n)
	if rerr != nil || int(n) > br.Len() {
		return nil, errors.New("read model: truncated header")
	}
	info := make([]byte, n)
	io.ReadFull(br, info)
	m := &Model{lex: &lexicon{p: map[string]float32{}}}
	if err := json.Unmarshal(info, &m.Info); err != nil {
		return nil, fmt.Errorf("read model info: %w", err)
	}
	get(&n)
	if rerr != nil || int(n) > br.Len() {
		return nil, errors.New("read model: truncated lexicon")
	}
	for range n {
		var l uint8
		get(&l)
		w := make([]byte, l)
		if _, err := io.ReadFull(br, w); err != nil {
			return nil, errors.New("read model: truncated lexicon")
		}
		var p float32
		get(&p)
		m.lex.p[string(w)] = p
	}
	var nt uint32
	get(&nt)
	if rerr != nil || nt > 4 {
		return nil, errors.New("read model: bad tagger count")
	}
	for range nt {
		tg, err := readTagger(br)
		if err != nil {
			return nil, err
		}
		m.taggers = append(m.taggers, tg)
	}
	if rerr != nil {
		return nil, fmt.Errorf("read model: %w", rerr)
	}
	if br.Len() > 0 {
		am, err := readArgs(br)
		if err != nil {
			return nil, err
		}
		m.args = am
	}
	if br.Len() > 0 {
		cl, err := readClusters(br)
		if err != nil {
			return nil, err
		}
		m.clusters = cl
	}
	m.freeze()
	return m, nil
}

func readTagger(br *bytes.Reader) (*tagger, error) {
	var n uint32
	var maxAbs float32
	tg := newTagger()
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil || int(n) > br.Len() {
		return nil, errors.New("read model: truncated tagger")
	}
	if err := binary.Read(br, binary.LittleEndian, &maxAbs); err != nil {
		return nil, errors.New("read model: truncated tagger")
	}
	if err := binary.Read(br, binary.LittleEndian, &tg.trans); err != nil {
		return nil, errors.New("read model: truncated tagger")
	}
	keys := make([]uint32, n)
	var prev uint32
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, errors.New("read model: truncated keys")
		}
		prev += uint32(d)
		keys[i] = prev
	}
	if br.Len() < int(n)*numTags {
		return nil, errors.New("read model: truncated weights")
	}
	tg.maxAbs = maxAbs
	q := newLogQuant(maxAbs)
	var table [256]float32
	for c := -128; c < 128; c++ {
		table[uint8(int8(c))] = q.decode(int8(c))
	}
	tg.w = make([]float32, int(n)*numTags)
	tg.index = make(map[uint32]int32, n)
	for i, k := range keys {
		tg.index[k] = int32(i)
	}
	col := make([]uint8, n)
	for t := range numTags {
		if _, err := io.ReadFull(br, col); err != nil {
			return nil, errors.New("read model: truncated weights")
		}
		for i, c := range col {
			tg.w[i*numTags+t] = table[c]
		}
	}
	return tg, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// writeArgs writes the argument ranker: a presence byte, the dense pair
// weights, then keys delta-coded and float32 weights.
func writeArgs(bw *bufio.Writer, am *argModel) {
	put := func(v any) { binary.Write(bw, binary.LittleEndian, v) }
	if am == nil {
		put(uint8(0))
		return
	}
	put(uint8(1))
	put(am.pair)
	keys := make([]uint32, 0, len(am.index))
	for k := range am.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	put(uint32(len(keys)))
	var prev uint32
	var vb [binary.MaxVarintLen32]byte
	for _, k := range keys {
		n := binary.PutUvarint(vb[:], uint64(k-prev))
		bw.Write(vb[:n])
		prev = k
	}
	ws := make([]float32, len(keys))
	for i, k := range keys {
		ws[i] = am.w[am.index[k]]
	}
	put(ws)
}

func readArgs(br *bytes.Reader) (*argModel, error) {
	var present uint8
	if err := binary.Read(br, binary.LittleEndian, &present); err != nil {
		return nil, errors.New("read model: truncated argument ranker")
	}
	if present == 0 {
		return nil, nil
	}
	am := newArgModel()
	if err := binary.Read(br, binary.LittleEndian, &am.pair); err != nil {
		return nil, errors.New("read model: truncated argument ranker")
	}
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil || int(n) > br.Len() {
		return nil, errors.New("read model: truncated argument ranker")
	}
	keys := make([]uint32, n)
	var prev uint32
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, errors.New("read model: truncated argument keys")
		}
		prev += uint32(d)
		keys[i] = prev
	}
	am.w = make([]float32, n)
	if err := binary.Read(br, binary.LittleEndian, am.w); err != nil {
		return nil, errors.New("read model: truncated argument weights")
	}
	for i, k := range keys {
		am.index[k] = int32(i)
	}
	return am, nil
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
			tg.fast = newFeatTable(tg, newLogQuant(maxAbs))
		}
	}
	if m.args != nil && m.args.fast == nil {
		m.args.fast = newWeightTable(m.args)
	}
}

// writeClusters writes the word clusters: a count, then each word (length
// byte, bytes) in sorted order with its cluster (uint16).
func writeClusters(bw *bufio.Writer, cl map[string]uint16) {
	words := make([]string, 0, len(cl))
	for w := range cl {
		if len(w) < 256 {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	binary.Write(bw, binary.LittleEndian, uint32(len(words)))
	for _, w := range words {
		bw.WriteByte(byte(len(w)))
		bw.WriteString(w)
		binary.Write(bw, binary.LittleEndian, cl[w])
	}
}

func readClusters(br *bytes.Reader) (map[string]uint16, error) {
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil || int(n) > br.Len() {
		return nil, errors.New("read model: truncated word clusters")
	}
	cl := make(map[string]uint16, n)
	for range n {
		l, err := br.ReadByte()
		if err != nil {
			return nil, errors.New("read model: truncated word clusters")
		}
		w := make([]byte, l)
		if _, err := io.ReadFull(br, w); err != nil {
			return nil, errors.New("read model: truncated word clusters")
		}
		var c uint16
		if err := binary.Read(br, binary.LittleEndian, &c); err != nil || fineCluster(c) > noCluster || coarseCluster(c) > coarseClusters {
			return nil, errors.New("read model: bad word cluster")
		}
		cl[string(w)] = c
	}
	return cl, nil
}
