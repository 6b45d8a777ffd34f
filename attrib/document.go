package attrib

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sayso-news/sayso/internal/textnorm"
)

// Quotation flags of a token.
const (
	qIn       uint8 = 1 << iota // inside a double quotation, marks included
	qOpen                       // the opening mark of a double quotation
	qClose                      // the closing mark of a double quotation
	qSingle                     // inside a single quotation, marks included
	qUnclosed                   // inside a double quotation left unclosed at its paragraph's end
)

// document is a text prepared for tagging: tokens with the per-token facts
// every feature reads, computed once.
type document struct {
	text  string
	toks  []textnorm.Token
	low   []string // lower case
	lemma []string // crude stem of low
	sents []textnorm.Sentence
	sent  []int32 // sentence index of each token
	quote []uint8 // quotation flags
	qid   []int32 // index in quotes of the double quotation holding the token, or -1
	// quotes are the double quotations of the text.
	quotes []textnorm.Quotation
	// cueProb is the cue lexicon's probability for each token's lemma.
	cueProb []float32
	// class is each token's word class.
	class []uint8
	// hLow, hLemma and hShape hash low, lemma and shape once per token for
	// the features that read them.
	hLow, hLemma, hShape []uint32
	// commas[i] counts the commas before token i (len(toks)+1 entries).
	commas []int32
	// cluster is each token's word cluster, nil until setClusters.
	cluster []uint16
	// paras caches paragraphs(d).
	paras [][2]int
	// syn is the dependency parse, nil until setSyntax.
	syn *parse
}

// setClusters looks up every token's word cluster.
func (d *document) setClusters(m map[string]uint16) {
	if m == nil {
		return
	}
	d.cluster = make([]uint16, len(d.toks))
	for i, w := range d.low {
		c, ok := m[w]
		if !ok {
			c = noCluster
		}
		d.cluster[i] = c
	}
}

// Hashes standing for the words beyond either end of the text.
const (
	hashBefore = 0x5bd1e995
	hashAfter  = 0x1b873593
)

// strHash is FNV-1a over s, folded to 32 bits.
func strHash(s string) uint32 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return uint32(h) ^ uint32(h>>32)
}

// hw returns the hash of the lower-case token at i.
func (d *document) hw(i int) int {
	if i < 0 {
		return hashBefore
	}
	if i >= len(d.toks) {
		return hashAfter
	}
	return int(d.hLow[i])
}

// hl returns the hash of the stem of token i.
func (d *document) hl(i int) int {
	if i < 0 {
		return hashBefore
	}
	if i >= len(d.toks) {
		return hashAfter
	}
	return int(d.hLemma[i])
}

// hs returns the hash of the shape of token i.
func (d *document) hs(i int) int {
	if i < 0 {
		return hashBefore
	}
	if i >= len(d.toks) {
		return hashAfter
	}
	return int(d.hShape[i])
}

// newDocument tokenizes text and computes the per-token facts.
func newDocument(text string, lex *lexicon) *document {
	return newDocumentVocab(text, lex, nil)
}

// vocabEntry is what a model knows of a lower-case word, worked out once
// when the model is loaded: a token of a known word then costs one lookup
// instead of a stemming, two hashings and two more lookups.
type vocabEntry struct {
	lemma        string
	hLow, hLemma uint32
	cueProb      float32
	cluster      uint16
}

// buildVocab returns the vocabulary entries of the words that have a
// cluster: the words seen often in training, which make most of any text.
func buildVocab(lex *lexicon, clusters map[string]uint16) map[string]vocabEntry {
	out := make(map[string]vocabEntry, len(clusters))
	for w, c := range clusters {
		l := stem(w)
		out[w] = vocabEntry{lemma: l, hLow: strHash(w), hLemma: strHash(l), cueProb: lex.prob(l), cluster: c}
	}
	return out
}

// newDocumentVocab is newDocument reading known words from vocab, which
// also gives their clusters (words outside it have none); with a nil
// vocab, setClusters gives them.
func newDocumentVocab(text string, lex *lexicon, vocab map[string]vocabEntry) *document {
	toks := textnorm.Tokenize(text)
	d := &document{
		text:    text,
		toks:    toks,
		low:     make([]string, len(toks)),
		lemma:   make([]string, len(toks)),
		sent:    make([]int32, len(toks)),
		quote:   make([]uint8, len(toks)),
		qid:     make([]int32, len(toks)),
		cueProb: make([]float32, len(toks)),
		hLow:    make([]uint32, len(toks)),
		hLemma:  make([]uint32, len(toks)),
		hShape:  make([]uint32, len(toks)),
	}
	if vocab != nil {
		d.cluster = make([]uint16, len(toks))
	}
	for i, t := range toks {
		d.qid[i] = -1
		d.hShape[i] = shapeHash(t.Text)
		low := lowerASCIIFast(t.Text)
		d.low[i] = low
		if vocab != nil {
			if e, ok := vocab[low]; ok {
				d.lemma[i], d.hLow[i], d.hLemma[i], d.cueProb[i], d.cluster[i] = e.lemma, e.hLow, e.hLemma, e.cueProb, e.cluster
				continue
			}
			d.cluster[i] = noCluster
		}
		d.lemma[i] = stem(low)
		d.hLow[i] = strHash(low)
		d.hLemma[i] = strHash(d.lemma[i])
		if lex != nil {
			d.cueProb[i] = lex.prob(d.lemma[i])
		}
	}
	d.commas = make([]int32, len(toks)+1)
	for i := range toks {
		d.commas[i+1] = d.commas[i]
		if d.low[i] == "," {
			d.commas[i+1]++
		}
	}
	class := make([]uint8, len(toks))
	for i := range toks {
		class[i] = uint8(d.computeClass(i))
	}
	d.class = class
	d.sents = textnorm.Sentences(toks)
	for si, s := range d.sents {
		for i := s.First; i <= s.Last; i++ {
			d.sent[i] = int32(si)
		}
	}
	quotations := textnorm.Quotations(toks)
	britishStyle := !slices.ContainsFunc(quotations, func(q textnorm.Quotation) bool { return q.Double })
	for _, q := range quotations {
		if !q.Double && !(britishStyle && d.speechInSingles(q)) {
			for i := q.Open; i <= q.Last; i++ {
				d.quote[i] |= qSingle
			}
			continue
		}
		id := int32(len(d.quotes))
		d.quotes = append(d.quotes, q)
		for i := q.Open; i <= q.Last; i++ {
			d.quote[i] |= qIn
			d.qid[i] = id
			if q.Close < 0 {
				d.quote[i] |= qUnclosed
			}
		}
		d.quote[q.Open] |= qOpen
		if q.Close >= 0 {
			d.quote[q.Close] |= qClose
		}
	}
	return d
}

// speechInSingles reports whether a quotation in single marks, in a text
// that quotes speech the British way with no double marks at all, is
// speech rather than a scare quote or a headline's: it is closed, holds at
// least three words, and either ends with a comma and runs on into its
// sentence ('We are ready,' he said) or ends a sentence after a colon (He
// said: 'We are ready.').
func (d *document) speechInSingles(q textnorm.Quotation) bool {
	if q.Close < 0 || q.Close-q.Open < 4 {
		return false
	}
	switch d.low[q.Close-1] {
	case ",":
		next := q.Close + 1
		return next < len(d.toks) && d.toks[next].Newlines == 0 && d.toks[next].Kind == textnorm.Word
	case ".", "?", "!":
		return q.Open > 0 && d.low[q.Open-1] == ":"
	}
	return false
}

// lowerASCIIFast lower-cases s, returning s itself when it has no upper case.
func lowerASCIIFast(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// irregular maps irregular verb forms common in reporting to their base.
var irregular = map[string]string{
	"said": "say", "says": "say", "told": "tell", "thought": "think", "wrote": "write",
	"written": "write", "knew": "know", "known": "know", "felt": "feel", "saw": "see", "seen": "see",
	"spoke": "speak", "spoken": "speak", "took": "take", "taken": "take", "gave": "give",
	"given": "give", "made": "make", "found": "find", "held": "hold", "heard": "hear",
	"meant": "mean", "sought": "seek", "taught": "teach", "understood": "understand",
	"forgot": "forget", "foresaw": "foresee", "predicted": "predict", "read": "read",
	"insisted": "insist", "went": "go", "gone": "go", "came": "come", "became": "become",
	"began": "begin", "begun": "begin", "led": "lead", "kept": "keep", "put": "put",
	"is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "am": "be",
	"has": "have", "had": "have", "having": "have", "does": "do", "did": "do", "done": "do",
}

// stem reduces a lower-case word to a crude stem so that inflections of one
// verb share features: irregular forms by table, then -ing, -ed, -es, -s and
// a final -e removed while at least three letters remain.
func stem(w string) string {
	if b, ok := irregular[w]; ok {
		return b
	}
	if len(w) <= 3 {
		return w
	}
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			if suf == "s" && strings.HasSuffix(w, "ss") {
				break
			}
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if len(w) > 3 && w[len(w)-1] == 'e' {
		w = w[:len(w)-1]
	}
	// Doubled final consonants from -ing/-ed: "admitted" → "admitt" → "admit".
	if n := len(w); n > 3 && w[n-1] == w[n-2] && w[n-1] != 'l' && w[n-1] != 's' && isConsonant(w[n-1]) {
		w = w[:n-1]
	}
	return w
}

func isConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !strings.ContainsRune("aeiouy", rune(c))
}

// shapeHash hashes the orthographic shape of s: letters mapped to X or x,
// digits to d, other runes kept, runs collapsed ("Peskov" → "Xx", "U.S." →
// "X.X.", "2016" → "d"), at most 16 symbols; it equals strHash of that
// shape without building it.
func shapeHash(s string) uint32 {
	h := uint64(fnvOffset)
	n := 0
	var last byte
	for _, r := range s {
		var c byte
		switch {
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z':
			c = 'x'
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			c = 'X'
		case r < utf8.RuneSelf && '0' <= r && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n == 16 {
			break
		}
		h ^= uint64(c)
		h *= fnvPrime
		n++
	}
	return uint32(h) ^ uint32(h>>32)
}

// isCapitalised reports whether s starts with an upper-case letter.
func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
