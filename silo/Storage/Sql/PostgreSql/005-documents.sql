-- Documents in cluster mode: the bytes of every version (so every node serves the same bytes) and the documents index
-- with full-text search. Safe to run any number of times.

-- Same lock as 001: silos or migrations running this at once wait for each other.
SELECT pg_advisory_xact_lock(7236154001);

-- One row per content, written in the same transaction as its last chunk: a content without this row was never
-- committed, so there is no half-written content to hide.
CREATE TABLE IF NOT EXISTS networkhub_content (
    content    uuid        NOT NULL PRIMARY KEY,
    size       bigint      NOT NULL,
    sha256     varchar(64) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The bytes in chunks of 1 MiB (the last one shorter), numbered from 0, so a range reads only the chunks it needs.
CREATE TABLE IF NOT EXISTS networkhub_content_chunks (
    content uuid    NOT NULL,
    chunk   integer NOT NULL,
    bytes   bytea   NOT NULL,
    PRIMARY KEY (content, chunk)
);

-- Uploads are mostly compressed already (.docx, .pdf, images): storing them uncompressed saves the CPU of trying, and
-- lets substring() read part of a chunk without decompressing all of it.
ALTER TABLE networkhub_content_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- The search configuration: the 'simple' dictionary (no language's stemming or stop words, since documents come in
-- many languages) with accents removed first by unaccent where the extension can be had (it ships with Debian's
-- postgresql package and is trusted, so the database's owner may create it); else plain 'simple'.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'networkhub_search' AND cfgnamespace = current_schema()::regnamespace) THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS unaccent;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'unaccent is not available (%); searching without removing accents', SQLERRM;
        END;
        CREATE TEXT SEARCH CONFIGURATION networkhub_search (COPY = pg_catalog.simple);
        IF EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN
            ALTER TEXT SEARCH CONFIGURATION networkhub_search
                ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple;
        END IF;
    END IF;
END
$$;

CREATE TABLE IF NOT EXISTS networkhub_documents (
    document       uuid        NOT NULL PRIMARY KEY,
    space_kind     varchar(20) NOT NULL,
    space_id       uuid        NOT NULL,
    -- Whether the space was public when last seen: only a hint for public search; every hit is confirmed with the space.
    space_public   boolean     NOT NULL,
    title          text        NOT NULL,
    description    text        NULL,
    -- Tags between unit separators (U+001F), so one tag is found exactly with strpos().
    tags           text        NOT NULL,
    language       varchar(35) NULL,
    status         varchar(30) NOT NULL,
    latest_version integer     NOT NULL,
    revision       bigint      NOT NULL,
    updated_at     timestamptz NOT NULL,
    text           text        NOT NULL,
    -- Title (weight A), tags (B), description (C) and text (D), folded to lower case by the writer, written with the row.
    search         tsvector    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_networkhub_documents_space ON networkhub_documents (space_id, updated_at DESC, document DESC);
CREATE INDEX IF NOT EXISTS ix_networkhub_documents_public ON networkhub_documents (space_public) WHERE space_public;
CREATE INDEX IF NOT EXISTS ix_networkhub_documents_search ON networkhub_documents USING gin (search);

INSERT INTO networkhub_schema (version) VALUES (5) ON CONFLICT DO NOTHING;
