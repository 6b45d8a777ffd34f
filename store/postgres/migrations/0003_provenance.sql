-- Provenance indexes (package trace): copy clusters and quote traces. Save
-- keeps them current in the same transaction as the article; "sayso
-- reindex" rebuilds them. None has a foreign key: the store removes an
-- article's rows itself, as it does its attributions.

-- An article's MinHash signature (4 bytes a value) and shingle count.
CREATE TABLE copy_docs (
    article_id BIGINT PRIMARY KEY,
    shingles   INTEGER NOT NULL,
    signature  BYTEA NOT NULL
);

-- LSH band keys: articles under one key are candidate copies.
CREATE TABLE copy_bands (
    band       BIGINT NOT NULL,
    article_id BIGINT NOT NULL,
    PRIMARY KEY (band, article_id)
);

-- Articles in a cluster of two or more copies; a cluster's id is its
-- least article id.
CREATE TABLE copy_members (
    article_id BIGINT PRIMARY KEY,
    cluster    BIGINT NOT NULL
);
CREATE INDEX copy_members_cluster ON copy_members (cluster);

-- Each cluster's original and the evidence for it (JSON array).
CREATE TABLE copy_clusters (
    id          BIGINT PRIMARY KEY,
    original_id BIGINT NOT NULL,
    evidence    TEXT NOT NULL
);

-- Quotes of six words or more: id is article_id * 1024 + seq, the span
-- points into articles.text, speaker_id is the speaker of the attribution
-- that covers it (named = 1 when the text names the speaker there, not
-- through a pronoun or a title), words its words' 16-bit keys (to check
-- a candidate without reading its text), indexed = 0 for a reprint whose
-- twin's grams stand for its own, trace the least quote id of the quotes
-- printing the same words (NULL when there are none).
CREATE TABLE quote_units (
    id         BIGINT PRIMARY KEY,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    speaker_id BIGINT,
    named      INTEGER NOT NULL DEFAULT 0,
    words      BYTEA NOT NULL,
    indexed    INTEGER NOT NULL DEFAULT 1,
    trace      BIGINT
);
CREATE INDEX quote_units_trace ON quote_units (trace) WHERE trace IS NOT NULL;

-- Winnowed word 4-gram hashes of the quotes.
CREATE TABLE quote_grams (
    gram  INTEGER NOT NULL,
    quote BIGINT NOT NULL,
    PRIMARY KEY (gram, quote)
);

-- The indexes' state: 'version' (the trace.Version that built them) and
-- 'stale' (present while articles are stored that they do not cover).
CREATE TABLE trace_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO trace_state (key, value)
    SELECT 'stale', 'articles were stored before the provenance indexes existed' WHERE EXISTS (SELECT 1 FROM articles);
