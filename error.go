package sayso

import (
	"errors"
	"fmt"
)

// ErrorCode classifies an Error so that callers at the edge (the CLI's exit
// codes, the web API's HTTP statuses) can react without parsing messages.
type ErrorCode string

// Error codes shared across sayso's packages.
const (
	// EINVALID means the input was malformed or not acceptable.
	EINVALID ErrorCode = "invalid"
	// ENOTFOUND means the requested thing does not exist.
	ENOTFOUND ErrorCode = "not_found"
	// ENOARTICLE means a page was read but carries no article.
	ENOARTICLE ErrorCode = "no_article"
	// ETOOLARGE means an input exceeded a configured size bound.
	ETOOLARGE ErrorCode = "too_large"
	// EUNAVAILABLE means a remote resource could not be reached or refused us.
	EUNAVAILABLE ErrorCode = "unavailable"
	// EFORBIDDEN means a policy (robots.txt, private address) forbids the action.
	EFORBIDDEN ErrorCode = "forbidden"
	// ECONFLICT means the action conflicts with stored state.
	ECONFLICT ErrorCode = "conflict"
	// EINTERNAL means a bug or an unexpected failure.
	EINTERNAL ErrorCode = "internal"
)

// Error is sayso's error type: a code for machines, a message for people and
// the underlying cause for debugging.
type Error struct {
	Code    ErrorCode
	Message string
	Err     error
}

// Error returns the message, or the cause's message when there is none. The
// message is meant to be complete: Errorf folds the cause into it.
func (e *Error) Error() string {
	if e.Message == "" && e.Err != nil {
		return e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the underlying cause so errors.Is and errors.As see through
// an Error.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an Error with the given code and a formatted message. A %w
// verb in format sets the cause.
func Errorf(code ErrorCode, format string, args ...any) *Error {
	err := fmt.Errorf(format, args...)
	return &Error{Code: code, Message: err.Error(), Err: errors.Unwrap(err)}
}

// ErrorCodeOf returns the code of the first Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCodeOf(err error) ErrorCode {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Code != "" {
		return e.Code
	}
	return EINTERNAL
}
