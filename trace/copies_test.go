package trace

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sayso-news/sayso"
)

// Fixture prose written for these tests.
var harbour = []string{
	"The city council approved the harbour plan on Tuesday after a long debate about ferry fares and the future of the old quay.",
	"Mayor Ilse Brandt said the plan would keep the quay open to fishing boats while adding a new terminal for the island ferries.",
	"Critics said the cost, about forty million euros, was too high for a town of twelve thousand people and asked for a referendum.",
	"The port authority reported that ferry traffic rose by a fifth last year, the third year of growth in a row after the pandemic.",
	"Work on the new pontoons is due to start in the spring, and the first ferries should berth at the terminal within two years.",
	"Fishermen who use the quay welcomed the decision but said they would watch closely how the works affect the winter season.",
}

func TestWordHashes(t *testing.T) {
	same := [][2]string{
		{"Don’t stop", "don't STOP"},
		{"the U.S. economy", "the US economy"},
		{"a long-established fact", "a longestablished fact"},
		{"“We have heard,” he said.", "we have heard he said"},
		{"Café  au\tlait", "café au lait"},
	}
	for _, p := range same {
		a, b := wordHashes(p[0], nil), wordHashes(p[1], nil)
		if !slices.Equal(a, b) {
			t.Errorf("%q and %q hash differently", p[0], p[1])
		}
	}
	if slices.Equal(wordHashes("harbour plan", nil), wordHashes("harbor plan", nil)) {
		t.Error("different words hash alike")
	}
	for _, w := range []string{"Don’t", "U.S.", "Café", "2024", "naïve"} {
		if got := wordHashes(w, nil); len(got) != 1 || got[0] != hashWord(normWord(w)) {
			t.Errorf("hashWord(normWord(%q)) differs from wordHashes", w)
		}
	}
}

func TestCopies(t *testing.T) {
	orig := strings.Join(harbour, "\n\n")
	note := "Editor's note: this story was updated on Wednesday to add the comments of the fishermen's association and a correction."
	tests := []struct {
		name string
		text string
		copy bool
	}{
		{"same text", orig, true},
		{"tail cut", strings.Join(harbour[:4], "\n\n"), true},
		{"note added", note + "\n\n" + orig, true},
		{"tail cut and note", strings.Join(harbour[:4], "\n\n") + "\n\n" + note, true},
		{"one paragraph", harbour[2], false},
		{"same event, other words", "Porthaven's councillors voted for the harbour scheme this week. Brandt told reporters " +
			"“the plan would keep the quay open to fishing boats while adding a new terminal”, but opponents " +
			"want a referendum on the spending, which they put at forty million euros. Ferry numbers are growing " +
			"fast, according to port officials, and building could begin next spring.", false},
		{"unrelated", "The regional orchestra opened its season with a programme of Sibelius and Nielsen, " +
			"conducted by a guest from Helsinki who had not visited the town since the festival of 2009.", false},
	}
	o := Shingles(orig)
	so := Sign(o)
	for _, tt := range tests {
		c := Shingles(tt.text)
		sim := Compare(o, c)
		if sim.IsCopy() != tt.copy {
			t.Errorf("%s: IsCopy = %v (%+v), want %v", tt.name, sim.IsCopy(), sim, tt.copy)
		}
		sc := Sign(c)
		if tt.copy && !Plausible(&so, &sc, len(o), len(c)) {
			t.Errorf("%s: a copy is not plausible from the signatures", tt.name)
		}
		if tt.copy && !ShareBand(&so, &sc) {
			t.Errorf("%s: a copy shares no band", tt.name)
		}
	}
}

// TestBandRecall checks the banding's collision rate on pairs of random
// texts with a known Jaccard similarity.
func TestBandRecall(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		jaccard float64
		min     float64
	}{{0.5, 0.98}, {0.3, 0.85}} {
		hits := 0
		const pairs = 400
		for range pairs {
			const n = 600
			shared := int(float64(2*n) * tc.jaccard / (1 + tc.jaccard))
			a := make([]uint64, 0, n)
			b := make([]uint64, 0, n)
			for k := range n {
				x := rng.Uint64()
				a = append(a, x)
				if k < shared {
					b = append(b, x)
				} else {
					b = append(b, rng.Uint64())
				}
			}
			slices.Sort(a)
			slices.Sort(b)
			sa, sb := Sign(a), Sign(b)
			if ShareBand(&sa, &sb) {
				hits++
			}
		}
		if rate := float64(hits) / pairs; rate < tc.min {
			t.Errorf("J=%.1f: collision rate %.3f, want ≥ %.2f", tc.jaccard, rate, tc.min)
		}
	}
	var empty Signature = Sign(nil)
	if empty.Bands() != nil {
		t.Error("an empty text has bands")
	}
}

func TestSignatureBinary(t *testing.T) {
	s := Sign(Shingles(harbour[0]))
	b, _ := s.MarshalBinary()
	var back Signature
	if err := back.UnmarshalBinary(b); err != nil || back != s {
		t.Fatalf("round trip: %v", err)
	}
	if err := back.UnmarshalBinary(b[:10]); err == nil {
		t.Error("short signature accepted")
	}
}

func TestDiffCopy(t *testing.T) {
	orig := &sayso.Article{Title: "Harbour plan approved", Blocks: blocks(harbour...)}
	cp := &sayso.Article{Title: "Porthaven approves harbour plan",
		Blocks: blocks(append([]string{"Editor's note: this story first ran in the Porthaven Post and is shared with permission today."}, harbour[:4]...)...)}
	got := DiffCopy(orig, cp)
	want := sayso.CopyDiff{ParagraphsAdded: 1, ParagraphsRemoved: 2, HeadlineChanged: true}
	if got != want {
		t.Errorf("DiffCopy = %+v, want %+v", got, want)
	}
	if got := DiffCopy(orig, orig); got != (sayso.CopyDiff{}) {
		t.Errorf("DiffCopy of itself = %+v", got)
	}
}

func blocks(ps ...string) []sayso.Block {
	out := make([]sayso.Block, len(ps))
	for i, p := range ps {
		out[i] = sayso.Block{Kind: sayso.BlockParagraph, Text: p}
	}
	return out
}

func date(day int) *time.Time {
	t := time.Date(2024, 3, day, 9, 0, 0, 0, time.UTC)
	return &t
}

func TestChooseOriginal(t *testing.T) {
	orig := Member{ID: 1, URL: "https://antiwar.com/2024/red-line", Outlet: "antiwar.com", Publisher: "Antiwar.com", Published: date(5)}
	credited := Member{ID: 2, URL: "https://mirror.example/red-line", Outlet: "mirror.example", Published: date(4),
		Credits: []sayso.Credit{{Kind: sayso.CreditSource, Text: "Source: AntiWar.com.", Outlet: "AntiWar.com"}}}
	canonical := Member{ID: 3, URL: "https://digest.example/x", Outlet: "digest.example", Published: date(3),
		Canonical: "https://antiwar.com/2024/red-line/"}
	plain := Member{ID: 4, URL: "https://plain.example/y", Outlet: "plain.example", Published: date(2)}
	wire := Member{ID: 5, URL: "https://www.reuters.com/world/z", Outlet: "reuters.com", Published: date(6),
		Credits: []sayso.Credit{{Kind: sayso.CreditWireDateline, Text: "MOSCOW (Reuters) -", Outlet: "Reuters"}}}
	wireCopy := Member{ID: 6, URL: "https://paper.example/z", Outlet: "paper.example", Published: date(1),
		Credits: []sayso.Credit{{Kind: sayso.CreditWireDateline, Text: "MOSCOW (Reuters) -", Outlet: "Reuters"}}}
	chainMid := Member{ID: 7, URL: "https://mid.example/a", Outlet: "mid.example", Publisher: "Mid Daily", Published: date(7),
		Credits: []sayso.Credit{{Kind: sayso.CreditOriginallyPublished, Text: "Originally published by Antiwar.com", Outlet: "Antiwar.com"}}}
	chainEnd := Member{ID: 8, URL: "https://end.example/a", Outlet: "end.example", Published: date(1),
		Credits: []sayso.Credit{{Kind: sayso.CreditRepublished, Text: "Republished from Mid Daily", Outlet: "Mid Daily"}}}
	undated := Member{ID: 9, URL: "https://a.example/u", Outlet: "a.example"}
	creditsAbsent := Member{ID: 10, URL: "https://b.example/v", Outlet: "b.example", Published: date(1),
		Credits: []sayso.Credit{{Kind: sayso.CreditSource, Text: "Source: Elsewhere Weekly", Outlet: "Elsewhere Weekly"}}}
	midCanon := Member{ID: 11, URL: "https://midcanon.example/a", Outlet: "midcanon.example", Published: date(9),
		Canonical: "https://antiwar.com/2024/red-line"}
	endCredit := Member{ID: 12, URL: "https://endcredit.example/a", Outlet: "endcredit.example", Published: date(1),
		Credits: []sayso.Credit{{Kind: sayso.CreditSource, Text: "Source: www.MidCanon.example", Outlet: "www.MidCanon.example"}}}
	tests := []struct {
		name    string
		members []Member
		want    int64
		kinds   []sayso.EvidenceKind
	}{
		{"credit beats earlier dates", []Member{credited, orig, plain}, 1, []sayso.EvidenceKind{sayso.EvidenceCredit}},
		{"canonical", []Member{canonical, orig}, 1, []sayso.EvidenceKind{sayso.EvidenceCanonical}},
		{"credit and canonical", []Member{canonical, credited, orig}, 1, []sayso.EvidenceKind{sayso.EvidenceCredit, sayso.EvidenceCanonical}},
		{"earliest", []Member{orig, plain}, 4, []sayso.EvidenceKind{sayso.EvidenceEarliest}},
		{"own wire dateline", []Member{wireCopy, wire}, 5, []sayso.EvidenceKind{sayso.EvidenceCredit}},
		{"chain", []Member{chainEnd, chainMid, orig}, 1, []sayso.EvidenceKind{sayso.EvidenceCredit}},
		{"credit then canonical chain", []Member{endCredit, midCanon, orig}, 1, []sayso.EvidenceKind{sayso.EvidenceCanonical}},
		{"undated last", []Member{undated, orig}, 1, []sayso.EvidenceKind{sayso.EvidenceEarliest}},
		{"credit of an absent outlet", []Member{creditsAbsent, plain}, 10, []sayso.EvidenceKind{sayso.EvidenceEarliest}},
	}
	for _, tt := range tests {
		// Every order of the members gives the same answer.
		for p := range 6 {
			ms := slices.Clone(tt.members)
			rand.New(rand.NewPCG(uint64(p), 7)).Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
			i, ev := ChooseOriginal(ms)
			if ms[i].ID != tt.want {
				t.Errorf("%s (order %d): original %d, want %d", tt.name, p, ms[i].ID, tt.want)
				continue
			}
			var kinds []sayso.EvidenceKind
			for _, e := range ev {
				if len(kinds) == 0 || kinds[len(kinds)-1] != e.Kind {
					kinds = append(kinds, e.Kind)
				}
			}
			if tt.want == 1 && tt.name != "undated last" && kinds[len(kinds)-1] == sayso.EvidenceEarliest {
				kinds = kinds[:len(kinds)-1]
			}
			if !slices.Equal(kinds, tt.kinds) {
				t.Errorf("%s: evidence %v, want kinds %v", tt.name, ev, tt.kinds)
			}
		}
	}
}

func TestComponents(t *testing.T) {
	edges := map[[2]int64]bool{{1, 5}: true, {5, 9}: true, {2, 3}: true}
	linked := func(a, b int64) bool { return edges[[2]int64{a, b}] || edges[[2]int64{b, a}] }
	want := [][]int64{{1, 5, 9}, {2, 3}, {4}}
	for p := range 5 {
		ids := []int64{9, 4, 3, 2, 5, 1}
		rand.New(rand.NewPCG(uint64(p), 1)).Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		got := Components(ids, linked)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("Components(%v) = %v, want %v", ids, got, want)
		}
	}
}
