package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sayso-news/sayso"
)

// Query is a parsed full-text query: clauses that must all match, each a
// set of alternatives (joined by OR), optionally negated.
type Query struct {
	Clauses []Clause
}

// Clause is one condition of a Query.
type Clause struct {
	// Any lists alternatives; one must match.
	Any []Term
	// Not negates the clause.
	Not bool
}

// Term is a word, a prefix or a phrase.
type Term struct {
	// Words are the words of the term, in order; more than one makes a phrase.
	Words []string
	// Prefix makes the last word match any word it begins.
	Prefix bool
}

// Bounds on a query, so that no query typed or pasted into a search box
// can be slow. On a corpus of 100,000 articles, 28 of the commonest words
// take about 0.3 s, and a prefix of one or two letters (a*, th*) merges
// the postings of thousands of words: up to 2 s.
const (
	// maxQueryTerms bounds the terms (words, phrases, prefixes); nobody
	// types more, and each costs a posting-list scan.
	maxQueryTerms = 32
	// maxQueryWords bounds the words of all terms together: a pasted
	// paragraph as a phrase.
	maxQueryWords = 64
	// minPrefixLetters is the shortest prefix searched: three letters keep
	// the commonest prefix (the*) under half a second on that corpus.
	minPrefixLetters = 3
)

// ParseQuery reads a search box query: words (all must match), "quoted
// phrases", OR between alternatives, a leading - or NOT to exclude, and a
// trailing * for a prefix. Punctuation inside words separates them, as
// the index's tokenizer does. It returns an EINVALID error for a query with
// nothing to look for or with only exclusions, with more than 32 terms or
// 64 words, or with a prefix shorter than three letters.
func ParseQuery(s string) (Query, error) {
	var q Query
	toks := lex(s)
	or := false
	not := false
	n, nwords := 0, 0
	for _, t := range toks {
		switch {
		case !t.quoted && t.text == "OR":
			or = len(q.Clauses) > 0
			continue
		case !t.quoted && (t.text == "NOT" || t.text == "-"):
			not = true
			continue
		case !t.quoted && t.text == "AND":
			continue
		}
		words := splitWords(strings.TrimSuffix(t.text, "*"))
		if len(words) == 0 {
			continue
		}
		if n++; n > maxQueryTerms {
			return Query{}, sayso.Errorf(sayso.EINVALID, "query %q: more than %d terms", truncateQuery(s), maxQueryTerms)
		}
		if nwords += len(words); nwords > maxQueryWords {
			return Query{}, sayso.Errorf(sayso.EINVALID, "query %q: more than %d words", truncateQuery(s), maxQueryWords)
		}
		term := Term{Words: words, Prefix: !t.quoted && strings.HasSuffix(t.text, "*")}
		if last := words[len(words)-1]; term.Prefix && utf8.RuneCountInString(last) < minPrefixLetters {
			return Query{}, sayso.Errorf(sayso.EINVALID, "query %q: a prefix search needs at least %d letters before the * (%s*)", truncateQuery(s), minPrefixLetters, last)
		}
		if or && !not && !q.Clauses[len(q.Clauses)-1].Not {
			last := &q.Clauses[len(q.Clauses)-1]
			last.Any = append(last.Any, term)
		} else {
			// An unquoted "U.S.-led" is a phrase of words too, as the
			// index's tokenizer sees it.
			q.Clauses = append(q.Clauses, Clause{Any: []Term{term}, Not: not})
		}
		or, not = false, false
	}
	positive := 0
	for _, c := range q.Clauses {
		if !c.Not {
			positive++
		}
	}
	if positive == 0 {
		return Query{}, sayso.Errorf(sayso.EINVALID, "query %q: nothing to search for", truncateQuery(s))
	}
	return q, nil
}

// truncateQuery shortens a query quoted in an error message.
func truncateQuery(s string) string {
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	return string([]rune(s)[:80]) + "…"
}

type token struct {
	text   string
	quoted bool
}

// lex splits on spaces, keeping "quoted phrases" together and a leading "-"
// apart.
func lex(s string) []token {
	var toks []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '"' || r == '“' || r == '”':
			j := i + 1
			for j < len(rs) && rs[j] != '"' && rs[j] != '”' && rs[j] != '“' {
				j++
			}
			toks = append(toks, token{text: string(rs[i+1 : min(j, len(rs))]), quoted: true})
			i = j + 1
		case r == '-' && (i == 0 || unicode.IsSpace(rs[i-1])) && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]):
			toks = append(toks, token{text: "-"})
			i++
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' && rs[j] != '“' && rs[j] != '”' {
				j++
			}
			toks = append(toks, token{text: string(rs[i:j])})
			i = j
		}
	}
	return toks
}

// splitWords returns the letter-and-digit runs of s, folded.
func splitWords(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Mn, r)
	})
}
