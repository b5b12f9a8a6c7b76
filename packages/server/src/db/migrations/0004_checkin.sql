-- Check-in (issue 6): the facility's published technical classification, clinics, BHYT cards as read
-- at the desk, per-queue ticket counters, and check-ins with their XML0 record and queue ticket.
-- One dialect (PostgreSQL); runs unchanged on PGlite and PostgreSQL 15+.

-- What the BHYT route rules need about a facility (Luật KCB 15/2023, NĐ 188/2025 Đ35 k2 e: facilities
-- publish their level and score). NULL = not declared: the benefit rules then assume a value from the
-- facility's level and say so in a warning.
ALTER TABLE facility
  ADD COLUMN technical_level text CHECK (technical_level IN ('ban_dau', 'co_ban', 'chuyen_sau')),
  ADD COLUMN technical_score numeric(5, 2) CHECK (technical_score >= 0 AND technical_score <= 100),
  ADD COLUMN former_level    text CHECK (former_level IN ('central', 'provincial', 'district', 'commune'));

-- A facility's clinics (phòng khám): each has its own queue. A facility without rows here uses the
-- default catalogue for its level (checkin/clinics.ts).
CREATE TABLE clinic (
  facility_code       text    NOT NULL REFERENCES facility (code),
  code                text    NOT NULL CHECK (code ~ '^[A-Z0-9]{1,10}$'),
  name                text    NOT NULL,
  name_en             text,
  service_code        text,             -- MA_DICH_VU of the examination (first chargeable item, XML0)
  service_name        text,
  minutes_per_patient integer NOT NULL DEFAULT 6 CHECK (minutes_per_patient BETWEEN 1 AND 120),
  sort_order          integer NOT NULL DEFAULT 0,
  active              boolean NOT NULL DEFAULT true,
  PRIMARY KEY (facility_code, code)
);

-- BHYT cards as read at check-in: the card QR carries what person_identifier has no room for
-- (registered facility MA_DKBD, 5-consecutive-years date). No unique key on (person_id, code) so that
-- merging two persons (persons/owned-tables.ts) can never conflict; the newest `seen_at` wins.
CREATE TABLE bhyt_card (
  person_id             uuid        NOT NULL REFERENCES person (id),
  id                    uuid        NOT NULL DEFAULT gen_random_uuid(),
  code                  text        NOT NULL,
  valid_from            date,
  valid_to              date,
  initial_facility_code text,
  five_years_from       date,
  source                text        NOT NULL,   -- qr | typed
  seen_at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE INDEX bhyt_card_person_code_idx ON bhyt_card (person_id, code);

-- One row per queue (facility + clinic + Vietnam calendar day): the last ticket issued and the last
-- called. A ticket is numbered by incrementing `last_number` in the same statement that stores the
-- check-in, so concurrent check-ins get distinct consecutive numbers.
CREATE TABLE queue_counter (
  facility_code  text        NOT NULL REFERENCES facility (code),
  clinic_code    text        NOT NULL,
  day            date        NOT NULL,
  last_number    integer     NOT NULL DEFAULT 0,
  serving_number integer     NOT NULL DEFAULT 0,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_code, clinic_code, day)
);

-- A check-in: who, where, which queue ticket, the BHYT assessment shown at the desk, and the XML0
-- record (QĐ 130/4750 Bảng check-in) exportable as XML. A care relationship source (auth/care-sources.ts).
CREATE TABLE checkin (
  person_id      uuid        NOT NULL REFERENCES person (id),
  id             uuid        NOT NULL,
  facility_code  text        NOT NULL REFERENCES facility (code),
  clinic_code    text        NOT NULL,
  day            date        NOT NULL,          -- Vietnam calendar day of the visit
  ticket_number  integer     NOT NULL CHECK (ticket_number > 0),
  checked_in_at  timestamptz NOT NULL,
  status         text        NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'called')),
  called_at      timestamptz,
  visit_kind     text        NOT NULL CHECK (visit_kind IN ('outpatient', 'inpatient', 'emergency')),
  has_referral   boolean     NOT NULL DEFAULT false,
  input_kind     text        NOT NULL,
  card_code      text,
  card_status    text,
  self_pay       boolean     NOT NULL DEFAULT false,
  eligibility    jsonb,
  xml0           jsonb       NOT NULL,
  created_by     text        NOT NULL,
  PRIMARY KEY (person_id, id),
  -- The same person at the same clinic on the same day holds one ticket (idempotent check-in).
  CONSTRAINT checkin_one_ticket_per_person UNIQUE (facility_code, clinic_code, day, person_id),
  CONSTRAINT checkin_ticket_unique UNIQUE (facility_code, clinic_code, day, ticket_number)
);
CREATE UNIQUE INDEX checkin_id_idx ON checkin (id);
CREATE INDEX checkin_care_idx ON checkin (person_id, facility_code, checked_in_at DESC);
CREATE INDEX checkin_called_idx ON checkin (facility_code, clinic_code, day, called_at) WHERE called_at IS NOT NULL;
