package web

import (
	"context"

	"github.com/sayso-news/sayso"
)

// Corpus is what the web pages read and write: the parts of a sayso.Store
// they use, and the profile and look-up queries of the web views. Every
// method returns errors carrying a sayso.ErrorCode, which the server maps
// to an HTTP status.
type Corpus interface {
	Search(ctx context.Context, q sayso.SearchQuery) ([]sayso.SearchHit, error)
	Quotes(ctx context.Context, q sayso.QuoteQuery) ([]sayso.Quote, error)
	Article(ctx context.Context, ref string) (*sayso.StoredArticle, error)
	Articles(ctx context.Context, afterID int64, limit int) ([]*sayso.StoredArticle, error)
	Copies(ctx context.Context, ref string) (*sayso.CopyCluster, error)
	TraceArticle(ctx context.Context, ref string) ([]*sayso.QuoteTrace, error)
	Stats(ctx context.Context) (sayso.StoreStats, error)
	Save(ctx context.Context, docs []*sayso.Record) ([]sayso.SaveResult, error)

	// Trace returns one quote trace by id; ENOTFOUND when there is none.
	Trace(ctx context.Context, id int64) (*sayso.QuoteTrace, error)
	// FindSpeakers and FindOutlets return up to limit speakers or outlets
	// whose name contains text.
	FindSpeakers(ctx context.Context, text string, limit int) ([]sayso.SpeakerRef, error)
	FindOutlets(ctx context.Context, text string, limit int) ([]sayso.OutletRef, error)
	// SpeakerProfile and OutletProfile return a profile; ENOTFOUND when
	// there is no such speaker or outlet.
	SpeakerProfile(ctx context.Context, id int64) (*sayso.SpeakerProfile, error)
	OutletProfile(ctx context.Context, host string) (*sayso.OutletProfile, error)
}
