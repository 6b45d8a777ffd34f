-- sayso corpus schema, SQLite flavour. Text is stored once, compressed, in
-- articles.text: blocks, attributions, claims and cited works point into it
-- by code-point offsets, and the full-text indexes are contentless.

CREATE TABLE outlets (
    id   INTEGER PRIMARY KEY,
    host TEXT NOT NULL UNIQUE,   -- registrable domain, "bbc.co.uk"
    name TEXT NOT NULL DEFAULT '' -- publisher name as last seen
);

CREATE TABLE pages (
    id           INTEGER PRIMARY KEY,
    url          TEXT NOT NULL,    -- as requested
    final_url    TEXT NOT NULL,    -- after redirects
    outlet_id    INTEGER NOT NULL REFERENCES outlets (id),
    source       TEXT NOT NULL,
    status_code  INTEGER NOT NULL DEFAULT 0,
    redirects    TEXT,             -- JSON array
    fetched_at   INTEGER NOT NULL, -- Unix milliseconds
    body_size    INTEGER NOT NULL,
    body_hash    BLOB NOT NULL UNIQUE,
    state        TEXT NOT NULL,    -- article | no_article | failed
    error        TEXT,
    read_version TEXT NOT NULL DEFAULT ''
);

-- The raw page as fetched, compressed, kept so that everything can be
-- re-read when extraction or attribution improve (sayso reprocess).
CREATE TABLE raw_pages (
    page_id INTEGER PRIMARY KEY REFERENCES pages (id) ON DELETE CASCADE,
    header  BLOB,          -- compressed JSON
    body    BLOB NOT NULL  -- compressed bytes
);

-- Every address a page is known by (requested, final, canonical), normalised.
-- (No index on page_id: pages are never deleted.)
CREATE TABLE urls (
    url     TEXT PRIMARY KEY,
    page_id INTEGER NOT NULL REFERENCES pages (id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY REFERENCES pages (id) ON DELETE CASCADE,
    url               TEXT NOT NULL,
    canonical_url     TEXT,
    title             TEXT NOT NULL,
    authors           TEXT,    -- JSON array
    publisher         TEXT,
    published         TEXT,    -- RFC 3339 as extracted
    published_unix    INTEGER, -- for ordering
    modified          TEXT,
    language          TEXT,
    description       TEXT,
    section           TEXT,
    tags              TEXT,    -- JSON array
    image             TEXT,
    provenance        BLOB,    -- zstd(JSON {evidence, candidates})
    extractor_version TEXT NOT NULL,
    analyzer_version  TEXT,
    analysis_error    TEXT,
    text              BLOB NOT NULL -- compressed UTF-8: the body, blocks joined by blank lines
);
CREATE INDEX articles_published ON articles (published_unix);

CREATE TABLE blocks (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    level      INTEGER NOT NULL DEFAULT 0,
    ordered    INTEGER NOT NULL DEFAULT 0,
    start      INTEGER NOT NULL, -- code points into articles.text
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE links (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    block      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    url        TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE credits (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    text       TEXT NOT NULL,
    outlet     TEXT NOT NULL,
    url        TEXT,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE speakers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    UNIQUE (name, type)
);

-- An attribution's id is article_id * 1024 + seq, so an article's
-- attributions are a range of the primary key and need no index of their
-- own; the store deletes them with their article.
CREATE TABLE attributions (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    speaker_id    INTEGER REFERENCES speakers (id), -- named speakers
    speaker_type  TEXT,                             -- unnamed speakers
    role          TEXT,
    resolution    TEXT,
    source_spans  TEXT, -- "start-end,start-end"; NULL when no source
    source_text   TEXT, -- only when not derivable from the spans
    cue_spans     TEXT,
    cue_text      TEXT,
    content_spans TEXT NOT NULL,
    content_text  TEXT,
    medium        TEXT,
    confidence    REAL NOT NULL
);
CREATE INDEX attributions_speaker ON attributions (speaker_id) WHERE speaker_id IS NOT NULL;

-- Entities an article mentions, with the aliases it uses for them.
CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    speaker_id INTEGER NOT NULL REFERENCES speakers (id),
    seq        INTEGER NOT NULL,
    role       TEXT,
    aliases    TEXT, -- JSON array
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE claims (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT, -- only when not derivable from the span
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE cited_works (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    title      TEXT NOT NULL,
    author     TEXT,
    kind       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    checked_at    INTEGER NOT NULL
) WITHOUT ROWID;

-- Contentless indexes: the text lives (compressed) in articles only.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Quotes are never ranked, so no column sizes; rows are removed with the
-- 'delete' command, which takes the indexed content back.
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    content,
    content = '', columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 2'
);
