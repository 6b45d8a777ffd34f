package attrib

import (
	"bufio"
	"fmt"

	"github.com/sayso-news/sayso"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// gumDoc is one GUM document rebuilt as text: its words' byte spans and,
// for each word, the ids of the gold entities covering it.
type gumDoc struct {
	name     string
	text     string
	spans    [][2]int // byte span of each word
	entities [][]int  // entity ids open over each word
	single   []int    // the entity of a one-word mention at that word, or -1
	kind     []string // that entity's type
}

// readGUM reads the documents of a GUM CoNLL-U file: words joined with
// spaces (none where SpaceAfter=No), paragraphs with blank lines; the
// Entity= brackets of MISC give each word the entities it is part of.
func readGUM(t *testing.T, path string) []gumDoc {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("GUM not found (the shared data is absent; set SAYSO_DATA): %v", err)
	}
	defer f.Close()
	var docs []gumDoc
	var b strings.Builder
	var cur *gumDoc
	var open []int
	rangeEnd := 0 // last word id covered by the current multi-word token
	var rangeSpan [2]int
	flush := func() {
		if cur != nil {
			cur.text = b.String()
			docs = append(docs, *cur)
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc id = "):
			flush()
			b.Reset()
			cur = &gumDoc{name: strings.TrimPrefix(line, "# newdoc id = ")}
			open = open[:0]
			continue
		case strings.HasPrefix(line, "# newpar") && !strings.HasPrefix(line, "# newpar_"):
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			continue
		case line == "":
			rangeEnd = 0 // word ids start again with each sentence
			continue
		case strings.HasPrefix(line, "#") || cur == nil:
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 || strings.Contains(cols[0], ".") {
			continue
		}
		write := func(form, misc string) [2]int {
			if b.Len() > 0 {
				last := b.String()[b.Len()-1]
				if last != ' ' && last != '\n' {
					b.WriteByte(' ')
				}
			}
			s := [2]int{b.Len(), b.Len() + len(form)}
			b.WriteString(form)
			if strings.Contains(misc, "SpaceAfter=No") {
				b.WriteByte(0) // marks "no space" for the next word
			}
			return s
		}
		if lo, hi, ok := strings.Cut(cols[0], "-"); ok {
			_ = lo
			h, _ := strconv.Atoi(hi)
			rangeEnd = h
			rangeSpan = write(cols[1], cols[9])
			continue
		}
		id, _ := strconv.Atoi(cols[0])
		var span [2]int
		if id <= rangeEnd {
			span = rangeSpan
		} else {
			span = write(cols[1], cols[9])
		}
		single, kind := -1, ""
		for _, kv := range strings.Split(cols[9], "|") {
			ent, ok := strings.CutPrefix(kv, "Entity=")
			if !ok {
				continue
			}
			// Opening brackets "(3-person-…" and closing ones "3)".
			for i := 0; i < len(ent); i++ {
				switch {
				case ent[i] == '(':
					j := i + 1
					for j < len(ent) && ent[j] >= '0' && ent[j] <= '9' {
						j++
					}
					n, _ := strconv.Atoi(ent[i+1 : j])
					open = append(open, n)
					typ, _, _ := strings.Cut(ent[min(j+1, len(ent)):], "-")
					end := strings.IndexAny(ent[i+1:], "()")
					if end >= 0 && ent[i+1+end] == ')' {
						single, kind = n, typ
					}
				}
			}
		}
		cur.spans = append(cur.spans, span)
		cur.entities = append(cur.entities, append([]int(nil), open...))
		cur.single = append(cur.single, single)
		cur.kind = append(cur.kind, kind)
		// Close the entities whose ")" is on this word.
		for _, kv := range strings.Split(cols[9], "|") {
			ent, ok := strings.CutPrefix(kv, "Entity=")
			if !ok {
				continue
			}
			for i := 0; i < len(ent); i++ {
				if ent[i] != ')' {
					continue
				}
				// The id before ")" is either right after "(" (one-word
				// mention: "(3-person-…)") or a bare number ("3)").
				j := i
				for j > 0 && ent[j-1] != '(' && ent[j-1] != ')' {
					j--
				}
				var n int
				if j > 0 && ent[j-1] == '(' {
					k := j
					for k < len(ent) && ent[k] >= '0' && ent[k] <= '9' {
						k++
					}
					n, _ = strconv.Atoi(ent[j:k])
				} else {
					n, _ = strconv.Atoi(ent[j:i])
				}
				for k := len(open) - 1; k >= 0; k-- {
					if open[k] == n {
						open = append(open[:k], open[k+1:]...)
						break
					}
				}
			}
		}
	}
	flush()
	// Remove the "no space" markers, shifting spans.
	for d := range docs {
		doc := &docs[d]
		shift := make([]int, len(doc.text)+1)
		var out strings.Builder
		for i := 0; i < len(doc.text); i++ {
			shift[i] = i - out.Len()
			if doc.text[i] == 0 {
				// drop the marker and the space written after it
				if i+1 < len(doc.text) && doc.text[i+1] == ' ' {
					shift[i+1] = i + 1 - out.Len()
					i++
				}
				continue
			}
			out.WriteByte(doc.text[i])
		}
		shift[len(doc.text)] = len(doc.text) - out.Len()
		for w := range doc.spans {
			doc.spans[w][0] -= shift[doc.spans[w][0]]
			doc.spans[w][1] -= shift[doc.spans[w][1]]
		}
		doc.text = out.String()
	}
	return docs
}

// TestGUMPronouns measures, on GUM's dev and test documents (news,
// interviews, bios, speeches …), how often a subject "he" or "she" whose
// person was mentioned before is resolved, as a source would be (the
// previous pronoun's person standing for the previous speaker), to a name
// of that person, and reports the figure per split (go test -v -run
// GUMPronouns). The floor is just under today's figure over both.
func TestGUMPronouns(t *testing.T) {
	data := os.Getenv("SAYSO_DATA")
	if data == "" {
		data = filepath.Join("..", "..", "shared", "data")
	}
	m, err := defaultModel()
	if err != nil {
		t.Fatal(err)
	}
	total, right := 0, 0
	var splitLog []string
	for _, split := range []string{"dev", "test"} {
		splitTotal, splitRight := total, right
		for _, g := range readGUM(t, filepath.Join(data, "syntax", "gum", split+".conllu")) {
			d := newDocumentVocab(g.text, m.lex, m.vocab)
			d.setSyntax(m.syn)
			ix := buildEntities(d)
			r := &resolver{d: d, ix: ix, prevEnd: -1}
			word := 0
			seen := map[int]bool{}
			var prev *sayso.Speaker
			wordAt := make([]int, len(d.toks)) // GUM word of each token, -1 none
			for i, tok := range d.toks {
				wordAt[i] = -1
				for word < len(g.spans) && g.spans[word][1] <= tok.ByteStart {
					word++
				}
				if word < len(g.spans) && g.spans[word][0] <= tok.ByteStart && tok.ByteEnd <= g.spans[word][1] {
					wordAt[i] = word
				}
			}
			// The gold entities each resolved name stands for: those of
			// its mentions' last words.
			goldOf := map[string]map[int]bool{}
			for k, mm := range ix.mentions {
				name := ix.name(ix.canon[k])
				if goldOf[name] == nil {
					goldOf[name] = map[int]bool{}
				}
				if lw := wordAt[mm.last]; lw >= 0 {
					for _, e := range g.entities[lw] {
						goldOf[name][e] = true
					}
				}
			}
			for i := range d.toks {
				w := wordAt[i]
				if w < 0 {
					continue
				}
				if (d.low[i] != "he" && d.low[i] != "she") || g.single[w] < 0 || g.kind[w] != "person" {
					for _, e := range g.entities[w] {
						seen[e] = true
					}
					continue
				}
				e := g.single[w]
				if !seen[e] {
					seen[e] = true
					continue // no earlier mention to find
				}
				total++
				// Resolved as a source would be: the previous pronoun's
				// person is the previous speaker.
				sp := r.pronoun(i, prev, sayso.Person)
				if sp != nil && sp.Resolution != sayso.Unresolved {
					prev = sp
					if goldOf[sp.Name][e] {
						right++
					} else if os.Getenv("GUM_DEBUG") != "" && split == "dev" {
						lo := max(0, d.toks[i].ByteStart-150)
						t.Logf("%s: %q → %s", g.name, g.text[lo:d.toks[i].ByteEnd], sp.Name)
					}
				} else if os.Getenv("GUM_DEBUG") != "" && split == "dev" {
					t.Logf("%s: unresolved %q", g.name, g.text[max(0, d.toks[i].ByteStart-150):d.toks[i].ByteEnd])
				}
			}
		}
		n, k := total-splitTotal, right-splitRight
		splitLog = append(splitLog, fmt.Sprintf("GUM %s: %d of %d subject he/she resolved to their person: %.3f", split, k, n, float64(k)/float64(max(n, 1))))
	}
	if total == 0 {
		t.Fatal("no pronouns read from GUM")
	}
	for _, l := range splitLog {
		t.Log(l)
	}
	share := float64(right) / float64(total)
	t.Logf("GUM dev+test: %d of %d subject he/she resolved to their person: %.3f", right, total, share)
	if share < gumPronounFloor {
		t.Errorf("GUM pronoun accuracy %.3f below the floor %.3f", share, gumPronounFloor)
	}
}

// gumPronounFloor is just under the pronoun accuracy measured on GUM
// (0.649: dev 0.649, test 0.649; the resolver before the speakers work:
// 0.609 over both).
const gumPronounFloor = 0.64
