-- The store several replicas share (docs/operations.md, "Several replicas"). Flyway applies this at start-up.

-- Syncs (docs/api.md §8): the sync as the API shows it, plus the columns the service queries by.
CREATE TABLE sync_record (
    id          uuid PRIMARY KEY,
    environment text        NOT NULL,
    status      text        NOT NULL,
    started_at  timestamptz NOT NULL,
    record      jsonb       NOT NULL
);
CREATE INDEX sync_record_environment ON sync_record (environment, started_at DESC);

-- One running sync per environment across replicas: the replica running it renews expires_at while it runs; a lease
-- past expires_at belongs to a replica that died, and its sync is FAILED sync-interrupted (docs/api.md §12).
CREATE TABLE sync_lease (
    environment text PRIMARY KEY,
    sync_id     uuid        NOT NULL,
    owner       text        NOT NULL,
    expires_at  timestamptz NOT NULL
);

-- A snapshot's named parts ("lines", "keys", ...), each the gzip bytes exactly as the file store keeps them, cut into
-- chunks of a few MiB: a snapshot is a handful of rows, not one per object. Already compressed, so stored as is.
CREATE TABLE snapshot_chunk (
    sync_id uuid    NOT NULL,
    part    text    NOT NULL,
    seq     integer NOT NULL,
    data    bytea   NOT NULL,
    PRIMARY KEY (sync_id, part, seq)
);
ALTER TABLE snapshot_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

-- A snapshot is visible only once this row exists: written at commit, after every chunk, in one transaction.
CREATE TABLE snapshot (
    sync_id      uuid PRIMARY KEY,
    lines        bigint      NOT NULL,
    bytes        bigint      NOT NULL,
    gzip_bytes   bigint      NOT NULL,
    committed_at timestamptz NOT NULL DEFAULT now()
);

-- The audit trail (docs/audit.md): one row per change attempt, in the order they were recorded.
CREATE TABLE audit_event (
    seq                  bigserial PRIMARY KEY,
    occurred_at          timestamptz NOT NULL,
    environment          text        NOT NULL,
    action               text        NOT NULL,
    grant_id             text,
    resource_id          uuid,
    principal_id         uuid,
    outcome              text        NOT NULL,
    status               integer,
    caller_subject       text        NOT NULL,
    caller_client        text,
    dataverse_request_id text,
    correlation_id       text        NOT NULL UNIQUE,
    duration_millis      bigint      NOT NULL,
    reason               text
);
CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX audit_event_principal ON audit_event (principal_id, seq);
CREATE INDEX audit_event_resource ON audit_event (resource_id, seq);
