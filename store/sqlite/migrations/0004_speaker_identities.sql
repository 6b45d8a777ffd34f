-- Speaker identities (package trace): the stored names of one speaker
-- ("Dmitry Peskov", "Peskov", "Dmitri Peskov") share an identity, whose id
-- is the least speaker id among them. ikey groups the names that may be
-- one speaker (a person's surname, with any Jr./Sr.); the identities of a
-- key are computed again whenever a new name of it is stored, and for
-- every key by "sayso reindex".
ALTER TABLE speakers ADD COLUMN ikey TEXT;
ALTER TABLE speakers ADD COLUMN identity INTEGER;
CREATE INDEX speakers_ikey ON speakers (ikey);
CREATE INDEX speakers_identity ON speakers (identity);

-- Each identity's display name (its fullest name) and type.
CREATE TABLE speaker_identities (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);
