package extraction_test

import (
	"fmt"

	"github.com/sayso-news/sayso/eval/extraction"
)

// ExampleCompare scores one prediction against its truth with the
// benchmark's 4-token shingles.
func ExampleCompare() {
	s := extraction.Compare("The council voted on Thursday to build the lanes.",
		"The council voted on Thursday to build the lanes. Share this story")
	p, _ := s.Precision()
	r, _ := s.Recall()
	fmt.Printf("precision %.2f recall %.2f\n", p, r)
	// Output: precision 0.67 recall 1.00
}
