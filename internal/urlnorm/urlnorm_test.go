package urlnorm

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTP://Example.COM/a/b.html", "http://example.com/a/b.html"},
		{"https://example.com:443/x", "https://example.com/x"},
		{"http://example.com:80/x", "http://example.com/x"},
		{"http://example.com:8080/x", "http://example.com:8080/x"},
		{"https://example.com", "https://example.com/"},
		{"https://example.com/a/./b/../c.html", "https://example.com/a/c.html"},
		{"https://example.com/a/b/", "https://example.com/a/b/"},
		{"https://example.com/news#comments", "https://example.com/news"},
		{"https://example.com/news?utm_source=tw&utm_medium=social&id=7", "https://example.com/news?id=7"},
		{"https://example.com/news?b=2&a=1&fbclid=XYZ", "https://example.com/news?a=1&b=2"},
		{"https://example.com/news?", "https://example.com/news"},
		{"https://example.com/%7euser/%2fpath", "https://example.com/~user/%2Fpath"},
		{"https://example.com/caf%C3%A9", "https://example.com/caf%C3%A9"},
		{"https://user:pw@example.com/x", "https://example.com/x"},
		{"https://EXAMPLE.com./x", "https://example.com/x"},
		{"  https://example.com/x  ", "https://example.com/x"},
		{"https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"},
		{"file:///tmp/a.html", "file:///tmp/a.html"},
	}
	for _, tt := range tests {
		got, err := Normalize(tt.in)
		if err != nil {
			t.Errorf("Normalize(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		again, err := Normalize(got)
		if err != nil || again != got {
			t.Errorf("Normalize not idempotent on %q: %q, %v", got, again, err)
		}
	}
}

func TestNormalizeInvalid(t *testing.T) {
	for _, in := range []string{"", "/relative/path", "news.html", "http://", "https:///x", "http://[::1", strings.Repeat("a", MaxLen+1)} {
		if got, err := Normalize(in); !errors.Is(err, ErrInvalid) {
			t.Errorf("Normalize(%q) = %q, %v; want ErrInvalid", in, got, err)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"https://example.com/a?b=1#c", "http://[::1]:80/%zz", "HTTP://x.Y/./../a/%7e?utm_x=1;b=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Normalize(s)
		if err != nil {
			return
		}
		again, err := Normalize(n)
		if err != nil {
			t.Fatalf("Normalize(%q) = %q, which fails: %v", s, n, err)
		}
		if again != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, again)
		}
	})
}

func ExampleNormalize() {
	u, _ := Normalize("HTTPS://News.Example.com:443/world/./story.html?utm_source=rss&id=42#top")
	fmt.Println(u)
	// Output: https://news.example.com/world/story.html?id=42
}
