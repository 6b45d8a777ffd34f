package evalfiles

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadGzip(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		if _, err := zw.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	cases := []struct {
		name, file string
		want       string
		errPart    string
	}{
		{"page", write("a.html.gz", gz("<p>hello</p>")), "<p>hello</p>", ""},
		{"missing", filepath.Join(dir, "none.gz"), "", "no such file"},
		{"not gzip", write("b.gz", []byte("<p>plain</p>")), "", "gunzip"},
		{"truncated", write("c.gz", gz(strings.Repeat("x", 10000))[:20]), "", "gunzip"},
	}
	for _, tc := range cases {
		got, err := ReadGzip(tc.file)
		switch {
		case tc.errPart == "" && (err != nil || string(got) != tc.want):
			t.Errorf("%s: ReadGzip = %q, %v; want %q", tc.name, got, err, tc.want)
		case tc.errPart != "" && (err == nil || !strings.Contains(err.Error(), tc.errPart)):
			t.Errorf("%s: err = %v, want one mentioning %q", tc.name, err, tc.errPart)
		}
	}
}

func TestReadJSON(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	bad := filepath.Join(dir, "bad.json")
	for name, data := range map[string]string{good: `{"a": {"url": "u"}}`, bad: `{"a": `} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var v map[string]struct {
		URL string `json:"url"`
	}
	if err := ReadJSON(good, &v); err != nil || v["a"].URL != "u" {
		t.Errorf("ReadJSON(good) = %v, %v", v, err)
	}
	if err := ReadJSON(bad, &v); err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("ReadJSON(bad): err = %v, want one naming the file", err)
	}
	if err := ReadJSON(filepath.Join(dir, "none.json"), &v); err == nil {
		t.Error("ReadJSON of a missing file succeeded")
	}
}
