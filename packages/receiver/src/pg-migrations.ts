// The PostgreSQL store's schema, as numbered migrations (docs/decisions/0013-postgresql.md). Each runs
// once, in order, inside the start-up transaction that holds the migration lock, and is recorded in
// klarskjema_migrations. Never edit a migration that has been released: add the next number.

export interface Migration {
  /** 1, 2, 3, … without gaps. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'submissions, attachments and the readiness probe',
    sql: `
CREATE TABLE submissions (
  seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key text        NOT NULL,
  reference       text        NOT NULL,
  form_id         text        NOT NULL,
  form_version    text        NOT NULL,
  submission      jsonb       NOT NULL,
  received_at     timestamptz NOT NULL,
  body_digest     text        NOT NULL,
  CONSTRAINT submissions_idempotency_key UNIQUE (idempotency_key),
  CONSTRAINT submissions_reference UNIQUE (reference)
);
CREATE TABLE attachments (
  seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ref           text        NOT NULL,
  form_id       text        NOT NULL,
  submission_id text        NOT NULL,
  document_id   text        NOT NULL,
  file_name     text,
  media_type    text        NOT NULL,
  size          integer     NOT NULL CHECK (size > 0),
  sha256        text        NOT NULL,
  storage_path  text        NOT NULL,
  received_at   timestamptz NOT NULL,
  CONSTRAINT attachments_ref UNIQUE (ref),
  CONSTRAINT attachments_same_content UNIQUE (submission_id, document_id, sha256)
);
-- The sweep looks for old uploads; the receiver for the uploads of one submission.
CREATE INDEX attachments_received_at ON attachments (received_at);
CREATE INDEX attachments_form_submission ON attachments (form_id, submission_id);
CREATE TABLE klarskjema_health (
  id        integer     PRIMARY KEY CHECK (id = 1),
  probed_at timestamptz NOT NULL
);
CREATE TABLE klarskjema_health_probe (
  seq   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bytes bytea  NOT NULL
);`,
  },
  {
    version: 2,
    name: 'the inbox: office and status of each submission, and the append-only access log',
    sql: `
ALTER TABLE submissions ADD COLUMN office text NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN status text NOT NULL DEFAULT 'mottatt'
  CONSTRAINT submissions_status CHECK (status IN ('mottatt', 'under-behandling', 'ferdig'));
ALTER TABLE submissions ADD COLUMN status_changed_at timestamptz;
ALTER TABLE submissions ADD COLUMN status_changed_by text;
CREATE INDEX submissions_office ON submissions (office, received_at DESC);
CREATE TABLE access_log (
  seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL,
  caseworker text        NOT NULL,
  office     text        NOT NULL,
  action     text        NOT NULL CHECK (action IN ('list', 'record', 'attachment', 'status')),
  reference  text,
  detail     text
);
-- Append-only in the database itself: no role that the receiver connects as can change or remove a line.
CREATE FUNCTION klarskjema_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER access_log_no_update_or_delete BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION klarskjema_access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION klarskjema_access_log_append_only();`,
  },
  {
    version: 3,
    name: 'documents sent later: links (a hash of each secret) and what came through them',
    sql: `
ALTER TABLE submissions ADD COLUMN follow_ups integer NOT NULL DEFAULT 0;
CREATE TABLE follow_up_links (
  seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference     text        NOT NULL,
  secret_sha256 text        NOT NULL,
  issued_at     timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX follow_up_links_reference ON follow_up_links (reference);
CREATE TABLE follow_up_events (
  seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference  text        NOT NULL,
  kind       text        NOT NULL CHECK (kind IN ('received', 'not-had')),
  document   text        NOT NULL,
  at         timestamptz NOT NULL,
  attachment text,
  reason     text
);
CREATE INDEX follow_up_events_reference ON follow_up_events (reference, seq);`,
  },
];
