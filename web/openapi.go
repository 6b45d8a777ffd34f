package web

import (
	_ "embed"
	"net/http"
)

// openAPIDoc is the OpenAPI 3 description of /api/v1, checked against
// real responses by the tests.
//
//go:embed openapi.json
var openAPIDoc []byte

// OpenAPI returns the OpenAPI 3 document of the API.
func OpenAPI() []byte { return openAPIDoc }

// openAPI answers GET /api/v1/openapi.json.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPIDoc)
}
