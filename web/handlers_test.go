package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/sayso-news/sayso/web"
)

// get serves one GET request and returns the response and its body.
func get(t *testing.T, h http.Handler, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestPages(t *testing.T) {
	d := demoCorpus(t)
	srv := newServer(t, web.Config{})
	profile, err := d.store.FindSpeakers(t.Context(), "Okafor", 1)
	if err != nil || len(profile) == 0 {
		t.Fatalf("no speaker Okafor: %v", err)
	}
	for _, tc := range []struct {
		path   string
		status int
		want   []string
		not    []string
	}{
		{"/", 200, []string{"12 articles", "6 outlets"}, nil},
		{"/search?q=Okafor", 200, []string{`href="/speaker/`, "Ines Okafor", "Chemical leak closes"}, nil},
		{"/search?q=river&outlet=northwire.example", 200, []string{"northwire.example", "best 200"}, []string{`/outlet/harbourgazette.example">harbourgazette.example</a> ·`}},
		{"/search?q=river&from=2026-03-06&to=2026-03-09", 200, []string{"Tap water safe"}, []string{"Chemical leak closes"}},
		{fmt.Sprintf("/article/%d", d.wire), 200, []string{`class="att sp0 content"`, `class="att sp0 source"`, "Trace this quote", "altered in some",
			"This is the <strong>original</strong>", "Who is speaking"}, nil},
		{fmt.Sprintf("/article/%d", d.copy), 200, []string{"This is a <strong>copy</strong>", "originally_published", "North Wire"}, []string{"Accept all"}},
		{fmt.Sprintf("/quote/%d", d.trace), 200, []string{"<svg", "variant altered", "variant misattributed", "<del>that</del>", "<ins>the</ins>", "Tomas Varga"}, nil},
		{fmt.Sprintf("/speaker/%d", profile[0].ID), 200, []string{"Ines Okafor", "Statements over time", "<rect", "harbourgazette.example"}, nil},
		{"/outlet/northwire.example", 200, []string{"How it sources what it prints", "Direct quotes", "Copied by", "dailyledger.example"}, nil},
		{"/outlet/dailyledger.example", 200, []string{"Copies from: <a href=\"/outlet/northwire.example\">"}, nil},
		{"/analyse", 200, []string{`<form class="analyse"`, `name="url"`}, []string{`name="token"`}},
		{"/article/999999", 404, []string{"no stored article"}, nil},
		{"/article/abc", 400, []string{"want a positive number"}, nil},
		{"/quote/5", 404, nil, nil},
		{"/speaker/999999", 404, nil, nil},
		{"/outlet/nowhere.example", 404, nil, nil},
		{"/search?q=river&from=March", 400, []string{"YYYY-MM-DD"}, nil},
		{"/no/such/page", 404, nil, nil},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res, body := get(t, srv, tc.path)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d; body:\n%.2000s", res.StatusCode, tc.status, body)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("content type %q", ct)
			}
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("CSP %q", csp)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(body, w) {
					t.Errorf("page has %q", w)
				}
			}
			if strings.Contains(body, "<script>") || strings.Contains(body, " style=") {
				t.Errorf("page has inline script or style")
			}
		})
	}
}

func TestAPI(t *testing.T) {
	d := demoCorpus(t)
	srv := newServer(t, web.Config{})
	for _, tc := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/api/v1/stats", 200, []string{`"articles":12`}},
		{"/api/v1/search?q=Okafor", 200, []string{`"speakers":[{`, `"Ines Okafor"`}},
		{fmt.Sprintf("/api/v1/articles/%d", d.wire), 200, []string{`"attributions":[{`, `"trace":{"id":`, `"copies":{`}},
		{fmt.Sprintf("/api/v1/quotes/%d", d.trace), 200, []string{`"variant":"altered"`, `"variant":"misattributed"`}},
		{"/api/v1/outlets/northwire.example", 200, []string{`"host":"northwire.example"`, `"copied_by":[{`}},
		{"/api/v1/export/quotes?speaker=Okafor&format=csv", 200, []string{"id,article_id,url", "Ines Okafor"}},
		{"/api/v1/export/quotes?speaker=Okafor", 200, []string{`"content":`}},
		{"/api/v1/export/articles?limit=2", 200, []string{`"text":`}},
		{"/api/v1/export/articles?limit=0", 400, []string{`"code":"invalid"`}},
		{"/api/v1/articles/999999", 404, []string{`"code":"not_found"`}},
		{"/api/v1/quotes/x", 400, []string{`"code":"invalid"`}},
		{"/api/v1/nothing", 404, []string{`"code":"not_found"`}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res, body := get(t, srv, tc.path)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d; body:\n%.2000s", res.StatusCode, tc.status, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("answer lacks %q:\n%.1500s", w, body)
				}
			}
		})
	}
}

// post serves one POST request with a form or JSON body and optional
// headers.
func post(t *testing.T, h http.Handler, target, ctype, body string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

const sampleText = "The council approved the plan on Tuesday.\n\n\u201cThis harbour will be busy again by summer,\u201d said Mayor Jonas Berg."

func TestAnalyse(t *testing.T) {
	open := newServer(t, web.Config{})
	form := url.Values{"text": {sampleText}}.Encode()
	res, body := post(t, open, "/analyse", "application/x-www-form-urlencoded", form, nil)
	if res.StatusCode != 200 || !strings.Contains(body, "Jonas Berg") || !strings.Contains(body, "not stored") {
		t.Fatalf("analyse text: %d\n%.2000s", res.StatusCode, body)
	}
	js, _ := json.Marshal(map[string]any{"text": sampleText})
	res, body = post(t, open, "/api/v1/analyse", "application/json", string(js), nil)
	if res.StatusCode != 200 || !strings.Contains(body, `"Jonas Berg"`) {
		t.Fatalf("API analyse text: %d\n%.2000s", res.StatusCode, body)
	}
	for _, tc := range []struct {
		name, ctype, body string
		status            int
	}{
		{"nothing", "application/json", `{}`, 400},
		{"two inputs", "application/json", `{"text":"a","html":"<p>b</p>"}`, 400},
		{"unknown field", "application/json", `{"txt":"a"}`, 400},
		{"not JSON", "application/json", `{"text":`, 400},
		{"wrong type", "text/plain", `hello`, 400},
		{"too large", "application/json", `{"text":"` + strings.Repeat("a", web.DefaultMaxBody) + `"}`, 413},
		{"URL without fetcher", "application/json", `{"url":"http://127.0.0.1/"}`, 403},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, body := post(t, open, "/api/v1/analyse", tc.ctype, tc.body, nil)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %.500s", res.StatusCode, tc.status, body)
			}
		})
	}
}

func TestWriteNeedsToken(t *testing.T) {
	if _, err := web.New(web.Config{Corpus: demoCorpus(t).store, Addr: "0.0.0.0:8080"}); err == nil {
		t.Fatal("a server on 0.0.0.0 without a token started")
	}
	if _, err := web.New(web.Config{Corpus: demoCorpus(t).store, Addr: ":8080"}); err == nil {
		t.Fatal("a server on every interface without a token started")
	}
	srv, _ := freshServer(t, web.Config{Addr: "0.0.0.0:8080", Token: "s3cret"})
	text := "Stored text one.\n\n\u201cWe stored this through the API today,\u201d said Ada Quist."
	js, _ := json.Marshal(map[string]any{"text": text, "store": true})
	res, body := post(t, srv, "/api/v1/analyse", "application/json", string(js), nil)
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("store without token: %d %s", res.StatusCode, body)
	}
	res, body = post(t, srv, "/api/v1/analyse", "application/json", string(js), map[string]string{"Authorization": "Bearer wrong"})
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("store with a wrong token: %d %s", res.StatusCode, body)
	}
	res, body = post(t, srv, "/api/v1/analyse", "application/json", string(js), map[string]string{"Authorization": "Bearer s3cret"})
	if res.StatusCode != 200 || !strings.Contains(body, `"id":`) || strings.Contains(body, `"id":0,`) {
		t.Fatalf("store with the token: %d %.800s", res.StatusCode, body)
	}
	// Analysing without storing writes nothing and needs no token.
	js, _ = json.Marshal(map[string]any{"text": text})
	if res, body := post(t, srv, "/api/v1/analyse", "application/json", string(js), nil); res.StatusCode != 200 {
		t.Fatalf("analyse without token: %d %s", res.StatusCode, body)
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	srv, _ := freshServer(t, web.Config{})
	form := url.Values{"text": {sampleText}, "store": {"1"}}.Encode()
	res, _ := post(t, srv, "/analyse", "application/x-www-form-urlencoded", form, map[string]string{"Sec-Fetch-Site": "cross-site"})
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site form post: status %d, want 403", res.StatusCode)
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.0.0.2:1": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.2:80": false, "[::]:80": false, "example.com:80": false,
	} {
		if got := web.IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}
