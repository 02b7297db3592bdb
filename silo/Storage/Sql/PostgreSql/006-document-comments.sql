-- Comments on documents and the groups feedback rounds invite. A comment is a row of its own, written by the
-- document's comments grain (the single writer of a document's rows) before it answers, so a document's comments
-- grow the table, never a grain state. Replies name their thread's first comment (parent). A person's id appears as
-- author and responder; erasure replaces it with the former member's id. Safe to run any number of times.

-- Same lock as 001: silos or migrations running this at once wait for each other.
SELECT pg_advisory_xact_lock(7236154001);

CREATE TABLE IF NOT EXISTS networkhub_document_comments (
    document       uuid        NOT NULL,
    sequence       bigint      NOT NULL,
    comment        uuid        NOT NULL,
    version        integer     NOT NULL,
    section        text        NOT NULL,
    quote          text,
    parent         uuid,
    author         uuid        NOT NULL,
    organisation   uuid,
    round          uuid,
    group_kind     varchar(20),
    group_id       uuid,
    text           text        NOT NULL,
    status         varchar(20) NOT NULL,
    at             timestamptz NOT NULL,
    response_kind  varchar(20),
    response_reply text,
    responder      uuid,
    response_at    timestamptz,
    PRIMARY KEY (document, sequence)
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_networkhub_document_comments_comment ON networkhub_document_comments (comment);
CREATE INDEX IF NOT EXISTS ix_networkhub_document_comments_parent ON networkhub_document_comments (document, parent, sequence);
CREATE INDEX IF NOT EXISTS ix_networkhub_document_comments_round ON networkhub_document_comments (round, sequence);
CREATE INDEX IF NOT EXISTS ix_networkhub_document_comments_author ON networkhub_document_comments (author);
CREATE INDEX IF NOT EXISTS ix_networkhub_document_comments_responder ON networkhub_document_comments (responder);

-- One row per group a feedback round invites, written by the round's grain: "my open rounds" is one query over the
-- groups a person belongs to, and a document's rounds one over its id. Sections: a JSON array of ids (empty: all).
CREATE TABLE IF NOT EXISTS networkhub_feedback_round_groups (
    round      uuid        NOT NULL,
    group_kind varchar(20) NOT NULL,
    group_id   uuid        NOT NULL,
    document   uuid        NOT NULL,
    version    integer     NOT NULL,
    title      text        NOT NULL,
    deadline   timestamptz NOT NULL,
    sections   text        NOT NULL,
    closed     boolean     NOT NULL,
    PRIMARY KEY (round, group_kind, group_id)
);

CREATE INDEX IF NOT EXISTS ix_networkhub_feedback_round_groups_group ON networkhub_feedback_round_groups (group_id, closed, deadline);
CREATE INDEX IF NOT EXISTS ix_networkhub_feedback_round_groups_document ON networkhub_feedback_round_groups (document);

INSERT INTO networkhub_schema (version) VALUES (6) ON CONFLICT DO NOTHING;
