package fetch

import (
	"fmt"
	"net/netip"
	"syscall"
)

// privateAddrError reports a connection refused by the address policy.
type privateAddrError struct{ addr netip.Addr }

func (e *privateAddrError) Error() string {
	return fmt.Sprintf("refusing non-public address %s (allow private addresses to permit it)", e.addr)
}

// nonPublic lists ranges that are not on the public internet beyond those
// netip classifies itself: shared address space (carrier-grade NAT), the
// "this network" block, IETF protocol assignments, documentation and
// benchmarking ranges, and the NAT64 well-known prefix's local use.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// IsPublic reports whether addr is a public unicast address: not private,
// loopback, link-local, multicast, unspecified or otherwise reserved.
// IPv4-mapped IPv6 addresses are judged as IPv4.
func IsPublic(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() ||
		addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() || addr.IsMulticast() ||
		addr.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// refusePrivate returns a net.Dialer Control function that refuses
// addresses public does not accept. It runs after DNS resolution, on the
// exact address about to be connected, so neither a redirect nor DNS
// rebinding can reach a non-public address.
func refusePrivate(public func(netip.AddrPort) bool) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("dial %s: %w", address, err)
		}
		if !public(ap) {
			return &privateAddrError{addr: ap.Addr()}
		}
		return nil
	}
}

// isPublicAddrPort is the address policy of a Client that does not allow
// private addresses.
func isPublicAddrPort(ap netip.AddrPort) bool { return IsPublic(ap.Addr()) }
