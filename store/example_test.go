package store_test

import (
	"fmt"

	"github.com/sayso-news/sayso/store"
)

func ExampleSnippet() {
	q, err := store.ParseQuery(`"harbour plan" fisher*`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(store.Snippet("The council approved the harbour plan. Fishermen cheered.", q))
	// Output: The council approved the [harbour] [plan]. [Fishermen] cheered.
}
