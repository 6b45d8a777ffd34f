package trace

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/sayso-news/sayso"
)

func TestIdentities(t *testing.T) {
	person := func(id int64, name string) SpeakerName {
		return SpeakerName{ID: id, Name: name, Type: sayso.Person}
	}
	names := []SpeakerName{
		person(1, "Dmitry Peskov"),
		person(2, "Peskov"),
		person(3, "Dmitri Peskov"),
		person(4, "Donald Trump"),
		person(5, "Donald Trump Jr."),
		person(6, "Donald J. Trump"),
		person(7, "Bill Clinton"),
		person(8, "Hillary Clinton"),
		person(9, "Clinton"),
		person(10, "Mohammed Ali Khan"),
		person(11, "Muhammad Ali Khan"),
		{ID: 12, Name: "the Kremlin", Type: sayso.Organisation},
		{ID: 13, Name: "Kremlin", Type: sayso.Organisation},
		person(14, "François Hollande"),
		person(15, "Francois Hollande"),
		person(16, "J. Doe"),
		person(17, "John Doe"),
	}
	ev := map[int64]Evidence{
		1:  {Roles: []string{"Kremlin spokesman"}},
		3:  {Roles: []string{"spokesman for the Kremlin"}},
		10: {Outlets: []string{"dawn.com"}},
		11: {Outlets: []string{"bbc.co.uk"}},
	}
	asked := map[int64]bool{}
	groups := Identities(names, func(id int64) Evidence { asked[id] = true; return ev[id] })
	got := map[string]bool{}
	for _, g := range groups {
		var ids []int64
		for _, i := range g {
			ids = append(ids, names[i].ID)
		}
		got[fmt.Sprint(ids)] = true
	}
	for _, want := range []string{"[1 2 3]", "[4 6]", "[5]", "[7]", "[8]", "[9]", "[10]", "[11]", "[12 13]", "[14 15]", "[16 17]"} {
		if !got[want] {
			t.Errorf("no identity %s; got %v", want, groups)
		}
	}
	if asked[4] || asked[7] {
		t.Errorf("evidence read for names that needed none: %v", asked)
	}
	// The same set in another order gives the same identities.
	rev := make([]SpeakerName, len(names))
	for i := range names {
		rev[len(names)-1-i] = names[i]
	}
	byID := func(ns []SpeakerName, gs [][]int) map[string]bool {
		m := map[string]bool{}
		for _, g := range gs {
			var ids []int64
			for _, i := range g {
				ids = append(ids, ns[i].ID)
			}
			sortIDs(ids)
			m[fmt.Sprint(ids)] = true
		}
		return m
	}
	if a, b := byID(names, groups), byID(rev, Identities(rev, func(id int64) Evidence { return ev[id] })); !reflect.DeepEqual(a, b) {
		t.Errorf("order changes identities: %v vs %v", a, b)
	}
	if d := DisplayName(names, []int{0, 1, 2}, nil); d != "Dmitri Peskov" && d != "Dmitry Peskov" {
		t.Errorf("display name %q", d)
	}
}

func sortIDs(x []int64) {
	for i := 1; i < len(x); i++ {
		for j := i; j > 0 && x[j] < x[j-1]; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}

// FuzzIdentities checks that any names get a key and a grouping without
// panicking, every name in exactly one group.
func FuzzIdentities(f *testing.F) {
	f.Add("Dmitry Peskov", "Dmitri Peskov")
	f.Add("Donald Trump Jr.", "Trump")
	f.Add("de", "Bill de Blasio")
	f.Add("", "Jr.")
	f.Fuzz(func(t *testing.T, a, b string) {
		names := []SpeakerName{{ID: 1, Name: a, Type: sayso.Person}, {ID: 2, Name: b, Type: sayso.Person}, {ID: 3, Name: a, Type: sayso.Person}}
		_ = IdentityKey(a, sayso.Organisation)
		groups := Identities(names, func(int64) Evidence { return Evidence{Roles: []string{a}, Outlets: []string{b}} })
		n := 0
		for _, g := range groups {
			n += len(g)
		}
		if n != len(names) {
			t.Fatalf("%d names in groups, want %d: %v", n, len(names), groups)
		}
	})
}
