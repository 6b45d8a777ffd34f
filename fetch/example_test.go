package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/sayso-news/sayso/fetch"
)

func ExampleClient_Fetch() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>Hello</p>")
	}))
	defer srv.Close()

	// Loopback is private: a test server needs AllowPrivate.
	c := fetch.New(fetch.Options{AllowPrivate: true})
	page, err := c.Fetch(context.Background(), srv.URL+"/hello")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.StatusCode, page.ContentType(), string(page.Body))
	// Output: 200 text/html; charset=utf-8 <p>Hello</p>
}
