-- Orleans 10.4.2 ADO.NET providers on PostgreSQL 15+: grain persistence, clustering, reminders.
-- Written from the documented 10.4.2 provider contract, not copied from upstream scripts.
--
-- Safe to run any number of times: objects are created if missing and every query text is rewritten,
-- so a re-run is how a changed query text reaches the database. Identifiers are unquoted (stored
-- lower-case); Npgsql matches result columns case-insensitively. Orleans binds parameters by name and the
-- texts refer to them as @Name. Orleans never opens a transaction, so each text is atomic on its own:
-- one statement, or one call of a function below.

-- Two silos starting at once may both run this script. Inside a transaction (how the migrator runs it)
-- this lock makes the second wait instead of racing on CREATE ... IF NOT EXISTS; outside one it is a no-op.
-- The number is arbitrary and used nowhere else.
SELECT pg_advisory_xact_lock(7236154001);

CREATE TABLE IF NOT EXISTS networkhub_schema (
    version    integer     PRIMARY KEY,
    applied_on timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64)   PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

-- ---------------------------------------------------------------------------------------------------
-- Persistence
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS OrleansStorage (
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512),
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea,
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer
);

CREATE INDEX IF NOT EXISTS ix_orleansstorage_hashes
    ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- The hashes are not unique, so the logical key is every identity column. Without this index two
-- activations racing on a first write could both insert and the grain would have two rows. NULLS NOT
-- DISTINCT because integer- and GUID-keyed grains have a NULL extension and must still collide.
-- (The btree entry limit, ~2.7 kB, caps extension + state name + service id; ASCII keys are far below it.)
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_identity
    ON OrleansStorage (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString,
                       GrainIdExtensionString, ServiceId)
    NULLS NOT DISTINCT;

-- Returns the new version, or NULL on a version conflict (Orleans turns NULL into InconsistentStateException).
CREATE OR REPLACE FUNCTION networkhub_write_storage(
    p_grain_id_hash              integer,
    p_grain_id_n0                bigint,
    p_grain_id_n1                bigint,
    p_grain_type_hash            integer,
    p_grain_type_string          varchar,
    p_grain_id_extension_string  varchar,
    p_service_id                 varchar,
    p_grain_state_version        integer,
    p_payload_binary             bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    new_version integer;
BEGIN
    IF p_grain_state_version IS NULL THEN
        -- The grain believes nothing is stored. If a row exists (or a racing insert commits first) the
        -- unique index makes this a silent no-op rather than an error, which reports as a conflict.
        INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                                    GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type_string,
                p_grain_id_extension_string, p_service_id, p_payload_binary, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING Version INTO new_version;
    ELSE
        -- Under READ COMMITTED a concurrent writer's update makes PostgreSQL re-check the WHERE clause
        -- against the committed row, so only one of two writers holding the same version succeeds.
        UPDATE OrleansStorage
           SET PayloadBinary = p_payload_binary, ModifiedOn = now(), Version = Version + 1
         WHERE GrainIdHash = p_grain_id_hash
           AND GrainTypeHash = p_grain_type_hash
           AND GrainIdN0 = p_grain_id_n0
           AND GrainIdN1 = p_grain_id_n1
           AND GrainTypeString = p_grain_type_string
           AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension_string
           AND ServiceId = p_service_id
           AND Version = p_grain_state_version
        RETURNING Version INTO new_version;
    END IF;
    RETURN new_version;
END
$$;

-- Clear and delete always return exactly one row, NULL on conflict: an older provider build treats
-- "no row" as success, NULL is a conflict everywhere. IS NOT DISTINCT FROM is not indexable, but the
-- equality columns before it already narrow the index scan to one row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', $q$
SELECT networkhub_write_storage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                                @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
       AS NewGrainStateVersion
$q$),
('ReadFromStorageKey', $q$
SELECT PayloadBinary, Version
  FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
   AND ServiceId = @ServiceId
$q$),
('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE OrleansStorage
       SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND ServiceId = @ServiceId
       AND Version = @GrainStateVersion
    RETURNING Version)
SELECT (SELECT Version FROM cleared) AS NewGrainStateVersion
$q$),
('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM OrleansStorage
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND ServiceId = @ServiceId
       AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewVersion)
SELECT (SELECT NewVersion FROM deleted) AS NewGrainStateVersion
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- ---------------------------------------------------------------------------------------------------
-- Clustering
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable (
    DeploymentId varchar(150)   PRIMARY KEY,
    Timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    Version      integer        NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable (
    DeploymentId varchar(150)   NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      varchar(45)    NOT NULL,
    Port         integer        NOT NULL,
    Generation   integer        NOT NULL,
    SiloName     varchar(150)   NOT NULL,
    HostName     varchar(150)   NOT NULL,
    Status       integer        NOT NULL,
    ProxyPort    integer        NOT NULL,
    SuspectTimes varchar(8000),
    StartTime    timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Both membership writers take the version row lock first and check the version under it. A writer
-- that read the same version waits, then sees the bumped version and fails; the member change and the
-- bump therefore happen together or not at all, and nothing is changed before the last check passes.
CREATE OR REPLACE FUNCTION networkhub_insert_membership(
    p_deployment_id   varchar,
    p_address         varchar,
    p_port            integer,
    p_generation      integer,
    p_silo_name       varchar,
    p_host_name       varchar,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM 1
       FROM OrleansMembershipVersionTable
      WHERE DeploymentId = p_deployment_id AND Version = p_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName,
                                        Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
            p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1, Timestamp = now()
     WHERE DeploymentId = p_deployment_id;
    RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION networkhub_update_membership(
    p_deployment_id   varchar,
    p_address         varchar,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   varchar,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM 1
       FROM OrleansMembershipVersionTable
      WHERE DeploymentId = p_deployment_id AND Version = p_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipTable
       SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_i_am_alive_time
     WHERE DeploymentId = p_deployment_id
       AND Address = p_address AND Port = p_port AND Generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1, Timestamp = now()
     WHERE DeploymentId = p_deployment_id;
    RETURN true;
END
$$;

-- Reads are single statements, so the version and the members come from one snapshot; the version row
-- is the driving table so a cluster without members still yields its version (NULL StartTime = no member).
-- I-am-alive never moves the time backwards, so a delayed heartbeat cannot make a live silo look older.
-- Bulk cleanup only removes Dead silos: 10.4.2 calls the per-row key instead whenever it exists, and a
-- silo stuck in another state must be declared dead by the membership protocol first.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM created) AS Created
$q$),
('InsertMembershipKey', $q$
SELECT networkhub_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS Inserted
$q$),
('UpdateMembershipKey', $q$
SELECT networkhub_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                                    @IAmAliveTime, @Version) AS Updated
$q$),
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
   SET IAmAliveTime = @IAmAliveTime
 WHERE DeploymentId = @DeploymentId
   AND Address = @Address AND Port = @Port AND Generation = @Generation
   AND IAmAliveTime < @IAmAliveTime
$q$),
('MembershipReadRowKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
  FROM OrleansMembershipVersionTable v
  LEFT JOIN OrleansMembershipTable m
         ON m.DeploymentId = v.DeploymentId
        AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
 WHERE v.DeploymentId = @DeploymentId
$q$),
('MembershipReadAllKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
  FROM OrleansMembershipVersionTable v
  LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
 WHERE v.DeploymentId = @DeploymentId
$q$),
('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
  FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$q$),
('DeleteMembershipTableEntriesKey', $q$
WITH members AS (
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId)
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
$q$),
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId
   AND Status = 6
   AND StartTime < @IAmAliveTime
   AND IAmAliveTime < @IAmAliveTime
$q$),
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId
   AND Address = @Address AND Port = @Port AND Generation = @Generation
   AND Status = 6
   AND StartTime = @StartTime
   AND IAmAliveTime = @IAmAliveTime
   AND SuspectTimes IS NOT DISTINCT FROM @SuspectTimes
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- ---------------------------------------------------------------------------------------------------
-- Reminders
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS OrleansRemindersTable (
    ServiceId    varchar(150)   NOT NULL,
    GrainId      varchar(150)   NOT NULL,
    ReminderName varchar(150)   NOT NULL,
    StartTime    timestamptz(3) NOT NULL,
    Period       bigint         NOT NULL,
    GrainHash    integer        NOT NULL,
    Version      integer        NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Every silo reads its hash range of reminders periodically.
CREATE INDEX IF NOT EXISTS ix_orleansreminderstable_hash
    ON OrleansRemindersTable (ServiceId, GrainHash);

-- Period arrives as int4 or, above ~24.8 days, int8; the cast keeps the statement's type fixed.
-- Hashes are unsigned values bound as signed int4, and Orleans picks the range key by comparing them as
-- signed, so the comparisons below are on the signed column on purpose.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpsertReminderRowKey', $q$
INSERT INTO OrleansRemindersTable AS r (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, CAST(@Period AS bigint), @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
   SET StartTime = excluded.StartTime,
       Period = excluded.Period,
       GrainHash = excluded.GrainHash,
       Version = r.Version + 1
RETURNING Version
$q$),
('ReadReminderRowsKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$q$),
('ReadReminderRowKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$q$),
('ReadRangeRows1Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$q$),
('ReadRangeRows2Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$q$),
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
       AND Version = @Version
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM deleted) AS Deleted
$q$),
('DeleteReminderRowsKey', $q$
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO networkhub_schema (version) VALUES (1) ON CONFLICT DO NOTHING;
