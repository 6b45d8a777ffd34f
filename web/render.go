package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/sayso-news/sayso"
)

// pageData is what every page template receives.
type pageData struct {
	// Title is the page's title; Query refills the search box.
	Title string
	Query string
	// Body is the page's own data.
	Body any
}

// errorPage is the Body of the error page.
type errorPage struct {
	Status  int
	Message string
}

// funcs are the template functions.
var funcs = template.FuncMap{
	"date": formatDate,
	"datetime": func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	},
	"pct": func(n, total int) string {
		if total == 0 {
			return "–"
		}
		return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(total))
	},
	"add":        func(a, b int) int { return a + b },
	"quoteItems": quoteItemsHTML,
	"hits":       hitsHTML,
}

// formatDate writes a publication day, or "undated".
func formatDate(t *time.Time) string {
	if t == nil {
		return "undated"
	}
	return t.UTC().Format("2 Jan 2006")
}

// parseTemplates parses each page template with the layout.
func parseTemplates() (map[string]*template.Template, error) {
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("web templates: %w", err)
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("web templates: %w", err)
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" {
			continue
		}
		t, err := template.Must(layout.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return nil, fmt.Errorf("web template %s: %w", base, err)
		}
		pages[strings.TrimSuffix(base, ".html")] = t
	}
	return pages, nil
}

// view is what a page handler returns: the template to render and its data.
type view struct {
	name string
	data pageData
}

// page adapts a page handler: it renders its view, or the error page.
func (s *Server) page(h func(*http.Request) (*view, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := h(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if v == nil { // the handler answered itself (a redirect)
			return
		}
		s.render(w, r, http.StatusOK, v)
	}
}

// render executes a page into a buffer first, so a failing template
// never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, v *view) {
	t, ok := s.pages[v.name]
	if !ok {
		s.fail(w, r, sayso.Errorf(sayso.EINTERNAL, "no template %q", v.name))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", v.data); err != nil {
		s.logFailure(r, 500, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail answers with an error: JSON under /api/, the error page elsewhere.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := httpStatus(err)
	s.logFailure(r, status, err)
	msg := publicMessage(err, status)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		var body apiError
		body.Error.Code = string(sayso.ErrorCodeOf(err))
		if status == http.StatusRequestEntityTooLarge {
			body.Error.Code = string(sayso.ETOOLARGE)
		}
		body.Error.Message = msg
		writeJSON(w, status, body)
		return
	}
	s.render(w, r, status, &view{"error", pageData{Title: http.StatusText(status), Body: errorPage{status, msg}}})
}

// api adapts an API handler: it writes its value as JSON, or the error.
func (s *Server) api(h func(*http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := h(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	writeJSONAs(w, status, "application/json", v)
}

// writeJSONAs writes v as JSON with status and the content type ctype.
func writeJSONAs(w http.ResponseWriter, status int, ctype string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, `{"error":{"code":"internal","message":"encoding failed"}}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}
