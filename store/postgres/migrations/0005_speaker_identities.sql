-- Speaker identities (package trace), as in the SQLite schema's migration
-- 0004: the stored names of one speaker share an identity, whose id is the
-- least speaker id among them; ikey groups the names that may be one
-- speaker (a person's surname, with any Jr./Sr.).
ALTER TABLE speakers ADD COLUMN ikey TEXT;
ALTER TABLE speakers ADD COLUMN identity BIGINT;
CREATE INDEX speakers_ikey ON speakers (ikey);
CREATE INDEX speakers_identity ON speakers (identity);

-- Each identity's display name (its fullest name) and type.
CREATE TABLE speaker_identities (
    id   BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);
