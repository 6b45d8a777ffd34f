package attrib_test

import (
	"context"
	"fmt"

	"github.com/sayso-news/sayso/attrib"
)

func ExampleAnalyzer_Analyze() {
	an, err := attrib.New()
	if err != nil {
		panic(err)
	}
	res, err := an.Analyze(context.Background(),
		"“We have heard from Washington that membership has been ruled out,” Russian spokesman Dmitry Peskov explained.")
	if err != nil {
		panic(err)
	}
	for _, a := range res.Attributions {
		fmt.Printf("%s: %s (%s) %s %s\n", a.Kind, a.Speaker.Name, a.Speaker.Role, a.Cue.Text, a.Content.Text)
	}
	// Output:
	// direct: Dmitry Peskov (Russian spokesman) explained “We have heard from Washington that membership has been ruled out,”
}
