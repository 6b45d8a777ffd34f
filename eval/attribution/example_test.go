package attribution_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/sayso-news/sayso"
	"github.com/sayso-news/sayso/eval/attribution"
)

func ExampleParseBrat() {
	text := "“Yes,” Peskov said."
	ann := "T1\tContent 0 6\t“Yes,”\nT2\tSource 7 13\tPeskov\nT3\tCue 14 18\tsaid\n" +
		"T4\tAttribution 14 18\tsaid\nE1\tAttribution:T4 Source:T2 Cue:T3 Content:T1\n"
	atts, err := attribution.ParseBrat(strings.NewReader(ann), text)
	if err != nil {
		panic(err)
	}
	for _, a := range atts {
		fmt.Println(a.Kind, a.Source.Text, a.Cue.Text, a.Content.Text)
	}
	// Output:
	// direct Peskov said “Yes,”
}

func ExampleScores() {
	text := "Stein said she would go."
	seg := func(s string, start int) *sayso.Segment {
		return &sayso.Segment{Text: s, Spans: []sayso.Span{{Start: start, End: start + len(s)}}}
	}
	gold := []sayso.Attribution{{Source: seg("Stein", 0), Cue: seg("said", 6), Content: *seg("she would go", 11)}}
	pred := []sayso.Attribution{{Source: seg("Stein", 0), Cue: seg("said", 6), Content: *seg("she would go.", 11)}}
	var s attribution.Scores
	s.Add(text, gold, pred)
	fmt.Printf("content F1 %.2f, lenient F1 %.2f\n", s.Content.F1(), s.Lenient.F1())
	s.Print(os.Stdout)
	// Output:
	// content F1 0.00, lenient F1 1.00
	// 1 articles, 1 gold attributions, 1 predicted
	//
	// Component exact-span match (code points; a discontinuous span counts as its pieces)
	//                gold   pred     tp       P       R      F1
	//   Source          1      1      1   1.000   1.000   1.000
	//   Cue             1      1      1   1.000   1.000   1.000
	//   Content         1      1      0   0.000   0.000   0.000
	//
	// Attribution level
	//                gold   pred     tp       P       R      F1
	//   lenient         1      1      1   1.000   1.000   1.000
	//   strict          1      1      0   0.000   0.000   0.000
	//
	// Attribution level by kind (lenient; gold kind for recall, predicted kind for precision)
	//   direct          0      0      0   0.000   0.000   0.000
	//   mixed           0      0      0   0.000   0.000   0.000
	//   indirect        1      1      1   1.000   1.000   1.000
	//
	// Direct and mixed quotes: 0 gold, 0 matched by content (IoU >= 0.5); source right on 0 = 0.000
}
