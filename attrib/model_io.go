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

	"github.com/sayso-news/sayso/internal/modelfile"
	"github.com/sayso-news/sayso/internal/quant"
	"github.com/sayso-news/sayso/syntax"
)

// The model file: gzip over a magic line, the ModelInfo as JSON, the cue
// lexicon, the taggers (keys delta-coded, weights quantised to a byte), the
// argument ranker and the word clusters.

// modelMagic opens every model file; the digit is the format version.
const modelMagic = "SAYSO-ATTRIB-5\n"

// maxModelBytes bounds a decompressed model so a corrupt file cannot
// exhaust memory.
const maxModelBytes = 256 << 20

// WriteTo writes the model in its gzip'd binary format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	info, err := json.Marshal(m.Info)
	if err != nil {
		return 0, err
	}
	return modelfile.Write(w, gzip.DefaultCompression, modelMagic, func(bw *bufio.Writer) error {
		m.write(bw, info)
		return nil
	})
}

// write writes the model's content after the magic line.
func (m *Model) write(bw *bufio.Writer, info []byte) {
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
	q := quant.NewLog(maxAbs)
	put(uint32(len(keys)))
	put(maxAbs)
	put(tg.trans)
	writeKeys(bw, keys)
	col := make([]int8, len(keys))
	rows := make([]int32, len(keys))
	for i, k := range keys {
		rows[i] = tg.index[k]
	}
	for t := range numTags {
		for i, r := range rows {
			col[i] = q.Encode(tg.w[int(r)*numTags+t])
		}
		put(col)
	}
}

// ReadModel reads a model written by WriteTo. It fails on a file that is
// not a model, of another format version, truncated or too large.
func ReadModel(r io.Reader) (*Model, error) {
	raw, _, err := modelfile.Read(r, modelMagic, maxModelBytes)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	br := bytes.NewReader(raw)
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
	if m.Info.Syntax != "" {
		syn, err := syntax.DefaultModel()
		if err != nil {
			return nil, fmt.Errorf("read model: %w", err)
		}
		if got := syn.SHA256(); got != m.Info.Syntax {
			return nil, fmt.Errorf("read model: trained with syntax model %.12s, the embedded one is %.12s: retrain it", m.Info.Syntax, got)
		}
		m.syn = syn
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
	keys, err := readKeys(br, n)
	if err != nil {
		return nil, err
	}
	if br.Len() < int(n)*numTags {
		return nil, errors.New("read model: truncated weights")
	}
	tg.maxAbs = maxAbs
	q := quant.NewLog(maxAbs)
	var table [256]float32
	for c := -128; c < 128; c++ {
		table[uint8(int8(c))] = q.Decode(int8(c))
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
	writeKeys(bw, keys)
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
	keys, err := readKeys(br, n)
	if err != nil {
		return nil, err
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

// writeKeys writes sorted feature keys, each as a uvarint delta from the
// one before (readKeys reads them back).
func writeKeys(bw *bufio.Writer, keys []uint32) {
	var prev uint32
	var vb [binary.MaxVarintLen32]byte
	for _, k := range keys {
		n := binary.PutUvarint(vb[:], uint64(k-prev))
		bw.Write(vb[:n])
		prev = k
	}
}

// readKeys reads n sorted feature keys, each stored as a uvarint delta
// from the one before.
func readKeys(br *bytes.Reader, n uint32) ([]uint32, error) {
	keys := make([]uint32, n)
	var prev uint32
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, errors.New("read model: truncated feature keys")
		}
		prev += uint32(d)
		keys[i] = prev
	}
	return keys, nil
}
