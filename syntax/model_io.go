package syntax

import (
	"bufio"
	"cmp"
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
)

// The model file: gzip over a magic line, the ModelInfo as JSON, the tag
// set, the word clusters, the tagger's ambiguity classes, then the three
// classifiers (tagger, moves, labels), each as its quantisation scale and
// its features: keys ascending and delta-coded, each with its
// (class, weight code) pairs.

// modelMagic opens every model file; the digit is the format version.
const modelMagic = "SAYSO-SYNTAX-1\n"

// maxModelBytes bounds a decompressed model so that a corrupt file cannot
// exhaust memory.
const maxModelBytes = 512 << 20

// WriteTo writes the model in its gzip'd binary format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	info, err := json.Marshal(m.Info)
	if err != nil {
		return 0, err
	}
	return modelfile.Write(w, gzip.BestCompression, modelMagic, func(bw *bufio.Writer) error {
		m.write(bw, info)
		return nil
	})
}

// write writes the model's content after the magic line.
func (m *Model) write(bw *bufio.Writer, info []byte) {
	var vb [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(vb[:binary.PutUvarint(vb[:], v)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	str(string(info))
	uv(uint64(len(m.tags)))
	for _, t := range m.tags {
		str(t.upos)
		str(t.xpos)
	}
	words := make([]string, 0, len(m.clusters))
	for w := range m.clusters {
		words = append(words, w)
	}
	slices.Sort(words)
	uv(uint64(len(words)))
	for _, w := range words {
		str(w)
		uv(uint64(m.clusters[w]))
	}
	writeAmb(uv, m.tagger.amb)
	for _, c := range []*classifier{m.tagger.c, m.parser.moves, m.parser.labels} {
		writeClassifier(bw, uv, c)
	}
}

// writeAmb writes the distinct ambiguity classes, then each word's hash
// (ascending, delta-coded) with the index of its class.
func writeAmb(uv func(uint64), amb map[uint64]uint64) {
	keys := make([]uint64, 0, len(amb))
	classIdx := map[uint64]uint64{}
	var classes []uint64
	for k, c := range amb {
		keys = append(keys, k)
		if _, ok := classIdx[c]; !ok {
			classIdx[c] = 0
			classes = append(classes, c)
		}
	}
	slices.Sort(keys)
	slices.Sort(classes)
	for i, c := range classes {
		classIdx[c] = uint64(i)
	}
	uv(uint64(len(classes)))
	for _, c := range classes {
		uv(c)
	}
	uv(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		uv(k - prev)
		prev = k
		uv(classIdx[amb[k]])
	}
}

func writeClassifier(bw *bufio.Writer, uv func(uint64), c *classifier) {
	uv(uint64(c.classes))
	binary.Write(bw, binary.LittleEndian, c.dec[127])
	type feat struct {
		key   uint32
		codes []entry8
	}
	var fs []feat
	c.each(func(k uint32, codes []entry8) { fs = append(fs, feat{k, slices.Clone(codes)}) })
	slices.SortFunc(fs, func(a, b feat) int { return cmp.Compare(a.key, b.key) })
	uv(uint64(len(fs)))
	prev := uint32(0)
	for _, f := range fs {
		uv(uint64(f.key - prev))
		prev = f.key
		uv(uint64(len(f.codes)))
		for _, e := range f.codes {
			bw.WriteByte(e.class)
			bw.WriteByte(byte(e.code))
		}
	}
}

// ErrModel is wrapped by every error ReadModel returns for a file that is
// not a readable model.
var ErrModel = errors.New("not a syntax model of this version")

// ReadModel reads a model written by WriteTo. It fails, wrapping ErrModel,
// on a file that is not a model, of another format version, truncated or
// too large.
func ReadModel(r io.Reader) (*Model, error) {
	raw, sum, err := modelfile.Read(r, modelMagic, maxModelBytes)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, err)
	}
	rd := &reader{b: raw}
	m := &Model{sum: sum}
	if err := json.Unmarshal([]byte(rd.str()), &m.Info); err != nil && rd.err == nil {
		rd.err = err
	}
	nt := rd.count(250)
	for range nt {
		m.tags = append(m.tags, tagName{upos: rd.str(), xpos: rd.str()})
	}
	nc := rd.count(1 << 24)
	m.clusters = make(map[string]uint16, nc)
	for range nc {
		w := rd.str()
		m.clusters[w] = uint16(rd.count(math.MaxUint16))
	}
	m.tagger = &tagger{amb: readAmb(rd)}
	m.tagger.c = readClassifier(rd, len(m.tags))
	m.parser = &parser{moves: readClassifier(rd, numMoves), labels: readClassifier(rd, int(numRels))}
	if rd.err != nil {
		return nil, fmt.Errorf("%w: %v", ErrModel, rd.err)
	}
	if len(rd.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrModel, len(rd.b))
	}
	m.index()
	return m, nil
}

func readAmb(rd *reader) map[uint64]uint64 {
	classes := make([]uint64, rd.count(1<<24))
	for i := range classes {
		classes[i] = rd.uv()
	}
	n := rd.count(1 << 26)
	amb := make(map[uint64]uint64, n)
	prev := uint64(0)
	for range n {
		prev += rd.uv()
		c := rd.count(uint64(len(classes)) - 1)
		if rd.err == nil {
			amb[prev] = classes[c]
		}
	}
	return amb
}

func readClassifier(rd *reader, classes int) *classifier {
	if got := rd.count(255); got != classes && rd.err == nil {
		rd.err = fmt.Errorf("classifier of %d classes, want %d", got, classes)
	}
	var maxW float32
	if len(rd.b) >= 4 {
		maxW = math.Float32frombits(binary.LittleEndian.Uint32(rd.b))
		rd.b = rd.b[4:]
	} else {
		rd.fail()
	}
	b := newClassifierBuilder(classes, quant.NewLog(maxW))
	n := rd.count(1 << 28)
	b.keys = make([]uint32, 0, min(n, len(rd.b)))
	b.starts = make([]uint32, 0, min(n, len(rd.b)))
	prev := uint32(0)
	for range n {
		prev += uint32(rd.count(math.MaxUint32))
		k := rd.count(uint64(classes))
		if rd.err != nil || len(rd.b) < 2*k {
			rd.fail()
			break
		}
		start := len(b.codes)
		for i := range k {
			e := entry8{class: rd.b[2*i], code: int8(rd.b[2*i+1])}
			if int(e.class) >= classes {
				rd.err = fmt.Errorf("class %d of %d", e.class, classes)
			}
			b.codes = append(b.codes, e)
		}
		rd.b = rd.b[2*k:]
		b.endRun(prev, start)
	}
	return b.build()
}

// reader decodes the model's varints, remembering the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated")
	}
}

func (r *reader) uv() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a varint that must not exceed limit.
func (r *reader) count(limit uint64) int {
	v := r.uv()
	if v > limit {
		if r.err == nil {
			r.err = fmt.Errorf("count %d over %d", v, limit)
		}
		return 0
	}
	return int(v)
}

func (r *reader) str() string {
	n := r.count(1 << 20)
	if n > len(r.b) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
