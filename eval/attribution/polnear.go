package attribution

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
)

// maxArticleBytes bounds one PolNeAR text file; the longest is about 60 KB.
const maxArticleBytes = 16 << 20

// Document is one PolNeAR article with its reference annotation.
type Document struct {
	// Name is the article's file name without extension.
	Name string
	// Text is the article as stored; offsets are code points into it.
	Text string
	// Annotator is the code of the annotator whose file is the reference.
	Annotator string
	// Attributions are the reference attributions, in text order.
	Attributions []sayso.Attribution
}

// Annotators reads metadata.tsv in dir (the polnear folder) and returns, by
// article file name, the annotator codes in the order listed.
func Annotators(dir string) (map[string][]string, error) {
	path := filepath.Join(dir, "metadata.tsv")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open PolNeAR metadata: %w", err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), maxAnnLine)
	header := true
	col := map[string]int{}
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if header {
			for i, h := range fields {
				col[h] = i
			}
			if _, ok := col["filename"]; !ok {
				return nil, fmt.Errorf("%s: no filename column", path)
			}
			if _, ok := col["annotators"]; !ok {
				return nil, fmt.Errorf("%s: no annotators column", path)
			}
			header = false
			continue
		}
		if len(fields) <= max(col["filename"], col["annotators"]) {
			continue
		}
		out[fields[col["filename"]]] = strings.Split(fields[col["annotators"]], "|")
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// LoadSplit reads one split ("train", "dev", "annotator-training") of the
// PolNeAR folder dir: every text/NAME.txt with the attributions of its
// reference annotation file attributions/NAME_ANNOTATOR.ann, the annotator
// being the first listed for NAME in metadata.tsv that has a file. Documents
// come sorted by name. An article without metadata or without any
// annotation file is an error, since scores over it would be meaningless.
func LoadSplit(dir, split string) ([]Document, error) {
	annotators, err := Annotators(dir)
	if err != nil {
		return nil, err
	}
	textDir := filepath.Join(dir, split, "text")
	names, err := filepath.Glob(filepath.Join(textDir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no PolNeAR texts in %s", textDir)
	}
	sort.Strings(names)
	docs := make([]Document, 0, len(names))
	for _, p := range names {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		d, err := loadDocument(dir, split, name, annotators[name])
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func loadDocument(dir, split, name string, annotators []string) (Document, error) {
	text, err := readFileBounded(filepath.Join(dir, split, "text", name+".txt"))
	if err != nil {
		return Document{}, err
	}
	if !utf8.ValidString(text) {
		return Document{}, fmt.Errorf("%s: text is not UTF-8", name)
	}
	if len(annotators) == 0 {
		return Document{}, fmt.Errorf("%s: not listed in metadata.tsv", name)
	}
	for _, a := range annotators {
		path := filepath.Join(dir, split, "attributions", name+"_"+a+".ann")
		f, err := os.Open(path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return Document{}, err
		}
		atts, err := ParseBrat(io.LimitReader(f, maxArticleBytes), text)
		f.Close()
		if err != nil {
			return Document{}, fmt.Errorf("%s: %w", path, err)
		}
		return Document{Name: name, Text: text, Annotator: a, Attributions: atts}, nil
	}
	return Document{}, fmt.Errorf("%s: no annotation file for annotators %v", name, annotators)
}

func readFileBounded(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxArticleBytes+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	if len(b) > maxArticleBytes {
		return "", fmt.Errorf("%s: larger than %d bytes", path, maxArticleBytes)
	}
	return string(b), nil
}

// Checksum returns the hex SHA-256 over the files of one split of dir, taken
// in sorted order of their paths relative to the split, each as its path, a
// NUL, its bytes and a NUL: it identifies the data a model was trained on.
func Checksum(dir, split string) (string, error) {
	root := filepath.Join(dir, split)
	var paths []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("checksum %s: %w", root, err)
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		rel, _ := filepath.Rel(root, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return "", fmt.Errorf("checksum: %w", err)
		}
		io.WriteString(h, filepath.ToSlash(rel))
		h.Write([]byte{0})
		h.Write(b)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
