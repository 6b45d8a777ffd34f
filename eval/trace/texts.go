package trace

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sayso-news/sayso/eval/internal/evalfiles"
)

// Text is a real text the generator builds articles from.
type Text struct {
	// Name says where the text is from ("polnear/train/x.txt").
	Name string
	// Title is the text's headline, Paragraphs its body.
	Title      string
	Paragraphs []string
}

// Sets of texts.
const (
	// SetDev is the development set: PolNeAR's training texts.
	SetDev = "dev"
	// SetHeldOut is the held-out set: PolNeAR's dev texts and the bodies
	// of the scrapinghub and wcxb-dev extraction sets.
	SetHeldOut = "heldout"
)

// Bounds on the texts used.
const (
	minParagraphs = 4
	minWords      = 150
	// maxParagraphs keeps long texts (transcripts, live blogs) from
	// dominating the set.
	maxParagraphs = 40
)

// LoadTexts reads the texts of a set (SetDev or SetHeldOut) from the
// shared data directory dataDir, in a fixed order. It fails when the data
// is missing.
func LoadTexts(dataDir, set string) ([]Text, error) {
	var out []Text
	polnear := filepath.Join(dataDir, "attribution", "polnear")
	switch set {
	case SetDev:
		ts, err := polnearTexts(polnear, "train")
		if err != nil {
			return nil, err
		}
		out = ts
	case SetHeldOut:
		ts, err := polnearTexts(polnear, "dev")
		if err != nil {
			return nil, err
		}
		out = ts
		for _, name := range []string{"scrapinghub", "wcxb-dev"} {
			ts, err := bodyTexts(filepath.Join(dataDir, "extraction", name), name)
			if err != nil {
				return nil, err
			}
			out = append(out, ts...)
		}
	default:
		return nil, fmt.Errorf("unknown set %q (want %s or %s)", set, SetDev, SetHeldOut)
	}
	var kept []Text
	for _, t := range out {
		if len(t.Paragraphs) >= minParagraphs && wordCount(t.Paragraphs) >= minWords {
			if len(t.Paragraphs) > maxParagraphs {
				t.Paragraphs = t.Paragraphs[:maxParagraphs]
			}
			kept = append(kept, t)
		}
	}
	return kept, nil
}

// polnearTexts reads PolNeAR's texts of a split: the first line is the
// headline, paragraphs are separated by blank lines.
func polnearTexts(dir, split string) ([]Text, error) {
	paths, err := filepath.Glob(filepath.Join(dir, split, "text", "*.txt"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no PolNeAR %s texts under %s", split, dir)
	}
	sort.Strings(paths)
	var out []Text
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		paras := paragraphs(string(raw))
		if len(paras) < 2 {
			continue
		}
		out = append(out, Text{Name: "polnear/" + split + "/" + filepath.Base(p), Title: strings.TrimSuffix(paras[0], "."),
			Paragraphs: paras[1:]})
	}
	return out, nil
}

// bodyTexts reads the article bodies of an extraction set's ground truth;
// the first sentence, shortened, stands for the missing headline.
func bodyTexts(dir, name string) ([]Text, error) {
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := evalfiles.ReadJSON(filepath.Join(dir, "ground-truth.json"), &truth); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []Text
	for _, id := range ids {
		paras := paragraphs(truth[id].ArticleBody)
		if len(paras) == 0 {
			continue
		}
		out = append(out, Text{Name: name + "/" + id, Title: headline(paras[0]), Paragraphs: paras})
	}
	return out, nil
}

// paragraphs splits a text at line breaks, dropping empty lines and list
// markers' lines shorter than four words.
func paragraphs(s string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if len(strings.Fields(line)) >= 4 {
			out = append(out, line)
		}
	}
	return out
}

// headline makes a headline of a paragraph's first words.
func headline(p string) string {
	ws := strings.Fields(p)
	if len(ws) > 10 {
		ws = ws[:10]
	}
	return strings.Trim(strings.Join(ws, " "), ".,;:“”\"")
}

func wordCount(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(strings.Fields(p))
	}
	return n
}
