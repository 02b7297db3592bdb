-- The same table as PostgreSQL's 002, so both providers are at the same schema version and an export from a
-- cluster (which includes its Data Protection keys) can be imported here and back without losing rows. The
-- embedded mode itself keeps its keys where ASP.NET Core puts them by default.

CREATE TABLE IF NOT EXISTS networkhub_data_protection_keys
(
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT    NOT NULL,
    xml           TEXT    NOT NULL,
    created_on    TEXT    NOT NULL
);

INSERT INTO networkhub_schema (version, applied_on) VALUES (2, strftime('%Y-%m-%d %H:%M:%f', 'now'))
ON CONFLICT DO NOTHING;
