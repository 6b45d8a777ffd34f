package worker

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/riverqueue/river"

	"github.com/sayso-news/sayso"
)

// maxLine bounds a line of a URL list, as ingest does.
const maxLine = 64 << 10

// SourceJobs turns the sources "sayso ingest" takes into jobs: a URL
// becomes a fetch job (a feed job when feeds is set: its entries become
// fetch jobs), a WARC file a WARC job (shared out in ranges of records),
// a file of URLs (or "-", read from stdin) a fetch job per URL, and any
// other file or folder one fetch job (files are named by absolute path:
// workers on other machines need them at the same path). Errors: EINVALID
// for a source that is neither a URL nor a readable path.
func SourceJobs(sources []string, stdin io.Reader, feeds bool) ([]river.JobArgs, error) {
	var jobs []river.JobArgs
	url := func(u string) river.JobArgs {
		if feeds {
			return FeedArgs{URL: u}
		}
		return FetchArgs{Source: u}
	}
	for _, src := range sources {
		switch {
		case isURL(src):
			jobs = append(jobs, url(src))
		case src == "-":
			urls, err := readURLs(stdin, "standard input")
			if err != nil {
				return nil, err
			}
			for _, u := range urls {
				jobs = append(jobs, url(u))
			}
		default:
			abs, err := filepath.Abs(src)
			if err != nil {
				return nil, sayso.Errorf(sayso.EINVALID, "source %s: %w", src, err)
			}
			kind, err := sniff(abs)
			if err != nil {
				return nil, err
			}
			switch kind {
			case "warc":
				jobs = append(jobs, WARCArgs{Path: abs})
			case "urls":
				f, err := os.Open(abs)
				if err != nil {
					return nil, sayso.Errorf(sayso.EINVALID, "source %s: %w", src, err)
				}
				urls, err := readURLs(f, src)
				f.Close()
				if err != nil {
					return nil, err
				}
				for _, u := range urls {
					jobs = append(jobs, url(u))
				}
			default:
				jobs = append(jobs, FetchArgs{Source: abs})
			}
		}
	}
	return jobs, nil
}

// sniff tells a WARC file ("warc") and a list of URLs ("urls") from other
// files and folders ("").
func sniff(path string) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", sayso.Errorf(sayso.EINVALID, "source %s: %w", path, err)
	}
	if fi.IsDir() {
		return "", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", sayso.Errorf(sayso.EINVALID, "source %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if len(head) > 2 && head[0] == 0x1f && head[1] == 0x8b {
		if zr, err := gzip.NewReader(bytes.NewReader(head)); err == nil {
			plain := make([]byte, 8)
			m, _ := io.ReadFull(zr, plain)
			head = plain[:m]
		}
	}
	text := strings.TrimSpace(string(head))
	switch {
	case strings.HasPrefix(text, "WARC/"):
		return "warc", nil
	case strings.HasPrefix(text, "http://") || strings.HasPrefix(text, "https://") || strings.HasPrefix(text, "#"):
		return "urls", nil
	}
	return "", nil
}

// readURLs reads a list of URLs, one a line, # comments and blank lines
// skipped.
func readURLs(r io.Reader, name string) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxLine)
	var out []string
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if !isURL(s) {
			return nil, sayso.Errorf(sayso.EINVALID, "%s line %d: %q is not an http(s) URL", name, line, truncate(s, 80))
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, sayso.Errorf(sayso.EINVALID, "%s: %w", name, err)
	}
	return out, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return fmt.Sprintf("%s…", s[:n])
}
