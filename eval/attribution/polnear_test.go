package attribution

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/internal/textnorm"
)

// polnearDir returns the shared PolNeAR folder or skips the test.
func polnearDir(t testing.TB) string {
	t.Helper()
	data := os.Getenv("SAYSO_DATA")
	if data == "" {
		data = filepath.Join("..", "..", "..", "shared", "data")
	}
	dir := filepath.Join(data, "attribution", "polnear")
	if _, err := os.Stat(filepath.Join(dir, "metadata.tsv")); err != nil {
		t.Skipf("PolNeAR not found at %s (the shared data is absent; set SAYSO_DATA): %v", dir, err)
	}
	return dir
}

func TestGoldAgainstItself(t *testing.T) {
	docs, err := LoadSplit(polnearDir(t), "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 84 {
		t.Errorf("dev has %d documents, want 84", len(docs))
	}
	var s Scores
	for _, d := range docs {
		s.Add(d.Text, d.Attributions, d.Attributions)
	}
	for name, f := range map[string]float64{
		"source": s.Source.F1(), "cue": s.Cue.F1(), "content": s.Content.F1(),
		"lenient": s.Lenient.F1(), "strict": s.Strict.F1(), "quote source": s.QuoteSourceShare(),
	} {
		if f != 1 {
			t.Errorf("%s = %.4f scoring gold against itself, want 1", name, f)
		}
	}
	if s.Gold < 2000 {
		t.Errorf("only %d gold attributions in dev", s.Gold)
	}
}

func TestBratRoundTrip(t *testing.T) {
	docs, err := LoadSplit(polnearDir(t), "dev")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs[:20] {
		var buf bytes.Buffer
		if err := WriteBrat(&buf, d.Text, d.Attributions); err != nil {
			t.Fatal(err)
		}
		back, err := ParseBrat(&buf, d.Text)
		if err != nil {
			t.Fatalf("%s: reading written brat: %v", d.Name, err)
		}
		var s Scores
		s.Add(d.Text, d.Attributions, back)
		if s.Strict.F1() != 1 {
			t.Errorf("%s: round trip strict F1 = %.3f", d.Name, s.Strict.F1())
		}
	}
}

func TestParseBrat(t *testing.T) {
	text := "“Yes,” Peskov said, “and no.”\n\nThe Kremlin wants peace."
	ann := "T1\tContent 0 6;20 29\t“Yes,” “and no.”\n" +
		"T2\tSource 7 13\tPeskov\nT3\tCue 14 18\tsaid\nT4\tAttribution 14 18\tsaid\n" +
		"E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n" +
		"T5\tCue 43 48\twants\nT6\tContent 49 54\tpeace\nT7\tAttribution-no-source 43 48\twants\n" +
		"E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n#1\tAnnotatorNotes T1\ta note\n"
	atts, err := ParseBrat(bytes.NewBufferString(ann), text)
	if err != nil {
		t.Fatal(err)
	}
	if len(atts) != 2 {
		t.Fatalf("got %d attributions, want 2", len(atts))
	}
	if atts[0].Kind != sayso.Direct || atts[0].Source.Text != "Peskov" || len(atts[0].Content.Spans) != 2 {
		t.Errorf("first attribution = %+v", atts[0])
	}
	if atts[1].Source != nil || atts[1].Kind != sayso.Indirect || atts[1].Cue.Text != "wants" {
		t.Errorf("second attribution = %+v", atts[1])
	}
	for _, bad := range []string{"T1\tCue 5 999\tx\n", "T1\tCue x y\tx\n", "E1\tAttribution:T9\n"} {
		if _, err := ParseBrat(bytes.NewBufferString(bad), text); err == nil {
			t.Errorf("ParseBrat(%q) succeeded, want an error", bad)
		}
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		content []string
		want    sayso.AttributionKind
	}{
		{[]string{"“We were there under legitimate pretenses,”"}, sayso.Direct},
		{[]string{`"One, defeat ISIS."`, `"Two, disrupt."`}, sayso.Direct},
		{[]string{"“First paragraph.", "“Second.”"}, sayso.Direct},
		{[]string{"Trump was ‘mocking’ the Clinton camp"}, sayso.Mixed},
		{[]string{"the Clintons’ plan was unlikely to work"}, sayso.Indirect},
		{[]string{"she plans to join her supporters"}, sayso.Indirect},
	}
	for _, tt := range tests {
		text := ""
		var spans []sayso.Span
		for i, c := range tt.content {
			if i > 0 {
				text += " he said, "
			}
			start := len([]rune(text))
			text += c
			spans = append(spans, sayso.Span{Start: start, End: len([]rune(text))})
		}
		if got := KindOf(text, textnorm.NewIndex(text), spans); got != tt.want {
			t.Errorf("KindOf(%q) = %s, want %s", tt.content, got, tt.want)
		}
	}
}

func TestWriteBratContinuation(t *testing.T) {
	text := "“A,” Smith said. “B.”"
	seg := func(s string, start int) *sayso.Segment {
		return &sayso.Segment{Text: s, Spans: []sayso.Span{{Start: start, End: start + len([]rune(s))}}}
	}
	atts := []sayso.Attribution{
		{Kind: sayso.Direct, Source: seg("Smith", 5), Cue: seg("said", 11), Content: *seg("“A,”", 0)},
		{Kind: sayso.Direct, Content: *seg("“B.”", 17)},
	}
	var buf bytes.Buffer
	if err := WriteBrat(&buf, text, atts); err != nil {
		t.Fatal(err)
	}
	back, err := ParseBrat(&buf, text)
	if err != nil {
		t.Fatalf("%v in:\n%s", err, buf.String())
	}
	if len(back) != 1 || len(back[0].Content.Spans) != 2 {
		t.Fatalf("continuation not folded into one attribution of two pieces: %+v\n%s", back, buf.String())
	}
}
