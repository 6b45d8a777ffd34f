package benchdata

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

func TestWriteWARC(t *testing.T) {
	pages := []Page{
		{URL: "https://porthaven.example/news/1", HTML: []byte("<p>The council met.</p>")},
		{URL: "https://skarvik.example/news/2", HTML: []byte("<p>The ferry sailed.</p>")},
	}
	var buf bytes.Buffer
	n, err := WriteWARC(&buf, pages, 5)
	if err != nil || n != 5 {
		t.Fatalf("WriteWARC = %d, %v", n, err)
	}
	r, err := gowarc.NewWarcFileReaderFromStream(&buf, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"https://porthaven.example/news/1", "https://skarvik.example/news/2",
		"https://mirror-1.example/news/1", "https://mirror-1.example/news/2",
		"https://mirror-2.example/news/1",
	}
	for i, u := range want {
		rec, err := r.Next()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if got := rec.WarcRecord.WarcHeader().Get(gowarc.WarcTargetURI); got != u {
			t.Errorf("record %d URI = %s, want %s", i, got, u)
		}
		block, ok := rec.WarcRecord.Block().(gowarc.HttpResponseBlock)
		if !ok {
			t.Fatalf("record %d is not an HTTP response", i)
		}
		pr, err := block.PayloadBytes()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(pr)
		if !bytes.HasSuffix(body, pages[i%2].HTML) || (i >= 2) != strings.Contains(string(body), "benchmark copy") {
			t.Errorf("record %d body = %q", i, body)
		}
		rec.Close()
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("after the last record: %v, want EOF", err)
	}
	if _, err := WriteWARC(&buf, nil, 1); err == nil {
		t.Error("WriteWARC of no pages succeeded")
	}
}

func TestScrapinghubMissing(t *testing.T) {
	if _, err := Scrapinghub(t.TempDir()); err == nil {
		t.Error("Scrapinghub of an empty folder succeeded")
	}
}
