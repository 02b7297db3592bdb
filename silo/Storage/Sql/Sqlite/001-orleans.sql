-- Orleans ADO.NET persistence and reminders on SQLite, for the embedded (single-process) mode.
-- Written for NetworkHub from the provider contract; safe to run on every start.
-- Each query text is a single statement (or statements that cannot interleave harmfully), because
-- Orleans runs every query on its own connection without a transaction.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL,
    Version                INTEGER NULL
);

-- The provider leaves uniqueness to its queries; the index makes a duplicate logical row impossible
-- even if two first writes race. IFNULL folds the nullable extension so NULLs compare equal.
CREATE UNIQUE INDEX IF NOT EXISTS IX_OrleansStorage_Identity ON OrleansStorage
    (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString, IFNULL(GrainIdExtensionString, ''), ServiceId);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey',
'SELECT PayloadBinary, Version FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS @GrainIdExtensionString AND ServiceId = @ServiceId
 LIMIT 1;'),
-- Exactly one of the two statements can change a row: the update when a version is known, the insert when
-- none is. Each returns the new version through RETURNING, so success yields one row and a conflict none.
('WriteToStorageKey',
'UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, ModifiedOn = strftime(''%Y-%m-%d %H:%M:%f'', ''now''), Version = Version + 1
  WHERE @GrainStateVersion IS NOT NULL
    AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS @GrainIdExtensionString AND ServiceId = @ServiceId
    AND Version = @GrainStateVersion
 RETURNING Version AS NewGrainStateVersion;
 INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                             GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
 SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @PayloadBinary, strftime(''%Y-%m-%d %H:%M:%f'', ''now''), 1
  WHERE @GrainStateVersion IS NULL
 ON CONFLICT DO NOTHING
 RETURNING Version AS NewGrainStateVersion;'),
('ClearStorageKey',
'UPDATE OrleansStorage
    SET PayloadBinary = NULL, ModifiedOn = strftime(''%Y-%m-%d %H:%M:%f'', ''now''), Version = Version + 1
  WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS @GrainIdExtensionString AND ServiceId = @ServiceId
    AND Version = @GrainStateVersion
 RETURNING Version;'),
('DeleteStorageKey',
'DELETE FROM OrleansStorage
  WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS @GrainIdExtensionString AND ServiceId = @ServiceId
    AND Version = @GrainStateVersion
 RETURNING Version + 1;')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    TEXT    NOT NULL,
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    StartTime    TEXT    NOT NULL,
    Period       INTEGER NOT NULL,
    GrainHash    INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS IX_OrleansRemindersTable_Hash ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpsertReminderRowKey',
'INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
 VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
 ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
    SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
        Version = OrleansRemindersTable.Version + 1
 RETURNING Version;'),
('ReadReminderRowsKey',
'SELECT GrainId, ReminderName, StartTime, Period, Version FROM OrleansRemindersTable
  WHERE ServiceId = @ServiceId AND GrainId = @GrainId;'),
('ReadReminderRowKey',
'SELECT GrainId, ReminderName, StartTime, Period, Version FROM OrleansRemindersTable
  WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;'),
('ReadRangeRows1Key',
'SELECT GrainId, ReminderName, StartTime, Period, Version FROM OrleansRemindersTable
  WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;'),
('ReadRangeRows2Key',
'SELECT GrainId, ReminderName, StartTime, Period, Version FROM OrleansRemindersTable
  WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);'),
-- changes() reads the count of the DELETE just before it on the same connection.
('DeleteReminderRowKey',
'DELETE FROM OrleansRemindersTable
  WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version;
 SELECT changes();'),
('DeleteReminderRowsKey',
'DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

CREATE TABLE IF NOT EXISTS networkhub_schema
(
    version    INTEGER NOT NULL PRIMARY KEY,
    applied_on TEXT    NOT NULL
);

INSERT INTO networkhub_schema (version, applied_on) VALUES (1, strftime('%Y-%m-%d %H:%M:%f', 'now'))
ON CONFLICT DO NOTHING;
