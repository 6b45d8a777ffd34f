package trace

import (
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/sayso-news/sayso"
)

// Member is what choosing a copy cluster's original reads of one member.
type Member struct {
	ID int64
	// URL is the address the page was read from; Addresses are every
	// normalised address the page is known by (requested, final,
	// same-outlet canonical).
	URL       string
	Addresses []string
	// Outlet is the registrable domain the page was served from;
	// Publisher the publisher's name as the page gives it.
	Outlet    string
	Publisher string
	// Canonical is the page's canonical link, as given.
	Canonical string
	Published *time.Time
	Credits   []sayso.Credit
}

// wireAliases are other names of wire services whose credit lines rarely
// spell out the outlet's domain.
var wireAliases = map[string][]string{
	"ap":                       {"apnews", "associatedpress"},
	"associatedpress":          {"apnews", "ap"},
	"afp":                      {"agencefrancepresse"},
	"agencefrancepresse":       {"afp"},
	"reuters":                  {"thomsonreuters"},
	"upi":                      {"unitedpressinternational"},
	"dpa":                      {"deutschepresseagentur"},
	"bloomberg":                {"bloombergnews"},
	"unitedpressinternational": {"upi"},
}

// nameKey folds a name for comparison: letters and digits only,
// lower-cased, a leading "the", scheme or "www." dropped ("The Associated
// Press" = "associatedpress", "www.AntiWar.com" = "antiwarcom").
func nameKey(s string) string {
	s = strings.TrimSpace(strings.ToLower(s))
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://"), "www.")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// names returns the keys a member's outlet is known by: its domain with
// and without the suffix ("antiwarcom", "antiwar") and its publisher's
// name.
func (m *Member) names() []string {
	var out []string
	if host := strings.TrimPrefix(strings.ToLower(m.Outlet), "www."); host != "" && host != "local" {
		out = append(out, nameKey(host))
		if label, _, ok := strings.Cut(host, "."); ok {
			out = append(out, nameKey(label))
		}
	}
	if k := nameKey(m.Publisher); k != "" {
		out = append(out, k)
	}
	return out
}

// creditNames reports whether credit c names member m: by a link to one of
// its addresses or to its outlet, or by its outlet's or publisher's name.
func creditNames(c sayso.Credit, m *Member) bool {
	if c.URL != "" {
		cu := looseURL(c.URL)
		for _, a := range append([]string{m.URL}, m.Addresses...) {
			if a != "" && looseURL(a) == cu {
				return true
			}
		}
		if u, err := url.Parse(c.URL); err == nil && u.Hostname() != "" && (u.Path == "" || u.Path == "/") {
			host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
			if host == strings.ToLower(m.Outlet) || strings.HasSuffix(host, "."+strings.ToLower(m.Outlet)) {
				return true
			}
		}
	}
	k := nameKey(c.Outlet)
	if len(k) < 2 {
		return false
	}
	keys := append([]string{k}, wireAliases[k]...)
	for _, n := range m.names() {
		for _, k := range keys {
			if n == k {
				return true
			}
		}
	}
	return false
}

// looseURL folds an address for comparison: no scheme, "www.", query,
// fragment or trailing slash, host lower-cased.
func looseURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return strings.ToLower(strings.TrimSpace(s))
	}
	return strings.TrimPrefix(strings.ToLower(u.Host), "www.") + strings.TrimRight(u.EscapedPath(), "/")
}

// edge is evidence that one member (from) names another (to) as its
// source.
type edge struct {
	from, to int
	kind     sayso.EvidenceKind
	text     string
}

// ChooseOriginal returns the index in ms of the cluster's original and the
// evidence for it, strongest first: credit lines of other members naming
// it (by outlet, publisher or link), canonical links of other members
// pointing at it, and its being published first. Credits and canonical
// links are followed as one chain (C credits B, B's canonical link points
// at A: A is the original); among the members at the ends of chains,
// those named by credits come before those named only by canonical
// links, then the most named, then the earliest published, then the
// smallest address — so the choice depends only on the members, never on
// their order. Without credits or canonical links, the earliest published
// is the original. ms must not be empty.
func ChooseOriginal(ms []Member) (int, []sayso.OriginEvidence) {
	var edges []edge
	for i := range ms {
		for _, c := range ms[i].Credits {
			if creditNames(c, &ms[i]) {
				continue // a credit of its own outlet ("(Reuters) -" on reuters.com)
			}
			for j := range ms {
				if j != i && ms[j].Outlet != ms[i].Outlet && creditNames(c, &ms[j]) {
					edges = append(edges, edge{i, j, sayso.EvidenceCredit, c.Text})
				}
			}
		}
		if ms[i].Canonical != "" {
			cu := looseURL(ms[i].Canonical)
			for j := range ms {
				if j == i {
					continue
				}
				for _, a := range append([]string{ms[j].URL}, ms[j].Addresses...) {
					if a != "" && looseURL(a) == cu {
						edges = append(edges, edge{i, j, sayso.EvidenceCanonical, ms[i].Canonical})
						break
					}
				}
			}
		}
	}
	best := firstPublished(ms, allIndexes(len(ms)))
	if len(edges) > 0 {
		best = root(ms, edges)
	}
	// Evidence of one kind in the order of the members carrying it (by
	// address, not id: ids depend on the order articles were stored in).
	sort.SliceStable(edges, func(a, b int) bool {
		if ua, ub := ms[edges[a].from].URL, ms[edges[b].from].URL; ua != ub {
			return ua < ub
		}
		return edges[a].text < edges[b].text
	})
	var ev []sayso.OriginEvidence
	for _, e := range edges {
		if e.to == best {
			ev = append(ev, sayso.OriginEvidence{Kind: e.kind, ArticleID: ms[e.from].ID, Text: e.text})
		}
	}
	if first := firstPublished(ms, allIndexes(len(ms))); first == best && ms[best].Published != nil {
		ev = append(ev, sayso.OriginEvidence{Kind: sayso.EvidenceEarliest, ArticleID: ms[best].ID,
			Text: ms[best].Published.UTC().Format(time.RFC3339)})
	}
	if len(ev) == 0 {
		ev = append(ev, sayso.OriginEvidence{Kind: sayso.EvidenceEarliest, ArticleID: ms[best].ID,
			Text: "no member is dated or names another; the first by address"})
	}
	sort.SliceStable(ev, func(a, b int) bool { return evidenceRank(ev[a].Kind) < evidenceRank(ev[b].Kind) })
	return best, ev
}

func evidenceRank(k sayso.EvidenceKind) int {
	switch k {
	case sayso.EvidenceCredit:
		return 0
	case sayso.EvidenceCanonical:
		return 1
	}
	return 2
}

// root returns the member the edges lead to: among those named, the ones
// that name no other (the ends of chains); of those, the most named by
// credits, then by canonical links, then the earliest.
func root(ms []Member, edges []edge) int {
	credits, canon := map[int]int{}, map[int]int{}
	out := map[int]bool{}
	for _, e := range edges {
		if e.kind == sayso.EvidenceCredit {
			credits[e.to]++
		} else {
			canon[e.to]++
		}
		out[e.from] = true
	}
	var ends, named []int
	for i := range ms {
		if credits[i]+canon[i] == 0 {
			continue
		}
		named = append(named, i)
		if !out[i] {
			ends = append(ends, i)
		}
	}
	if len(ends) == 0 {
		ends = named // a cycle: every named member names another
	}
	better := func(i, j int) bool {
		if credits[i] != credits[j] {
			return credits[i] > credits[j]
		}
		return canon[i] > canon[j]
	}
	top := []int{ends[0]}
	for _, i := range ends[1:] {
		switch {
		case better(i, top[0]):
			top = []int{i}
		case !better(top[0], i):
			top = append(top, i)
		}
	}
	return firstPublished(ms, top)
}

// firstPublished returns the member of idx published first; undated
// members come after dated ones, and ties go to the smallest address.
func firstPublished(ms []Member, idx []int) int {
	best := idx[0]
	for _, i := range idx[1:] {
		if Before(ms[i].Published, ms[i].URL, ms[best].Published, ms[best].URL) {
			best = i
		}
	}
	return best
}

// Before orders printings by publication time, undated ones last, ties
// by address: the order in which provenance lists them.
func Before(t1 *time.Time, url1 string, t2 *time.Time, url2 string) bool {
	switch {
	case t1 != nil && t2 != nil && !t1.Equal(*t2):
		return t1.Before(*t2)
	case (t1 == nil) != (t2 == nil):
		return t1 != nil
	}
	return url1 < url2
}

func allIndexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
