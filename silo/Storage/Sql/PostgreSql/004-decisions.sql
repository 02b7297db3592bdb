-- The decision register: adopted motions, numbered per committee and year (SC-2026-014), written once and never
-- changed. The meeting's motion id is unique per committee, so recording the same decision twice finds the first;
-- (committee, year, sequence) is the key, so two writers can never take the same number. Ids and the motion's own
-- words only, never a person. Safe to run any number of times.

-- Same lock as 001: silos or migrations running this at once wait for each other.
SELECT pg_advisory_xact_lock(7236154001);

CREATE TABLE IF NOT EXISTS networkhub_decisions (
    committee       uuid        NOT NULL,
    year            integer     NOT NULL,
    sequence        integer     NOT NULL,
    number          varchar(40) NOT NULL,
    meeting         uuid        NOT NULL,
    motion          uuid        NOT NULL,
    title           text        NOT NULL,
    text            text        NOT NULL,
    outcome         varchar(20) NOT NULL,
    method          varchar(20) NOT NULL,
    total_yes       integer     NOT NULL,
    total_no        integer     NOT NULL,
    total_abstain   integer     NOT NULL,
    present         integer     NOT NULL,
    voting          integer     NOT NULL,
    quorum_required integer     NOT NULL,
    quorum_met      boolean     NOT NULL,
    ballot          varchar(20) NOT NULL,
    -- Title and text in lower case (see DecisionRegister): what the register's search reads.
    search          text        NOT NULL,
    decided_at      timestamptz NOT NULL,
    PRIMARY KEY (committee, year, sequence)
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_networkhub_decisions_motion ON networkhub_decisions (committee, motion);
CREATE UNIQUE INDEX IF NOT EXISTS ux_networkhub_decisions_number ON networkhub_decisions (committee, number);

INSERT INTO networkhub_schema (version) VALUES (4) ON CONFLICT DO NOTHING;
