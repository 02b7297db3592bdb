-- Audit lines older than the window a space or live session keeps in its own state (the last 1,000). A line is
-- written here before the state write that drops it from the window, so it is always in one place or both; the key
-- (owner, sequence) makes writing it twice harmless. Ids only, never names. Safe to run any number of times.

CREATE TABLE IF NOT EXISTS networkhub_audit
(
    owner              TEXT    NOT NULL,
    sequence           INTEGER NOT NULL,
    at                 TEXT    NOT NULL,
    actor_person       TEXT    NULL,
    actor_organisation TEXT    NULL,
    action             TEXT    NOT NULL,
    subject            TEXT    NULL,
    detail             TEXT    NULL,
    PRIMARY KEY (owner, sequence)
) WITHOUT ROWID;

-- Erasing an account rewrites the lines that name the person, as actor or as subject.
CREATE INDEX IF NOT EXISTS ix_networkhub_audit_actor_person ON networkhub_audit (actor_person) WHERE actor_person IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_networkhub_audit_subject ON networkhub_audit (subject) WHERE subject IS NOT NULL;

INSERT INTO networkhub_schema (version, applied_on) VALUES (3, strftime('%Y-%m-%d %H:%M:%f', 'now'))
ON CONFLICT DO NOTHING;
