package syntax

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/sayso-news/sayso/internal/wordclass"
)

// Model is a trained tagger and parser. It is safe for concurrent use.
type Model struct {
	// Info says how the model was made.
	Info ModelInfo
	// sum is the SHA-256 of the model file it was read from.
	sum  string
	tags []tagName // the tag set: tags[k] is tag k's UPOS and XPOS
	upos []UPOS    // upos[k] is tags[k]'s UPOS, for speed
	// punct[k] reports whether tag k is punctuation.
	punct    []bool
	tagger   *tagger
	parser   *parser
	clusters map[string]uint16
}

// ModelInfo records how a model was trained, so that it can be made again.
type ModelInfo struct {
	// Command is the command line that trained it.
	Command string `json:"command"`
	// Seed is the random seed of the training order.
	Seed uint64 `json:"seed"`
	// Data names each training file with its SHA-256.
	Data []DataFile `json:"data"`
	// Sentences and Words count the training data.
	Sentences int `json:"sentences"`
	Words     int `json:"words"`
}

// DataFile is one training file and its checksum.
type DataFile struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

type tagName struct{ upos, xpos string }

// Tree is the tagged and parsed form of one sentence. Index i is word i+1
// of the sentence; heads count from 1, 0 being the root.
type Tree struct {
	// Words are the word forms.
	Words []string
	// UPOS and XPOS are the tags.
	UPOS []UPOS
	XPOS []string
	// Head[i] is the 1-based position of word i+1's head; 0 for the root word.
	Head []int
	// Rel[i] is the relation of word i+1 to its head.
	Rel []Rel
}

// Len returns the number of words.
func (t *Tree) Len() int { return len(t.Words) }

// Parse tags and parses one sentence given as words in UD's tokenization
// (see Words for how sayso's tokens become such words). An empty sentence
// gives an empty tree; sentences longer than MaxSentenceWords are parsed
// in pieces, each its own tree joined under the first piece's root.
func (m *Model) Parse(words []string) *Tree {
	t := &Tree{}
	m.ParseInto(t, words, nil)
	return t
}

// Buffers holds the working memory of parsing; one goroutine may reuse one
// Buffers across calls to ParseInto to save allocations.
type Buffers struct {
	sc   scratch
	st   state
	ws   []wordInfo
	tags []uint8
	ctx  parseCtx
}

// ParseInto is Parse writing into t, reusing t's slices and buf (which may
// be nil).
func (m *Model) ParseInto(t *Tree, words []string, buf *Buffers) {
	if buf == nil {
		buf = &Buffers{}
	}
	n := len(words)
	t.Words = append(t.Words[:0], words...)
	t.UPOS = slices.Grow(t.UPOS[:0], n)[:n]
	t.XPOS = slices.Grow(t.XPOS[:0], n)[:n]
	t.Head = slices.Grow(t.Head[:0], n)[:n]
	t.Rel = slices.Grow(t.Rel[:0], n)[:n]
	for lo := 0; lo < n; lo += MaxSentenceWords {
		hi := min(n, lo+MaxSentenceWords)
		m.parsePiece(t, words[lo:hi], lo, buf)
		if lo > 0 {
			for i := lo; i < hi; i++ {
				if t.Head[i] == 0 {
					t.Head[i], t.Rel[i] = rootOf(t)+1, Parataxis
				}
			}
		}
	}
}

func rootOf(t *Tree) int {
	for i, h := range t.Head {
		if h == 0 {
			return i
		}
	}
	return 0
}

// parsePiece tags and parses words, writing at offset off of t.
func (m *Model) parsePiece(t *Tree, words []string, off int, buf *Buffers) {
	n := len(words)
	buf.ws = buf.ws[:0]
	for _, w := range words {
		buf.ws = append(buf.ws, infoOf(w, m.clusters))
	}
	buf.tags = slices.Grow(buf.tags[:0], n)[:n]
	m.tagger.tag(buf.ws, buf.tags, &buf.sc)
	m.fillCtx(&buf.ctx, buf.ws, buf.tags)
	m.parser.parse(&buf.ctx, &buf.st, &buf.sc)
	for i := range n {
		k := buf.tags[i]
		t.UPOS[off+i] = m.upos[k]
		t.XPOS[off+i] = m.tags[k].xpos
		h := int(buf.st.head[i+1])
		if h > 0 {
			h += off
		}
		t.Head[off+i] = h
		t.Rel[off+i] = buf.st.rel[i+1]
	}
}

// fillCtx sets c to the parser's view of the tagged words.
func (m *Model) fillCtx(c *parseCtx, ws []wordInfo, tags []uint8) {
	n := len(ws)
	c.words = slices.Grow(c.words[:0], n+1)[:n+1]
	c.words[0] = parseWord{norm: rootWord.norm, cluster: rootWord.norm, tag: 253}
	c.punct = slices.Grow(c.punct[:0], n+2)[:n+2]
	c.punct[0], c.punct[1] = 0, 0
	for i, wi := range ws {
		c.words[i+1] = parseWord{norm: wi.norm, cluster: wi.cluster, tag: uint64(tags[i])}
		p := c.punct[i+1]
		if m.punct[tags[i]] {
			p++
		}
		c.punct[i+2] = p
	}
}

// TrainConfig sets how Train learns.
type TrainConfig struct {
	// Seed orders the training examples; the same seed and data give the
	// same model.
	Seed uint64
	// TagEpochs and ParseEpochs are the passes over the data (0: defaults).
	TagEpochs, ParseEpochs int
	// Folds is the number of jackknife folds that give the parser's
	// training data predicted tags, as it will see at use (0: default).
	Folds int
	// Unlabeled is plain text, as sentences of words, from which word
	// clusters are learnt together with the training sentences' words.
	Unlabeled [][]string
	// Clusters is the number of word clusters (0: the default; -1: none).
	Clusters int
	// Info is recorded in the model.
	Info ModelInfo
	// Progress, when set, receives a line for each stage.
	Progress func(string)
}

// Defaults of TrainConfig.
const (
	defaultTagEpochs   = 10
	defaultParseEpochs = 15
	defaultFolds       = 5
	defaultClusters    = 256
)

// learnClusters clusters the normalised words of the training sentences
// and the unlabeled text.
func learnClusters(sents []*Sentence, unlabeled [][]string, k int, seed uint64) map[string]uint16 {
	seqs := make([][]string, 0, len(sents)+len(unlabeled))
	norm := func(words []string) []string {
		out := make([]string, len(words))
		for i, w := range words {
			out[i] = normWord(w)
		}
		return out
	}
	for _, s := range sents {
		seqs = append(seqs, norm(s.Forms()))
	}
	for _, u := range unlabeled {
		seqs = append(seqs, norm(u))
	}
	return wordclass.KMeans(seqs, wordclass.Config{Clusters: k, MinCount: 3, ContextWords: 500, Rounds: 12, Seed: seed})
}

// Train learns a tagger and a parser from sentences with gold tags and
// trees. Sentences without complete annotation are an error.
func Train(ctx context.Context, sents []*Sentence, cfg TrainConfig) (*Model, error) {
	if cfg.TagEpochs <= 0 {
		cfg.TagEpochs = defaultTagEpochs
	}
	if cfg.ParseEpochs <= 0 {
		cfg.ParseEpochs = defaultParseEpochs
	}
	if cfg.Folds <= 0 {
		cfg.Folds = defaultFolds
	}
	progress := cfg.Progress
	if progress == nil {
		progress = func(string) {}
	}
	m := &Model{Info: cfg.Info}
	tagIndex := map[tagName]uint8{}
	gold := make([]taggedSentence, len(sents))
	for k, s := range sents {
		ts := taggedSentence{gold: make([]uint8, len(s.Words))}
		for i, w := range s.Words {
			if w.UPOS == "" || w.Head < 0 || w.Deprel == "" {
				return nil, fmt.Errorf("train syntax: sentence %d word %d (%q) lacks a tag or a head", k+1, i+1, w.Form)
			}
			tn := tagName{w.UPOS, w.XPOS}
			id, ok := tagIndex[tn]
			if !ok {
				if len(tagIndex) >= 250 {
					return nil, fmt.Errorf("train syntax: more than 250 tags")
				}
				id = uint8(len(tagIndex))
				tagIndex[tn] = id
				m.tags = append(m.tags, tn)
			}
			ts.gold[i] = id
		}
		gold[k] = ts
	}
	m.index()
	if cfg.Clusters >= 0 {
		progress("word clusters")
		m.clusters = learnClusters(sents, cfg.Unlabeled, cmp.Or(cfg.Clusters, defaultClusters), cfg.Seed)
	}
	for k, s := range sents {
		gold[k].ws = make([]wordInfo, len(s.Words))
		for i, w := range s.Words {
			gold[k].ws[i] = infoOf(w.Form, m.clusters)
		}
	}
	m.Info.Sentences = len(sents)
	for _, s := range sents {
		m.Info.Words += len(s.Words)
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5a7a))
	// Jackknife: each fold is tagged by a tagger trained on the others.
	pred := make([][]uint8, len(sents))
	folds := cfg.Folds
	for f := range folds {
		if folds == 1 {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		progress(fmt.Sprintf("tagger fold %d/%d", f+1, folds))
		var train []taggedSentence
		for k := range gold {
			if k%folds != f {
				train = append(train, gold[k])
			}
		}
		tg := trainTagger(train, len(m.tags), cfg.TagEpochs, rng)
		var sc scratch
		for k := range gold {
			if k%folds == f || folds == 1 {
				pred[k] = make([]uint8, len(gold[k].ws))
				tg.tag(gold[k].ws, pred[k], &sc)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	progress("tagger")
	m.tagger = trainTagger(gold, len(m.tags), cfg.TagEpochs, rng)
	if folds == 1 {
		var sc scratch
		for k := range gold {
			pred[k] = make([]uint8, len(gold[k].ws))
			m.tagger.tag(gold[k].ws, pred[k], &sc)
		}
	}
	progress("parser")
	exs := make([]parseExample, len(sents))
	for k, s := range sents {
		ex := &exs[k]
		m.fillCtx(&ex.ctx, gold[k].ws, pred[k])
		heads := make([]int32, len(s.Words)+1)
		ex.rels = make([]Rel, len(s.Words)+1)
		heads[0] = -1
		for i, w := range s.Words {
			heads[i+1] = int32(w.Head)
			ex.rels[i+1] = ParseRel(w.Deprel)
		}
		ex.gold = projectivize(heads)
	}
	m.parser = trainParser(exs, parserConfig{epochs: cfg.ParseEpochs, exploreFrom: 1, explore: 0.9}, rng)

	return m, nil
}

// index fills the lookup tables derived from the tag set.
func (m *Model) index() {
	m.upos = make([]UPOS, len(m.tags))
	m.punct = make([]bool, len(m.tags))
	for k, t := range m.tags {
		m.upos[k] = ParseUPOS(t.upos)
		m.punct[k] = t.upos == "PUNCT"
	}
}

// Tags returns the model's tag set as "UPOS XPOS" pairs.
func (m *Model) Tags() []string {
	out := make([]string, len(m.tags))
	for k, t := range m.tags {
		out[k] = strings.TrimSpace(t.upos + " " + t.xpos)
	}
	return out
}

// Stats describes the model's size: features with weights and weights, per
// part (tagger, parser moves, arc labels).
func (m *Model) Stats() string {
	part := func(c *classifier) string {
		f, w := c.features()
		return fmt.Sprintf("%d features, %d weights", f, w)
	}
	return fmt.Sprintf("tagger: %s; moves: %s; labels: %s; %d tags, %d clustered words",
		part(m.tagger.c), part(m.parser.moves), part(m.parser.labels), len(m.tags), len(m.clusters))
}

// SHA256 returns the hex SHA-256 of the model file the model was read
// from, or of its serialised form when it was trained in this process: it
// names the model in the attribution model that reads its parses.
func (m *Model) SHA256() string {
	if m.sum == "" {
		h := sha256.New()
		m.WriteTo(h)
		m.sum = hex.EncodeToString(h.Sum(nil))
	}
	return m.sum
}
