-- The documents index: one row per document (what lists, publications and search read), written by the document grain
-- after each change; a row with an older revision never replaces a newer one. Full-text search is an FTS5 table over
-- the rows (external content, so the text is stored once), kept in step by the triggers below inside the same statement
-- as the row's write. unicode61 with remove_diacritics 2 folds case and accents, so "educacion" finds "educación".
-- Content bytes live in files beside this database (the content folder), not here. Safe to run any number of times.

CREATE TABLE IF NOT EXISTS networkhub_documents
(
    -- An INTEGER PRIMARY KEY is the rowid under its own name, which VACUUM keeps; FTS5 refers to rows by it.
    id             INTEGER NOT NULL PRIMARY KEY,
    document       TEXT    NOT NULL UNIQUE,
    space_kind     TEXT    NOT NULL,
    space_id       TEXT    NOT NULL,
    -- Whether the space was public when last seen: only a hint for public search; every hit is confirmed with the space.
    space_public   INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    description    TEXT    NULL,
    -- Tags between unit separators (U+001F), so one tag is found exactly with instr().
    tags           TEXT    NOT NULL,
    language       TEXT    NULL,
    status         TEXT    NOT NULL,
    latest_version INTEGER NOT NULL,
    revision       INTEGER NOT NULL,
    -- UTC, always 'yyyy-MM-ddTHH:mm:ss.fffffffZ', so text order is time order.
    updated_at     TEXT    NOT NULL,
    text           TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_networkhub_documents_space ON networkhub_documents (space_id, updated_at DESC, document DESC);
CREATE INDEX IF NOT EXISTS ix_networkhub_documents_public ON networkhub_documents (space_public) WHERE space_public = 1;

CREATE VIRTUAL TABLE IF NOT EXISTS networkhub_documents_fts USING fts5
(
    title, tags, description, text,
    content = 'networkhub_documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER IF NOT EXISTS networkhub_documents_fts_insert AFTER INSERT ON networkhub_documents
BEGIN
    INSERT INTO networkhub_documents_fts (rowid, title, tags, description, text)
    VALUES (new.id, new.title, new.tags, new.description, new.text);
END;

-- An external-content table forgets a row only when told its old values.
CREATE TRIGGER IF NOT EXISTS networkhub_documents_fts_delete AFTER DELETE ON networkhub_documents
BEGIN
    INSERT INTO networkhub_documents_fts (networkhub_documents_fts, rowid, title, tags, description, text)
    VALUES ('delete', old.id, old.title, old.tags, old.description, old.text);
END;

-- Only when searched columns change: refreshing the visibility hint does not index the text again.
CREATE TRIGGER IF NOT EXISTS networkhub_documents_fts_update AFTER UPDATE OF title, tags, description, text ON networkhub_documents
BEGIN
    INSERT INTO networkhub_documents_fts (networkhub_documents_fts, rowid, title, tags, description, text)
    VALUES ('delete', old.id, old.title, old.tags, old.description, old.text);
    INSERT INTO networkhub_documents_fts (rowid, title, tags, description, text)
    VALUES (new.id, new.title, new.tags, new.description, new.text);
END;

INSERT INTO networkhub_schema (version, applied_on) VALUES (5, strftime('%Y-%m-%d %H:%M:%f', 'now'))
ON CONFLICT DO NOTHING;
