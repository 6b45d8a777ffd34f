package trace

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
)

const spokesman = "We have heard from Washington at various levels that NATO membership for Ukraine has been ruled out"

func TestQuotes(t *testing.T) {
	text := "This week, the Kremlin said it was satisfied.\n\n“" + spokesman + ",” Russian spokesman Dmitry Peskov explained. " +
		"“And of course this is something that brings us satisfaction.”\n\nHe called it “a turning point” and added " +
		"that “the talks […] will go on … for as long as it takes [to] find a way”.\n\n" +
		"‘Single marks at the start of a paragraph make a quote too’, a reader wrote."
	peskov := &sayso.Speaker{Name: "Dmitry Peskov", Type: sayso.Person}
	start := strings.Index(text, "We have")
	cp := len([]rune(text[:start]))
	attrs := []sayso.Attribution{{Kind: sayso.Direct, Speaker: peskov,
		Content: sayso.Segment{Spans: []sayso.Span{{Start: cp, End: cp + len([]rune(spokesman))}}}}}
	qs := Quotes(text, attrs)
	var got []string
	for _, q := range qs {
		got = append(got, fmt.Sprintf("%s|%s|%v", strings.Join(q.Words, " "), q.Speaker, q.Cuts))
		if string([]rune(text)[q.Start:q.End]) != q.Text {
			t.Errorf("span [%d,%d) is %q, text %q", q.Start, q.End, string([]rune(text)[q.Start:q.End]), q.Text)
		}
	}
	want := []string{
		"we have heard from washington at various levels that nato membership for ukraine has been ruled out|Dmitry Peskov|[]",
		"and of course this is something that brings us satisfaction||[]",
		"the talks will go on for as long as it takes find a way||[5]",
		"single marks at the start of a paragraph make a quote too||[]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Quotes =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if qs[0].Text != spokesman {
		t.Errorf("text %q", qs[0].Text)
	}
}

// TestGramsGuarantee checks the winnowing guarantee: two quotes sharing
// MinRun words in a row (not all of them common words) share an indexed
// gram, whatever surrounds them.
func TestGramsGuarantee(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	vocab := strings.Fields("the a of to in we they said will not never have been ruled out membership nato ukraine " +
		"washington levels various heard from that for is this with our on by at as it be")
	words := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = vocab[rng.IntN(len(vocab))]
		}
		return out
	}
	for k := range 3000 {
		shared := words(MinRun + rng.IntN(3))
		content := false // the guarantee holds for runs with a gram of content words
		for i := 0; i+GramWords <= len(shared); i++ {
			content = content || !stopGram(shared[i:i+GramWords])
		}
		if !content {
			continue
		}
		a := &Quote{Words: slices.Concat(words(rng.IntN(8)), shared, words(rng.IntN(8)))}
		b := &Quote{Words: slices.Concat(words(rng.IntN(8)), shared, words(rng.IntN(8)))}
		if !shareGram(a.Grams(), b.Grams()) {
			t.Fatalf("case %d: %v and %v share %v but no gram", k, a.Words, b.Words, shared)
		}
		if !shareGram(a.Grams(), b.AllGrams()) {
			t.Fatalf("case %d: a look-up with every gram misses", k)
		}
	}
}

func shareGram(a, b []int32) bool {
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			return true
		}
	}
	return false
}

func q(s, speaker string) *Quote {
	u := ParseQuote(s)
	u.Speaker, u.Named = speaker, speaker != ""
	return &u
}

func TestClassify(t *testing.T) {
	first := q(spokesman, "Dmitry Peskov")
	tests := []struct {
		name    string
		app     *Quote
		related bool
		variant sayso.QuoteVariant
		diff    string
	}{
		{"exact", q("We have heard from Washington, at various levels, that NATO membership for Ukraine has been “ruled out”", "Peskov"), true, sayso.VariantExact, ""},
		{"suffix cut", q("We have heard from Washington at various levels that NATO membership …", "Peskov"), true, sayso.VariantTruncated, ""},
		{"prefix cut", q("… NATO membership for Ukraine has been ruled out", ""), true, sayso.VariantTruncated, ""},
		{"inner cut marked", q("We have heard from Washington … that NATO membership for Ukraine has been ruled out", "Peskov"), true, sayso.VariantTruncated, ""},
		{"partial", q("at various levels that NATO membership for Ukraine", "Dmitry Peskov"), true, sayso.VariantPartial, ""},
		{"word changed", q("We have heard from Washington at various levels that NATO membership for Ukraine has been taken off the table", "Peskov"), true, sayso.VariantAltered,
			"=We have heard from Washington at various levels that NATO membership for Ukraine has been -ruled out +taken off the table"},
		{"word dropped", q("We have heard from Washington at levels that NATO membership for Ukraine has been ruled out", "Peskov"), true, sayso.VariantAltered,
			"=We have heard from Washington at -various =levels that NATO membership for Ukraine has been ruled out"},
		{"inner cut unmarked", q("We have heard from Washington that NATO membership for Ukraine has been ruled out", "Peskov"), true, sayso.VariantAltered,
			"=We have heard from Washington -at various levels =that NATO membership for Ukraine has been ruled out"},
		{"misattributed", q("We have heard from Washington at various levels that NATO membership for Ukraine has been ruled out", "Sergei Lavrov"), true, sayso.VariantMisattributed, ""},
		{"bracket inserted", q("We have heard from Washington at various levels that NATO membership for [Kiev] Ukraine has been ruled out", "Peskov"), true, sayso.VariantExact, ""},
		{"stock phrase only", q("membership for Ukraine has been ruled out, but the summit will discuss security guarantees and a long list of other things", "Jens Stoltenberg"), false, "", ""},
		{"too short", q("has been ruled out", "Peskov"), false, "", ""},
	}
	for _, tt := range tests {
		if got := Related(first, tt.app); got != tt.related {
			t.Errorf("%s: Related = %v, want %v", tt.name, got, tt.related)
			continue
		}
		if got := Related(tt.app, first); got != tt.related {
			t.Errorf("%s: Related is not symmetric", tt.name)
		}
		if !tt.related {
			continue
		}
		v, diff := Classify(first, tt.app)
		var d []string
		for _, op := range diff {
			d = append(d, op.Op+op.Text)
		}
		if v != tt.variant || strings.Join(d, " ") != tt.diff {
			t.Errorf("%s: Classify = %s %q, want %s %q", tt.name, v, strings.Join(d, " "), tt.variant, tt.diff)
		}
	}
}

func TestContains(t *testing.T) {
	stored := q(spokesman, "")
	for query, want := range map[string]bool{
		"NATO membership for Ukraine has been ruled out":            true,
		"nato MEMBERSHIP for ukraine, has been ruled out!":          true,
		"we have heard from washington at various levels that nato": true,
		"ruled out": false,
		"NATO membership for Ukraine will never be discussed by anybody": false,
	} {
		if got := Contains(stored, q(query, "")); got != want {
			t.Errorf("Contains(%q) = %v, want %v", query, got, want)
		}
	}
}

func TestSameSpeaker(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Dmitry Peskov", "Peskov", true},
		{"Dmitry Peskov", "Mr. Peskov", true},
		{"Dmitry Peskov", "", true},
		{"Dmitry Peskov", "Sergei Lavrov", false},
		{"President Joe Biden", "Joe Biden", true},
		{"Hillary Clinton", "Bill Clinton", true}, // a shared surname is not told apart
		{"the Kremlin", "Dmitry Peskov", false},
	}
	for _, tt := range tests {
		if got := SameSpeaker(tt.a, tt.b); got != tt.want {
			t.Errorf("SameSpeaker(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func FuzzQuotes(f *testing.F) {
	f.Add("“" + spokesman + ",” he said. ‘And single ones … too [sic] for a long while now’")
	f.Add("\"unclosed quote at the end of a paragraph with enough words\n\nnext")
	f.Add("“[[[…]]] ... … ”")
	f.Fuzz(func(t *testing.T, s string) {
		qs := Quotes(s, nil)
		runes := []rune(s)
		for _, u := range qs {
			if u.Start < 0 || u.End > len(runes) || u.Start > u.End {
				t.Fatalf("bad span [%d,%d) of %d", u.Start, u.End, len(runes))
			}
			if utf8.ValidString(s) && string(runes[u.Start:u.End]) != u.Text {
				t.Fatalf("span [%d,%d) does not hold %q", u.Start, u.End, u.Text)
			}
			if again := ParseQuote(u.Text); !slices.Equal(again.Words, u.Words) || !slices.Equal(again.Cuts, u.Cuts) {
				t.Fatalf("a quote read again from its text differs: %v / %v", again.Words, u.Words)
			}
			if len(u.Words) < MinRun || len(u.Words) != len(u.Surface) || len(u.Words) > MaxQuoteWords {
				t.Fatalf("bad words %v", u.Words)
			}
			for _, c := range u.Cuts {
				if c < 0 || c > len(u.Words) {
					t.Fatalf("bad cut %d", c)
				}
			}
			if !Related(&u, &u) {
				t.Fatalf("a quote is not related to itself: %v", u.Words)
			}
			if v, _ := Classify(&u, &u); v != sayso.VariantExact {
				t.Fatalf("a quote against itself is %s", v)
			}
		}
		p := ParseQuote(s)
		_ = p.Grams()
		_ = p.AllGrams()
	})
}
