-- Audit lines older than the window a space or live session keeps in its own state (the last 1,000). A line is
-- written here before the state write that drops it from the window, so it is always in one place or both; the key
-- (owner, sequence) makes writing it twice harmless. Ids only, never names. Safe to run any number of times.

-- Same lock as 001: silos or migrations running this at once wait for each other.
SELECT pg_advisory_xact_lock(7236154001);

CREATE TABLE IF NOT EXISTS networkhub_audit (
    owner              varchar(100) NOT NULL,
    sequence           bigint       NOT NULL,
    at                 timestamptz  NOT NULL,
    actor_person       uuid         NULL,
    actor_organisation uuid         NULL,
    action             varchar(100) NOT NULL,
    subject            uuid         NULL,
    detail             text         NULL,
    PRIMARY KEY (owner, sequence)
);

-- Erasing an account rewrites the lines that name the person, as actor or as subject.
CREATE INDEX IF NOT EXISTS ix_networkhub_audit_actor_person ON networkhub_audit (actor_person) WHERE actor_person IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_networkhub_audit_subject ON networkhub_audit (subject) WHERE subject IS NOT NULL;

INSERT INTO networkhub_schema (version) VALUES (3) ON CONFLICT DO NOTHING;
