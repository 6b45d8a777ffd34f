package worker

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/riverqueue/river"
	"github.com/sayso-news/sayso"
)

func TestSourceJobs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	warc := write("crawl.warc", "WARC/1.1\r\nWARC-Type: warcinfo\r\n")
	list := write("urls.txt", "# a list\nhttps://a.example/1\n\n  https://b.example/2  \n")
	bad := write("bad.txt", "https://a.example/1\nnot a url\n")
	page := write("page.html", "<html><p>hello</p></html>")
	tests := []struct {
		sources []string
		stdin   string
		feeds   bool
		want    []river.JobArgs
		code    sayso.ErrorCode
	}{
		{sources: []string{"https://a.example/x"}, want: []river.JobArgs{FetchArgs{Source: "https://a.example/x"}}},
		{sources: []string{"https://a.example/rss"}, feeds: true, want: []river.JobArgs{FeedArgs{URL: "https://a.example/rss"}}},
		{sources: []string{warc, page, dir}, want: []river.JobArgs{WARCArgs{Path: warc}, FetchArgs{Source: page}, FetchArgs{Source: dir}}},
		{sources: []string{list}, want: []river.JobArgs{FetchArgs{Source: "https://a.example/1"}, FetchArgs{Source: "https://b.example/2"}}},
		{sources: []string{"-"}, stdin: "https://c.example/3\n", want: []river.JobArgs{FetchArgs{Source: "https://c.example/3"}}},
		{sources: []string{bad}, code: sayso.EINVALID},
		{sources: []string{filepath.Join(dir, "missing.warc")}, code: sayso.EINVALID},
	}
	for _, tt := range tests {
		got, err := SourceJobs(tt.sources, strings.NewReader(tt.stdin), tt.feeds)
		if tt.code != "" {
			if sayso.ErrorCodeOf(err) != tt.code {
				t.Errorf("SourceJobs(%v) err = %v, want %s", tt.sources, err, tt.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("SourceJobs(%v): %v", tt.sources, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("SourceJobs(%v) (-want +got):\n%s", tt.sources, diff)
		}
	}
}
