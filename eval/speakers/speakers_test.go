package speakers

import (
	"strings"
	"testing"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/eval/attribution"
)

func TestNormName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Mr. Peskov", "Peskov", true},
		{"Sen. Elizabeth Warren", "Elizabeth Warren", true},
		{"Joseph R. Biden Jr.", "Joseph Biden", true},
		{"President Obama", "Obama", true},
		{"the Kremlin", "Kremlin", true},
		{"Trump", "Donald Trump", false},
		{"Donald Trump’s", "Donald Trump", true},
	} {
		if got := NormName(c.a) == NormName(c.b); got != c.same {
			t.Errorf("NormName(%q) = %q, NormName(%q) = %q; same = %v, want %v", c.a, NormName(c.a), c.b, NormName(c.b), got, c.same)
		}
	}
}

func TestKind(t *testing.T) {
	for _, c := range []struct {
		src, speaker, want string
	}{
		{"", "Dmitry Peskov", KindCarriedOver},
		{"Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", KindNamed},
		{"Peskov", "Dmitry Peskov", KindNamed},
		{"he", "Dmitry Peskov", KindPronoun},
		{"the spokesman", "Dmitry Peskov", KindTitle},
		{"an official", Anonymous, KindUnresolved},
	} {
		if got := (Row{SourceText: c.src, Speaker: c.speaker}).Kind(); got != c.want {
			t.Errorf("Kind(%q, %q) = %q, want %q", c.src, c.speaker, got, c.want)
		}
	}
}

func TestScore(t *testing.T) {
	gold := "file\tannotator\teid\tcontent_start\tsource_text\tspeaker\tspeaker_type\tnote\n" +
		"a\tx\tE1\t10\tPeskov\tDmitry Peskov\tperson\t\n" +
		"a\tx\tE2\t40\the\tDmitry Peskov\tperson\t\n" +
		"a\tx\tE3\t70\tan aide\tANONYMOUS\tanonymous\t\n"
	rows, err := ReadGold(strings.NewReader(gold))
	if err != nil {
		t.Fatal(err)
	}
	att := func(start, end int) sayso.Attribution {
		return sayso.Attribution{Content: sayso.Segment{Spans: []sayso.Span{{Start: start, End: end}}}}
	}
	ref := attribution.Document{Name: "a", Attributions: []sayso.Attribution{att(10, 30), att(40, 60), att(70, 90)}}
	p1, p2 := att(12, 30), att(40, 50)
	p1.Speaker = &sayso.Speaker{Name: "Dmitry Peskov", Type: sayso.Person, Resolution: sayso.ResolvedNamed}
	p2.Speaker = &sayso.Speaker{Name: "Peskov", Type: sayso.Person, Resolution: sayso.ResolvedPronoun}
	var s Scores
	s.Add(rows, ref, []sayso.Attribution{p1, p2})
	if s.All.Rows != 3 || s.All.Matched != 2 || s.All.Right != 1 {
		t.Errorf("all = %+v, want 3 rows, 2 matched, 1 right", s.All)
	}
	if c := s.ByKind[KindPronoun]; c.Matched != 1 || c.Right != 0 {
		t.Errorf("pronoun = %+v: a surname alone is not the full name", *c)
	}
	if len(DevGold()) < 700 {
		t.Errorf("the shipped dev gold has %d rows", len(DevGold()))
	}
}

func TestPart(t *testing.T) {
	rows := DevGold()
	tune, err := SelectPart(rows, PartTune)
	if err != nil {
		t.Fatal(err)
	}
	check, err := SelectPart(rows, PartCheck)
	if err != nil {
		t.Fatal(err)
	}
	if len(tune)+len(check) != len(rows) {
		t.Fatalf("tune %d + check %d != %d rows", len(tune), len(check), len(rows))
	}
	articles := map[string]string{}
	for _, r := range rows {
		p := PartOf(r.File)
		if q, ok := articles[r.File]; ok && q != p {
			t.Fatalf("%s in both parts", r.File)
		}
		articles[r.File] = p
	}
	n := 0
	for _, p := range articles {
		if p == PartTune {
			n++
		}
	}
	if share := float64(n) / float64(len(articles)); share < 0.6 || share > 0.8 {
		t.Errorf("tune holds %.2f of the articles, want about 0.7", share)
	}
	if _, err := SelectPart(rows, "dev"); err == nil {
		t.Error("an unknown part was accepted")
	}
}
