package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/sayso-news/sayso/web"
)

// TestOpenAPI checks that the OpenAPI document is valid and that real
// answers of every JSON endpoint, errors included, match it.
func TestOpenAPI(t *testing.T) {
	d := demoCorpus(t)
	srv := newServer(t, web.Config{})
	ctx := context.Background()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(web.OpenAPI())
	if err != nil {
		t.Fatalf("load OpenAPI document: %v", err)
	}
	if err := doc.Validate(ctx); err != nil {
		t.Fatalf("OpenAPI document: %v", err)
	}
	_, served := get(t, srv, "/api/v1/openapi.json")
	if !bytes.Equal([]byte(served), web.OpenAPI()) {
		t.Fatal("/api/v1/openapi.json differs from the document")
	}
	// JSON Lines are checked line by line, as the list of their lines.
	openapi3filter.RegisterBodyDecoder("application/x-ndjson", decodeJSONLines)
	// The document names a relative server; the router needs a host.
	doc.Servers = openapi3.Servers{{URL: "http://127.0.0.1/api/v1"}}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	speakers, _ := d.store.FindSpeakers(ctx, "Varga", 1)
	if len(speakers) == 0 {
		t.Fatal("no speaker Varga in the demo corpus")
	}
	requests := []struct {
		method, path, body string
		status             int
	}{
		{"GET", "/api/v1/stats", "", 200},
		{"GET", "/api/v1/search?q=Okafor", "", 200},
		{"GET", "/api/v1/search?q=river&outlet=northwire.example&from=2026-03-01&to=2026-03-31", "", 200},
		{"GET", "/api/v1/search?speaker=Varga", "", 200},
		{"GET", fmt.Sprintf("/api/v1/articles/%d", d.wire), "", 200},
		{"GET", fmt.Sprintf("/api/v1/articles/%d", d.copy), "", 200},
		{"GET", fmt.Sprintf("/api/v1/articles/%d/annotations", d.wire), "", 200},
		{"GET", fmt.Sprintf("/api/v1/quotes/%d", d.trace), "", 200},
		{"GET", fmt.Sprintf("/api/v1/speakers/%d", speakers[0].ID), "", 200},
		{"GET", "/api/v1/outlets/northwire.example", "", 200},
		{"GET", "/api/v1/outlets/dailyledger.example", "", 200},
		{"POST", "/api/v1/analyse", `{"text":"\u201cThe bridge will open in May,\u201d said engineer Mia Holm."}`, 200},
		{"GET", "/api/v1/export/quotes?speaker=Okafor&format=csv", "", 200},
		{"GET", "/api/v1/export/quotes?q=river", "", 200},
		{"GET", "/api/v1/export/articles?after=0&limit=3", "", 200},
		{"GET", "/api/v1/articles/999999", "", 404},
		{"GET", "/api/v1/search?q=river&from=yesterday", "", 400},
		{"POST", "/api/v1/analyse", `{}`, 400},
	}
	for _, rq := range requests {
		t.Run(rq.method+" "+rq.path, func(t *testing.T) {
			req := httptest.NewRequest(rq.method, "http://127.0.0.1"+rq.path, strings.NewReader(rq.body))
			if rq.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			route, params, err := router.FindRoute(req)
			if err != nil {
				t.Fatalf("no route in the document: %v", err)
			}
			in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
			reqErr := openapi3filter.ValidateRequest(ctx, in)
			if rq.status == 200 && reqErr != nil {
				t.Fatalf("request does not match the document: %v", reqErr)
			}
			// The request body was read by validation: give it again.
			req.Body = io.NopCloser(strings.NewReader(rq.body))
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != rq.status {
				t.Fatalf("status %d, want %d: %.500s", res.StatusCode, rq.status, body)
			}
			out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.StatusCode,
				Header: res.Header, Options: &openapi3filter.Options{IncludeResponseStatus: true}}
			out.SetBodyBytes(body)
			if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
				t.Fatalf("answer does not match the document: %v\n%.1500s", err, body)
			}
		})
	}
	// Every path of the document was exercised.
	for p := range doc.Paths.Map() {
		found := false
		for _, rq := range requests {
			path := strings.SplitN(strings.TrimPrefix(rq.path, "/api/v1"), "?", 2)[0]
			if route, _, err := router.FindRoute(httptest.NewRequest(rq.method, "http://127.0.0.1/api/v1"+path, nil)); err == nil && route.Path == p {
				found = true
			}
		}
		if !found {
			t.Errorf("path %s is never tested", p)
		}
	}
}

// decodeJSONLines decodes a JSON Lines body as the list of its lines.
func decodeJSONLines(body io.Reader, _ http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
	dec := json.NewDecoder(body)
	dec.UseNumber()
	out := []any{}
	for {
		var v any
		if err := dec.Decode(&v); err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, err
		}
		out = append(out, normalizeNumbers(v))
	}
}

// normalizeNumbers turns json.Number values into float64, as the
// validator expects.
func normalizeNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = normalizeNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalizeNumbers(e)
		}
	}
	return v
}
