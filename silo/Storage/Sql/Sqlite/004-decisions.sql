-- The decision register: adopted motions, numbered per committee and year (SC-2026-014), written once and never
-- changed. The meeting's motion id is unique per committee, so recording the same decision twice finds the first;
-- (committee, year, sequence) is the key, so two writers can never take the same number. Ids and the motion's own
-- words only, never a person. Safe to run any number of times.

CREATE TABLE IF NOT EXISTS networkhub_decisions
(
    committee       TEXT    NOT NULL,
    year            INTEGER NOT NULL,
    sequence        INTEGER NOT NULL,
    number          TEXT    NOT NULL,
    meeting         TEXT    NOT NULL,
    motion          TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    outcome         TEXT    NOT NULL,
    method          TEXT    NOT NULL,
    total_yes       INTEGER NOT NULL,
    total_no        INTEGER NOT NULL,
    total_abstain   INTEGER NOT NULL,
    present         INTEGER NOT NULL,
    voting          INTEGER NOT NULL,
    quorum_required INTEGER NOT NULL,
    quorum_met      INTEGER NOT NULL,
    ballot          TEXT    NOT NULL,
    -- Title and text in lower case (see DecisionRegister): what the register's search reads.
    search          TEXT    NOT NULL,
    decided_at      TEXT    NOT NULL,
    PRIMARY KEY (committee, year, sequence)
) WITHOUT ROWID;

CREATE UNIQUE INDEX IF NOT EXISTS ux_networkhub_decisions_motion ON networkhub_decisions (committee, motion);
CREATE UNIQUE INDEX IF NOT EXISTS ux_networkhub_decisions_number ON networkhub_decisions (committee, number);

INSERT INTO networkhub_schema (version, applied_on) VALUES (4, strftime('%Y-%m-%d %H:%M:%f', 'now'))
ON CONFLICT DO NOTHING;
