package dates_test

import (
	"context"
	"os"
	"time"

	"github.com/sayso-news/sayso/eval/dates"
)

func ExampleEvaluate() {
	want := time.Date(2020, 3, 15, 0, 0, 0, 0, time.UTC)
	pages := []dates.Page{
		{URL: "https://example.com/2020/03/15/a", File: "a.html", HTML: []byte(`<meta property="article:published_time" content="2020-03-15T09:00:00+01:00">`), Want: &want},
		{URL: "https://example.com/about", File: "b.html", HTML: []byte(`<p>No date here.</p>`), Want: nil},
	}
	r := dates.Evaluate(context.Background(), pages, dates.MetadataReader)
	r.Name = dates.MediaCloud
	r.Print(os.Stdout)
	// Output:
	// mediacloud-2020 dates: 2 pages  exact-day accuracy 1.000  correct 2  wrong 0  missing 0  failed 0
}
