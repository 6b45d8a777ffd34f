package web

import (
	"errors"
	"net/http"

	"github.com/sayso-news/sayso"
)

// statusOf is the one table from error code to HTTP status.
var statusOf = map[sayso.ErrorCode]int{
	sayso.EINVALID:     http.StatusBadRequest,
	sayso.ENOTFOUND:    http.StatusNotFound,
	sayso.ENOARTICLE:   http.StatusUnprocessableEntity,
	sayso.ETOOLARGE:    http.StatusRequestEntityTooLarge,
	sayso.EUNAVAILABLE: http.StatusServiceUnavailable,
	sayso.EFORBIDDEN:   http.StatusForbidden,
	sayso.ECONFLICT:    http.StatusConflict,
	sayso.EINTERNAL:    http.StatusInternalServerError,
}

// httpStatus returns the status for err: by its code, 413 for a body
// over the limit, else 500.
func httpStatus(err error) int {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	if st, ok := statusOf[sayso.ErrorCodeOf(err)]; ok {
		return st
	}
	return http.StatusInternalServerError
}

// apiError is the JSON body of every API error.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// publicMessage is the message shown for err: the error itself for
// expected outcomes, a generic one for internal failures (logged).
func publicMessage(err error, status int) string {
	if status >= 500 && status != http.StatusServiceUnavailable {
		return "internal error (logged on the server)"
	}
	return err.Error()
}
