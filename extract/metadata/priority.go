package metadata

// The explicit priority. Every candidate gets a rank from this table when it
// is found; a field's value is its lowest-ranked plausible candidate (page
// order breaks ties). The order encodes how often each kind of evidence
// names the article itself rather than the page, the site or a neighbour:
// a publisher's structured data about the article first, generic page
// metadata next, then what the visible page shows.
const (
	// The site's own name for itself (og:site_name) outranks the JSON-LD
	// publisher, which on syndicated stories names the originating outlet:
	// the publisher is who printed the page.
	rankSiteName = 8

	// Structured data about the article.
	rankLDArticle  = 10 // JSON-LD object of the Article family
	rankMetaStrong = 12 // article:*, og:*, Dublin Core and the like
	rankMicrodata  = 14 // itemprop inside the article's item
	rankMetaWeak   = 16 // generic meta names ("date", "author", "twitter:*")
	rankLDPage     = 18 // JSON-LD WebPage: often the article's page, sometimes a hub
	rankTimePub    = 20 // <time pubdate>
	rankLDMedia    = 22 // JSON-LD VideoObject and friends: a media page's item
	rankLDCreated  = 26 // JSON-LD dateCreated: close to, not always, publication
	rankScript     = 28 // a dated key in an inline script's data

	// What the visible page shows.
	rankTextLabel = 30 // a line labelled "Published …" or a dated byline
	rankTimeNear  = 32 // <time> near the headline or inside the article
	rankURL       = 36 // a date spelled in the URL's path
	rankTextNear  = 40 // a date line near the headline or in a date-hinted element
	rankAttr      = 42 // a data- attribute named as a date
	rankURLSerial = 44 // yyyymmdd followed by a serial number in the URL
	rankTimeOther = 50 // any other <time>
	rankTextOther = 60 // any other short dated line

	// Names and titles.
	rankTitleTag = 30 // <title>, with the site's name cut off
	rankH1       = 25 // the first <h1>
	rankByline   = 30 // a byline element or "By …" line
	rankHost     = 90 // a name derived from the host
)
