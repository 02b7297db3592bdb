-- Comments on documents and the groups feedback rounds invite. A comment is a row of its own, written by the
-- document's comments grain (the single writer of a document's rows) before it answers, so a document's comments
-- grow the table, never a grain state. Replies name their thread's first comment (parent). A person's id appears as
-- author and responder; erasure replaces it with the former member's id. Safe to run any number of times.

CREATE TABLE IF NOT EXISTS networkhub_document_comments
(
    document       TEXT    NOT NULL,
    sequence       INTEGER NOT NULL,
    comment        TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    section        TEXT    NOT NULL,
    quote          TEXT,
    parent         TEXT,
    author         TEXT    NOT NULL,
    organisation   TEXT,
    round          TEXT,
    group_kind     TEXT,
    group_id       TEXT,
    text           TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    at             TEXT    NOT NULL,
    response_kind  TEXT,
    response_reply TEXT,
    responder      TEXT,
    response_at    TEXT,
    PRIMARY KEY (document, sequence)
) WITHOUT ROWID;

CREATE UNIQUE INDEX IF NOT EXISTS ux_networkhub_document_comments_comment ON networkhub_document_comments (comment);
CREATE INDEX IF NOT EXISTS ix_networkhub_document_comments_parent ON networkhub_document_comments (document, parent, sequence);
CREATE INDEX IF NOT EXISTS ix_networkhub_document_comments_round ON networkhub_document_comments (round, sequence);
CREATE INDEX IF NOT EXISTS ix_networkhub_document_comments_author ON networkhub_document_comments (author);
CREATE INDEX IF NOT EXISTS ix_networkhub_document_comments_responder ON networkhub_document_comments (responder);

-- One row per group a feedback round invites, written by the round's grain: "my open rounds" is one query over the
-- groups a person belongs to, and a document's rounds one over its id. Sections: a JSON array of ids (empty: all).
CREATE TABLE IF NOT EXISTS networkhub_feedback_round_groups
(
    round      TEXT    NOT NULL,
    group_kind TEXT    NOT NULL,
    group_id   TEXT    NOT NULL,
    document   TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    title      TEXT    NOT NULL,
    deadline   TEXT    NOT NULL,
    sections   TEXT    NOT NULL,
    closed     INTEGER NOT NULL,
    PRIMARY KEY (round, group_kind, group_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_networkhub_feedback_round_groups_group ON networkhub_feedback_round_groups (group_id, closed, deadline);
CREATE INDEX IF NOT EXISTS ix_networkhub_feedback_round_groups_document ON networkhub_feedback_round_groups (document);

INSERT INTO networkhub_schema (version, applied_on) VALUES (6, strftime('%Y-%m-%d %H:%M:%f', 'now'))
ON CONFLICT DO NOTHING;
