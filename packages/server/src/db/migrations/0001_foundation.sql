-- Foundation: facilities, users, API keys, the person master index with identifier history.
-- One dialect (PostgreSQL); runs unchanged on PGlite and PostgreSQL 15+.

CREATE TABLE facility (
  code            text PRIMARY KEY,
  name            text NOT NULL,
  level           text NOT NULL,
  province_code   text NOT NULL,
  commune_code    text,
  parent_code     text REFERENCES facility (code),
  status          text NOT NULL DEFAULT 'active',
  accept_unsigned boolean NOT NULL DEFAULT false,
  certificate_pem text,
  certificate_sha256 text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX facility_province_idx ON facility (province_code, level);
CREATE INDEX facility_commune_idx ON facility (commune_code);

CREATE TABLE person (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  personal_id    text UNIQUE,
  full_name      text NOT NULL,
  -- unaccented, lower-case words (Vietnamese diacritics-insensitive, word-order-tolerant search)
  name_tokens    text[] NOT NULL,
  name_key       text NOT NULL,
  birth_date     text NOT NULL,             -- YYYY-MM-DD, or YYYY when only the year is known
  birth_year     integer NOT NULL,
  sex            text NOT NULL DEFAULT 'unknown',
  ethnic_code    text,
  province_code  text,
  commune_code   text,
  address_line   text,
  phone          text,
  status         text NOT NULL DEFAULT 'active',   -- active | merged
  merged_into    uuid REFERENCES person (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_name_tokens_idx ON person USING gin (name_tokens);
CREATE INDEX person_name_key_birth_idx ON person (name_key, birth_year);
CREATE INDEX person_dup_idx ON person (name_key, birth_date, commune_code) WHERE status = 'active';

-- Every identifier a person has carried: personal ID, old CMND, BHYT codes over time, BHXH number,
-- passport, cancelled numbers, temporary newborn codes. person_id leads the key (distribution key).
CREATE TABLE person_identifier (
  person_id   uuid NOT NULL REFERENCES person (id),
  system      text NOT NULL,   -- personalId | cmnd | bhyt | bhxh | passport | cancelledPersonalId | bhytTemp
  value       text NOT NULL,
  valid_from  date,
  valid_to    date,
  status      text NOT NULL DEFAULT 'active',  -- active | cancelled | replaced
  source      text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, system, value)
);
CREATE INDEX person_identifier_value_idx ON person_identifier (value);

-- Explicit merges keep both records: the merged one points at the survivor and its snapshot is kept.
CREATE TABLE person_merge (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survivor_id  uuid NOT NULL REFERENCES person (id),
  merged_id    uuid NOT NULL REFERENCES person (id),
  merged_by    text NOT NULL,
  reason       text,
  snapshot     jsonb NOT NULL,
  merged_at    timestamptz NOT NULL DEFAULT now()
);

-- Pairs a reviewer decided are NOT the same person, so they leave the duplicate queue.
CREATE TABLE person_distinct (
  person_a    uuid NOT NULL REFERENCES person (id),
  person_b    uuid NOT NULL REFERENCES person (id),
  decided_by  text NOT NULL,
  decided_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_a, person_b)
);

CREATE TABLE app_user (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username       text NOT NULL UNIQUE,
  full_name      text NOT NULL,
  password_hash  text NOT NULL,
  roles          text[] NOT NULL,
  facility_code  text REFERENCES facility (code),
  person_id      uuid REFERENCES person (id),
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_key (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  facility_code text NOT NULL REFERENCES facility (code),
  prefix        text NOT NULL UNIQUE,
  key_hash      text NOT NULL,
  label         text,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  last_used_at  timestamptz
);
CREATE INDEX api_key_facility_idx ON api_key (facility_code);
