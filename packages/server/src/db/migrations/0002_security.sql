-- Security (issue 5): audit trail, care relationships, consent, refresh tokens, login throttling.
-- One dialect (PostgreSQL); runs unchanged on PGlite and PostgreSQL 15+.

-- Append-only audit trail, hash-chained, partitioned by month of `at` (UTC). Partitions are created
-- ahead at run time (audit/partitions.ts: the current and the next month), never here: a migration
-- cannot know the date it runs on. `seq` is the position in the chain (contiguous from 1).
CREATE TABLE audit_event (
  seq            bigint      NOT NULL,
  at             timestamptz NOT NULL,
  actor_kind     text        NOT NULL,   -- user | apiKey | system | anonymous
  actor_id       text,                   -- user id or API key id
  actor_name     text,                   -- username (never a personal ID: those are masked)
  roles          text[]      NOT NULL,
  facility_code  text,
  person_id      uuid,                   -- the only personal datum an event carries
  action         text        NOT NULL,   -- read | search | create | update | merge | login_failed | break_glass …
  resource_type  text        NOT NULL,
  resource_id    text,
  purpose        text,
  outcome        text        NOT NULL,   -- success | denied | error
  break_glass    boolean     NOT NULL DEFAULT false,
  request_id     text,
  details        jsonb,
  prev_hash      text        NOT NULL,
  hash           text        NOT NULL,
  PRIMARY KEY (seq, at)
) PARTITION BY RANGE (at);
CREATE INDEX audit_event_seq_idx ON audit_event (seq);
CREATE INDEX audit_event_person_idx ON audit_event (person_id, at DESC) WHERE person_id IS NOT NULL;

-- Append-only: rows cannot be changed or removed through SQL (retention drops whole partitions).
-- Tampering that bypasses this (a superuser) is still detected by `suckhoe audit verify`.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- The head of the chain: one row, locked (SELECT … FOR UPDATE) by every append, so appends from
-- any number of connections and servers are serialised and the chain never forks.
CREATE TABLE audit_chain_head (
  id       integer PRIMARY KEY CHECK (id = 1),
  seq      bigint      NOT NULL,
  hash     text        NOT NULL,
  last_at  timestamptz
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

-- Partitions dropped by retention: the last hash of what was dropped, so the rest stays verifiable.
CREATE TABLE audit_checkpoint (
  id           bigserial PRIMARY KEY,
  partition    text        NOT NULL,
  from_seq     bigint      NOT NULL,
  to_seq       bigint      NOT NULL,
  last_hash    text        NOT NULL,
  events       bigint      NOT NULL,
  dropped_at   timestamptz NOT NULL DEFAULT now()
);

-- A care relationship started by hand (registrar/clinician), one of the CARE_SOURCES
-- (auth/care-sources.ts); check-ins, episodes, referrals and appointments add theirs.
CREATE TABLE care_relationship (
  person_id      uuid        NOT NULL REFERENCES person (id),
  id             uuid        NOT NULL DEFAULT gen_random_uuid(),
  facility_code  text        NOT NULL REFERENCES facility (code),
  started_at     timestamptz NOT NULL DEFAULT now(),
  started_by     text        NOT NULL,
  source         text        NOT NULL DEFAULT 'manual',
  PRIMARY KEY (person_id, id)
);
CREATE INDEX care_relationship_lookup_idx ON care_relationship (person_id, facility_code, started_at DESC);

-- A citizen's consent directives: hide one episode, or block one facility from their record.
CREATE TABLE consent_directive (
  person_id    uuid        NOT NULL REFERENCES person (id),
  id           uuid        NOT NULL DEFAULT gen_random_uuid(),
  kind         text        NOT NULL CHECK (kind IN ('hide_episode', 'block_facility')),
  target       text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   text        NOT NULL,
  revoked_at   timestamptz,
  revoked_by   text,
  PRIMARY KEY (person_id, id)
);
CREATE INDEX consent_directive_active_idx ON consent_directive (person_id) WHERE revoked_at IS NULL;

-- Refresh tokens: opaque, stored as SHA-256, rotated on every use; reusing a rotated one revokes
-- its whole family (stolen-token detection).
CREATE TABLE refresh_token (
  id          uuid PRIMARY KEY,
  family_id   uuid        NOT NULL,
  user_id     uuid        NOT NULL REFERENCES app_user (id),
  token_hash  text        NOT NULL,
  amr         text        NOT NULL DEFAULT 'pwd',
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  rotated_at  timestamptz,
  revoked_at  timestamptz
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_idx ON refresh_token (user_id);

-- Login throttling per username (hashed, never the username itself) and per client address.
CREATE TABLE login_throttle (
  key             text PRIMARY KEY,
  failures        integer     NOT NULL DEFAULT 0,
  lock_level      integer     NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  last_failure_at timestamptz NOT NULL DEFAULT now()
);
