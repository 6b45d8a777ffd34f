package syntax

// wordInfo holds what the features of the tagger and the parser read of one
// word, hashed once per sentence.
type wordInfo struct {
	norm, form, shape uint64
	pre               [3]uint64 // prefixes of 1 to 3 runes of the normalised form
	suf               [4]uint64 // suffixes of 1 to 4 runes
	cluster           uint64    // word cluster + 1; 0 when the word has none
	// amb is the word's ambiguity class: a hash of the set of tags it had
	// in training when it was seen often enough, else 0.
	amb uint64
}

// Sentinels stand for the words before the first and after the last, so
// that features at the edges still say where the edge is.
var (
	startWord = sentinel("<s>")
	endWord   = sentinel("</s>")
	rootWord  = sentinel("<root>")
	noWord    = sentinel("<none>")
)

func sentinel(s string) wordInfo {
	h := hashString(s)
	return wordInfo{norm: h, form: h, shape: h, pre: [3]uint64{h, h, h}, suf: [4]uint64{h, h, h, h}, cluster: h, amb: h}
}

// infoOf hashes one word form; clusters maps normalised forms to clusters.
func infoOf(form string, clusters map[string]uint16) wordInfo {
	n := normWord(form)
	wi := wordInfo{norm: hashString(n), form: hashString(form), shape: hashString(shape(form))}
	for k := range wi.pre {
		wi.pre[k] = hashString(affix(n, k+1))
	}
	for k := range wi.suf {
		wi.suf[k] = hashString(affix(n, -(k + 1)))
	}
	if c, ok := clusters[n]; ok {
		wi.cluster = uint64(c) + 1
	}
	return wi
}
