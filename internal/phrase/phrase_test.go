package phrase

import (
	"strings"
	"testing"
)

func TestIn(t *testing.T) {
	phrases := []string{"follow us on", "sign up", "subscribe", "é", "подпишитесь", "x", ""}
	set := NewSet(phrases...)
	cases := []string{"", "a", "please sign up now", "Follow us on", "follow us on twitter", "subscribé",
		"café", "подпишитесь на нас", "tax", "sig", "sign u", "subscribe"}
	for _, text := range cases {
		want := false
		for _, p := range phrases {
			if p != "" && strings.Contains(text, p) {
				want = true
			}
		}
		if got := set.In(text); got != want {
			t.Errorf("In(%q) = %v, want %v", text, got, want)
		}
	}
	var zero Set
	if zero.In("anything") {
		t.Error("the zero Set found a phrase")
	}
}

func FuzzIn(f *testing.F) {
	f.Add("sign up for our newsletter", "sign up")
	f.Add("ab", "b")
	f.Fuzz(func(t *testing.T, text, p string) {
		want := p != "" && strings.Contains(text, p)
		if got := NewSet(p).In(text); got != want {
			t.Fatalf("NewSet(%q).In(%q) = %v, want %v", p, text, got, want)
		}
	})
}
