package sayso

import (
	"context"
	"errors"
	"time"
)

// Store keeps a corpus: raw pages (so everything can be re-processed), the
// articles read from them, their attributions and speakers, and the state
// of the feeds being followed. Implementations (store/sqlite, later
// store/postgres) run each method in one transaction and are safe for
// concurrent use. Errors carry an ErrorCode: EINVALID and ENOTFOUND as
// each method states, EUNAVAILABLE when ctx ends first, EINTERNAL for a
// failing database.
type Store interface {
	// Save stores records in one transaction, in order, and returns one result
	// per record. A record whose URL or body is already stored is not
	// stored again (OutcomeDuplicateURL, OutcomeDuplicateContent); a
	// record with a PageID replaces what was read from that page
	// (OutcomeReplaced), keeping the raw page. On error nothing is stored:
	// EINVALID for a record with neither Page nor PageID, ENOTFOUND for a
	// PageID that is not stored.
	Save(ctx context.Context, docs []*Record) ([]SaveResult, error)
	// Known reports, for each URL, whether a page was stored under it (as
	// requested, final, or canonical address). URLs are compared in
	// normalised form.
	Known(ctx context.Context, urls []string) ([]bool, error)
	// Pages returns up to limit stored pages with an id greater than
	// afterID, in id order, bodies decompressed — the input of reprocessing.
	Pages(ctx context.Context, afterID int64, limit int) ([]*StoredPage, error)
	// FeedState returns the cache validators kept for a feed or sitemap URL
	// (zero when none).
	FeedState(ctx context.Context, url string) (Validators, error)
	// SetFeedState keeps the cache validators of a feed or sitemap URL.
	SetFeedState(ctx context.Context, url string, v Validators) error

	// Search runs a full-text query over article titles and bodies, best
	// matches first. EINVALID for a query with nothing to look for, too
	// many terms, or a prefix shorter than three letters.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)
	// Quotes lists stored attributions matching q, newest articles first.
	// EINVALID when q.Text is a query Search would refuse.
	Quotes(ctx context.Context, q QuoteQuery) ([]Quote, error)
	// Article returns one stored article by id or by URL, with its
	// analysis. ENOTFOUND when there is none.
	Article(ctx context.Context, ref string) (*StoredArticle, error)
	// Articles returns up to limit stored articles with an id greater than
	// afterID, in id order, with their analyses — for export.
	Articles(ctx context.Context, afterID int64, limit int) ([]*StoredArticle, error)
	// Speakers returns every stored speaker with its number of attributions.
	Speakers(ctx context.Context) ([]SpeakerStats, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (StoreStats, error)

	// Provenance. Save keeps the copy and quote indexes current in the
	// same transaction as the articles it stores; clusters and traces
	// depend only on the set of articles stored, not on their order.
	// Each query below returns ECONFLICT when the indexes do not cover
	// the stored articles (made before them, or by another version):
	// Reindex builds them.

	// Copies returns the cluster of stored copies that the article ref (an
	// id or an address) belongs to, its original named with the evidence;
	// nil when the article has no stored copy. ENOTFOUND when there is
	// no such article.
	Copies(ctx context.Context, ref string) (*CopyCluster, error)
	// CopyClusters returns up to limit clusters with an id greater than
	// afterID, in id order — for export.
	CopyClusters(ctx context.Context, afterID int64, limit int) ([]*CopyCluster, error)
	// TraceQuote returns the traces of the stored quotes that print words
	// (a quote, or at least six words of one in a row), each with every
	// appearance; at most limit. EINVALID for fewer than six words.
	TraceQuote(ctx context.Context, words string, limit int) ([]*QuoteTrace, error)
	// TraceArticle returns the traces of the quotes of article ref that
	// other articles print too. ENOTFOUND when there is no such article.
	TraceArticle(ctx context.Context, ref string) ([]*QuoteTrace, error)
	// QuoteTraces returns up to limit traces of quotes printed by two
	// articles or more, with an id greater than afterID, in id order —
	// for export.
	QuoteTraces(ctx context.Context, afterID int64, limit int) ([]*QuoteTrace, error)
	// Reindex builds the provenance indexes again from the stored
	// articles, calling progress (when not nil) with the articles done
	// and their total.
	Reindex(ctx context.Context, progress func(done, total int)) error

	// Close releases the store's resources.
	Close() error
}

// PageState says how far reading a page got.
type PageState string

// States of a stored page.
const (
	// StateArticle: an article was extracted (and attributed when possible).
	StateArticle PageState = "article"
	// StateNoArticle: the page carries no article.
	StateNoArticle PageState = "no_article"
	// StateFailed: extraction failed for another reason; the raw page is
	// kept so that reprocessing can try again.
	StateFailed PageState = "failed"
)

// Record is a page and what sayso read from it, saved together.
type Record struct {
	// PageID, when not zero, names a stored page whose reading this
	// record replaces (reprocessing); Page may then be nil.
	PageID int64
	// Page is the raw page, stored compressed; required when PageID is 0.
	Page *Page
	// Source says where the page came from: "url", "feed URL", "sitemap
	// URL", "warc FILE", "folder DIR", "list FILE".
	Source string
	// State says how far reading got; when empty it is StateArticle for a
	// record with an Article and StateFailed otherwise.
	State PageState
	// Error explains a StateNoArticle or StateFailed page, or a failed
	// attribution of an article.
	Error string
	// Article is what extraction read, nil when it read none.
	Article *Article
	// Analysis is what attribution read in the article, nil when it was
	// not attributed (or attribution failed: see Error).
	Analysis *Analysis
	// AnalyzerVersion names the attribution model that made Analysis.
	AnalyzerVersion string
}

// SaveOutcome says what Save did with a record.
type SaveOutcome string

// Outcomes of saving a record.
const (
	// OutcomeStored: a new page was stored.
	OutcomeStored SaveOutcome = "stored"
	// OutcomeReplaced: a stored page's reading was replaced (PageID set).
	OutcomeReplaced SaveOutcome = "replaced"
	// OutcomeDuplicateURL: a page is stored under the same address
	// (requested, final or same-outlet canonical); nothing was stored.
	OutcomeDuplicateURL SaveOutcome = "duplicate_url"
	// OutcomeDuplicateContent: a page with the same bytes is stored; only
	// the new address was remembered.
	OutcomeDuplicateContent SaveOutcome = "duplicate_content"
)

// SaveResult is what Save did with one record.
type SaveResult struct {
	// Outcome says whether the record was stored or why not.
	Outcome SaveOutcome
	// PageID is the stored page: the new one, or the one it duplicates.
	PageID int64
	// ArticleID is the stored article's id (equal to PageID), or 0 when
	// the page carries none.
	ArticleID int64
}

// StoredPage is a raw page as kept in a store.
type StoredPage struct {
	// ID identifies the page in the store.
	ID int64
	// Page is the page as fetched, its body decompressed.
	Page *Page
	// Source says where the page came from (see Record.Source).
	Source string
	// State says how far its last reading got.
	State PageState
}

// StoredArticle is an article as kept in a store, with where it came from
// and what attribution read in it.
type StoredArticle struct {
	// ID identifies the article; it equals the id of the page it was read from.
	ID int64 `json:"id"`
	// Outlet is the registrable domain the page was served from ("bbc.co.uk").
	Outlet string `json:"outlet"`
	// Source says where the page came from (see Record.Source).
	Source string `json:"source"`
	// FetchedAt is when the page was fetched (or the WARC record's date,
	// or the file's modification time).
	FetchedAt time.Time `json:"fetched_at"`
	// FinalURL is the page's address after redirects.
	FinalURL string `json:"final_url"`
	// Article is the article as extracted.
	Article *Article `json:"article"`
	// Analysis is what attribution read, nil when it was not attributed.
	Analysis *Analysis `json:"analysis,omitempty"`
	// AnalyzerVersion names the attribution model that made Analysis.
	AnalyzerVersion string `json:"analyzer_version,omitempty"`
	// AnalysisError says why attribution failed, when it did.
	AnalysisError string `json:"analysis_error,omitempty"`
}

// SearchQuery is a full-text search. Text uses the store's query syntax:
// words (all must match), "quoted phrases", OR, NOT and prefix*.
type SearchQuery struct {
	// Text is the query; a prefix needs three letters at least.
	Text string
	// Limit is the number of hits returned, 20 when not positive.
	Limit int
	// Offset is the number of best hits skipped, for paging.
	Offset int
}

// SearchHit is one article matching a search.
type SearchHit struct {
	// ArticleID identifies the article, for Store.Article.
	ArticleID int64 `json:"article_id"`
	// URL is the article's address.
	URL   string `json:"url"`
	Title string `json:"title"`
	// Outlet is the registrable domain the page was served from.
	Outlet string `json:"outlet"`
	// Published is the article's publication time, when known.
	Published *time.Time `json:"published,omitempty"`
	// Snippet is an excerpt around the matches, matches marked with [ and ].
	Snippet string `json:"snippet"`
	// Rank orders hits: lower is better.
	Rank float64 `json:"rank"`
}

// QuoteQuery selects attributions. Empty fields do not filter.
type QuoteQuery struct {
	// Speaker matches speaker names containing it, case-insensitively.
	Speaker string
	// Outlet matches the outlet's domain or a subdomain of it.
	Outlet string
	// Text is a full-text query over the quoted or reported content.
	Text string
	// Kind keeps only direct, indirect or mixed attributions.
	Kind AttributionKind
	// Limit is the number of quotes returned, 50 when not positive.
	Limit int
	// Offset is the number of quotes skipped, for paging.
	Offset int
}

// Quote is a stored attribution with its article's context.
type Quote struct {
	// ID identifies the attribution in the store.
	ID int64 `json:"id"`
	// ArticleID, URL, Title, Outlet and Published describe the article
	// the attribution was read in (see SearchHit).
	ArticleID int64      `json:"article_id"`
	URL       string     `json:"url"`
	Title     string     `json:"title"`
	Outlet    string     `json:"outlet"`
	Published *time.Time `json:"published,omitempty"`
	// Kind says whether the content is quoted, reported or both.
	Kind AttributionKind `json:"kind"`
	// Speaker is who the source resolves to, when attribution found out.
	Speaker *Speaker `json:"speaker,omitempty"`
	// Source, Cue and Content are the texts of the attribution's parts
	// (see Attribution); Medium is the channel named, if any.
	Source  string `json:"source,omitempty"`
	Cue     string `json:"cue,omitempty"`
	Content string `json:"content"`
	Medium  string `json:"medium,omitempty"`
	// Confidence is the attribution's confidence in [0, 1].
	Confidence float64 `json:"confidence"`
}

// SpeakerStats is a stored speaker and how often it is attributed.
type SpeakerStats struct {
	// ID identifies the speaker in the store.
	ID   int64       `json:"id"`
	Name string      `json:"name"`
	Type SpeakerType `json:"type"`
	// Attributions counts the attributions to the speaker, Articles the
	// articles they are in.
	Attributions int `json:"attributions"`
	Articles     int `json:"articles"`
	// Identity is the id of the speaker identity the name belongs to (the
	// least speaker id among its names; 0 until identities are built) and
	// IdentityName the name that identity goes by.
	Identity     int64  `json:"identity,omitempty"`
	IdentityName string `json:"identity_name,omitempty"`
}

// StoreStats counts what a store holds.
type StoreStats struct {
	// Pages counts the stored raw pages: Articles of them carry an
	// article, NoArticle none, and Failed could not be read.
	Pages        int `json:"pages"`
	Articles     int `json:"articles"`
	NoArticle    int `json:"no_article"`
	Failed       int `json:"failed"`
	Attributions int `json:"attributions"`
	Speakers     int `json:"speakers"`
	Outlets      int `json:"outlets"`
}

// Validators are the cache validators of an earlier response, sent back in
// a conditional GET.
type Validators struct {
	// ETag and LastModified are the response's header values, as sent.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// IsZero reports whether there are no validators to send.
func (v Validators) IsZero() bool { return v.ETag == "" && v.LastModified == "" }

// ErrNotModified is returned (wrapped) by a conditional fetch when the
// server says the caller's copy is current.
var ErrNotModified = errors.New("not modified")

// ConditionalFetcher is a Fetcher that can make conditional GETs, used for
// feeds and sitemaps that are read again and again.
type ConditionalFetcher interface {
	Fetcher
	// FetchIfModified fetches url unless it is unchanged since the response
	// v came from, in which case it returns ErrNotModified (wrapped).
	FetchIfModified(ctx context.Context, url string, v Validators) (*Page, error)
}
