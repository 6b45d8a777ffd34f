package fetch

import (
	"context"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/fakesite"
)

func TestIsPublic(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"93.184.216.34", true},
		{"2606:2800:220:1:248:1893:25c8:1946", true},
		{"127.0.0.1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"::1", false},
		{"::", false},
		{"fe80::1", false},
		{"fc00::1", false},
		{"::ffff:127.0.0.1", false}, // IPv4-mapped loopback
		{"::ffff:10.0.0.1", false},
		{"224.0.0.1", false},
		{"255.255.255.255", false},
	}
	for _, tt := range tests {
		if got := IsPublic(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("IsPublic(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want string
	}{
		{"", "0s"},
		{"120", "2m0s"},
		{"-3", "0s"},
		{"soon", "0s"},
		{"Wed, 01 May 2024 12:00:30 GMT", "30s"},
		{"Wed, 01 May 2024 11:00:00 GMT", "0s"},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now).String(); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestRefusesPrivateRedirect checks that the address policy holds on every
// redirect: a page on an address the policy accepts (a loopback server
// standing in for a public site) redirecting to one it refuses (standing
// in for 169.254.169.254 or an intranet host) fails at dial time, and the
// refused server sees no request.
func TestRefusesPrivateRedirect(t *testing.T) {
	inside := fakesite.New()
	defer inside.Close()
	inside.HTML("/secret", "<p>metadata</p>")
	outside := fakesite.New()
	defer outside.Close()
	outside.Redirect("/jump", inside.URL("/secret"), http.StatusFound)
	outsideAddr := netip.MustParseAddrPort(outside.Host())

	c := newClient(Options{HostInterval: -1, IgnoreRobots: true, Retries: -1},
		func(ap netip.AddrPort) bool { return ap == outsideAddr })
	_, err := c.Fetch(context.Background(), outside.URL("/jump"))
	if sayso.ErrorCodeOf(err) != sayso.EFORBIDDEN || !strings.Contains(err.Error(), "non-public address") {
		t.Errorf("redirect to a refused address: err = %v, want EFORBIDDEN non-public address", err)
	}
	if outside.Hits("/jump") != 1 || inside.Hits("/secret") != 0 {
		t.Errorf("hits: outside %d, inside %d; want 1, 0", outside.Hits("/jump"), inside.Hits("/secret"))
	}
}
