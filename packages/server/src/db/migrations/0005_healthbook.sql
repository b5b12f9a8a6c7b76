-- Health book and FHIR R4 (issue 4). FHIR is a view over the canonical model: XML 130 episodes
-- (0003) are read as they are; what arrives through FHIR and has no XML 130 home is kept here in
-- typed tables (history: allergies, conditions, observations such as blood group, height, weight,
-- smoking; immunisations; encounters and their medication requests and procedures from other
-- systems; documents; devices), plus the directory of external organisations and practitioners,
-- and the Bulk Data export jobs. One dialect (PostgreSQL); runs unchanged on PGlite and PostgreSQL 15+.
-- Person-centred tables carry person_id first in their primary key (distribution key); FHIR ids are
-- unique per type (the store enforces it, a move between persons deletes the old row first).
-- Codings are stored as jsonb arrays of {system, code, display}; FHIR dates keep their precision as
-- text (`2021`, `2021-01-29`, `2021-01-29T08:00:00+07:00`).

-- Reads by FHIR id (Encounter/{id}, and the resources derived from an episode) need the episode by id.
CREATE INDEX episode_id_idx ON episode (id);

-- Identifiers of a person that the registry has no system for (e.g. another system's MRN), as
-- received through FHIR, so that every imported Patient is findable by its identifiers.
CREATE TABLE person_fhir_identifier (
  person_id  uuid        NOT NULL REFERENCES person (id),
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  system     text        NOT NULL,
  value      text        NOT NULL,
  type_code  text,                      -- Identifier.type (v2-0203: MR, SS, DL …)
  source     text        NOT NULL,      -- fhir
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE INDEX person_fhir_identifier_value_idx ON person_fhir_identifier (value);

-- A Patient id chosen by a FHIR client that is not a platform id (PUT Patient/{id} update-as-create).
CREATE TABLE person_fhir_alias (
  person_id  uuid        NOT NULL REFERENCES person (id),
  alias      text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, alias)
);
CREATE UNIQUE INDEX person_fhir_alias_idx ON person_fhir_alias (alias);

-- Vital status (Patient.deceased[x]) as received; the newest row wins.
CREATE TABLE person_vital_status (
  person_id   uuid        NOT NULL REFERENCES person (id),
  id          uuid        NOT NULL DEFAULT gen_random_uuid(),
  deceased    boolean     NOT NULL,
  deceased_at text,                     -- FHIR dateTime
  source      text        NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);

-- External organisations, locations, practitioners and their roles (not the province's facility
-- registry: an Organization with a facility-code identifier IS a facility and is not kept here).
CREATE TABLE directory_entry (
  kind            text        NOT NULL CHECK (kind IN ('Organization', 'Location', 'Practitioner', 'PractitionerRole')),
  id              text        NOT NULL,
  name            text,
  identifier_keys text[]      NOT NULL DEFAULT '{}',   -- 'system|value' and '|value', for search
  identifiers     jsonb       NOT NULL DEFAULT '[]',
  active          boolean,
  part_of         text,                               -- Organization.partOf / Location.managingOrganization / PractitionerRole.organization (id)
  practitioner_id text,                               -- PractitionerRole.practitioner (id)
  details         jsonb       NOT NULL DEFAULT '{}',   -- telecom, address, gender, type, codes, specialty, position …
  source          text        NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, id)
);
CREATE INDEX directory_entry_identifier_idx ON directory_entry USING gin (identifier_keys);
CREATE INDEX directory_entry_name_idx ON directory_entry (kind, lower(name));

-- Encounters received through FHIR (XML 130 episodes are in `episode`).
CREATE TABLE hb_encounter (
  person_id            uuid        NOT NULL REFERENCES person (id),
  id                   text        NOT NULL,
  status               text        NOT NULL,
  class_code           text,
  type_coding          jsonb       NOT NULL DEFAULT '[]',
  type_text            text,
  period_start         timestamptz,
  period_end           timestamptz,
  reason               jsonb       NOT NULL DEFAULT '[]',   -- [{coding, text}]
  facility_code        text,                                -- when the service provider is a facility of the registry
  organization_id      text,                                -- directory_entry Organization
  organization_display text,
  practitioner_ids     text[]      NOT NULL DEFAULT '{}',
  location_display     text,
  identifiers          jsonb       NOT NULL DEFAULT '[]',
  source               text        NOT NULL,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE INDEX hb_encounter_id_idx ON hb_encounter (id);
CREATE INDEX hb_encounter_person_time_idx ON hb_encounter (person_id, period_start DESC);

-- Conditions: encounter diagnoses and problem-list items (chronic conditions, disabilities) and
-- family history (category 'family-history', relationship set).
CREATE TABLE hb_condition (
  person_id           uuid        NOT NULL REFERENCES person (id),
  id                  text        NOT NULL,
  encounter_id        text,
  category            text,                 -- encounter-diagnosis | problem-list-item | health-concern | disability | family-history
  coding              jsonb       NOT NULL DEFAULT '[]',
  code_text           text,
  clinical_status     text,
  verification_status text,
  severity            text,
  onset               text,
  abatement           text,
  recorded            text,
  relationship        text,                 -- family history: mother, father, sibling …
  note                text,
  source              text        NOT NULL,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE INDEX hb_condition_id_idx ON hb_condition (id);

-- Observations: vital signs (height, weight, blood pressure), laboratory, social history (smoking,
-- alcohol), blood group.
CREATE TABLE hb_observation (
  person_id       uuid        NOT NULL REFERENCES person (id),
  id              text        NOT NULL,
  encounter_id    text,
  status          text        NOT NULL,
  category        text,
  coding          jsonb       NOT NULL DEFAULT '[]',
  code_text       text,
  effective       text,
  issued          text,
  value_quantity  numeric,
  value_unit      text,
  value_ucum      text,
  value_coding    jsonb,
  value_string    text,
  components      jsonb       NOT NULL DEFAULT '[]',   -- [{coding, value, unit, ucum}]
  interpretation  text,
  reference_range text,
  source          text        NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE INDEX hb_observation_id_idx ON hb_observation (id);

CREATE TABLE hb_immunization (
  person_id         uuid        NOT NULL REFERENCES person (id),
  id                text        NOT NULL,
  encounter_id      text,
  status            text        NOT NULL,
  vaccine_coding    jsonb       NOT NULL DEFAULT '[]',
  vaccine_text      text,
  occurrence        text,
  primary_source    boolean,
  lot_number        text,
  dose_number       text,
  performer_display text,
  facility_code     text,
  location_display  text,
  source            text        NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE INDEX hb_immunization_id_idx ON hb_immunization (id);

CREATE TABLE hb_allergy (
  person_id           uuid        NOT NULL REFERENCES person (id),
  id                  text        NOT NULL,
  clinical_status     text,
  verification_status text,
  type                text,
  categories          text[]      NOT NULL DEFAULT '{}',
  criticality         text,
  coding              jsonb       NOT NULL DEFAULT '[]',
  code_text           text,
  onset               text,
  recorded            text,
  reactions           jsonb       NOT NULL DEFAULT '[]',   -- [{manifestation: [{coding, text}], severity}]
  note                text,
  source              text        NOT NULL,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE INDEX hb_allergy_id_idx ON hb_allergy (id);

CREATE TABLE hb_medication_request (
  person_id         uuid        NOT NULL REFERENCES person (id),
  id                text        NOT NULL,
  encounter_id      text,
  status            text        NOT NULL,
  intent            text        NOT NULL,
  category          text,
  coding            jsonb       NOT NULL DEFAULT '[]',
  code_text         text,
  authored_on       text,
  requester_id      text,
  requester_display text,
  reason            jsonb       NOT NULL DEFAULT '[]',
  dosage            jsonb       NOT NULL DEFAULT '[]',   -- Dosage[] as received (structured dosing has no XML 130 home)
  dosage_text       text,
  source            text        NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE INDEX hb_medication_request_id_idx ON hb_medication_request (id);

CREATE TABLE hb_procedure (
  person_id        uuid        NOT NULL REFERENCES person (id),
  id               text        NOT NULL,
  encounter_id     text,
  status           text        NOT NULL,
  coding           jsonb       NOT NULL DEFAULT '[]',
  code_text        text,
  performed_start  text,
  performed_end    text,
  location_display text,
  reason           jsonb       NOT NULL DEFAULT '[]',
  source           text        NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE INDEX hb_procedure_id_idx ON hb_procedure (id);

CREATE TABLE hb_document (
  person_id         uuid        NOT NULL REFERENCES person (id),
  id                text        NOT NULL,
  status            text        NOT NULL,
  doc_status        text,
  type_coding       jsonb       NOT NULL DEFAULT '[]',
  category_coding   jsonb       NOT NULL DEFAULT '[]',
  date              text,
  author_display    text,
  custodian_display text,
  description       text,
  encounter_ids     text[]      NOT NULL DEFAULT '{}',
  attachments       jsonb       NOT NULL DEFAULT '[]',   -- [{contentType, language, data, url, title, size, creation}]
  source            text        NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE INDEX hb_document_id_idx ON hb_document (id);

CREATE TABLE hb_device (
  person_id           uuid        NOT NULL REFERENCES person (id),
  id                  text        NOT NULL,
  status              text,
  type_coding         jsonb       NOT NULL DEFAULT '[]',
  type_text           text,
  device_name         text,
  udi_di              text,
  udi_carrier         text,
  distinct_identifier text,
  manufacture_date    text,
  expiration_date     text,
  lot_number          text,
  serial_number       text,
  source              text        NOT NULL,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE INDEX hb_device_id_idx ON hb_device (id);

-- Bulk Data $export: one job per kick-off, worked by an in-process worker (SKIP LOCKED, so several
-- servers share the queue); the NDJSON output is stored in parts (a file of the manifest is one part).
CREATE TABLE fhir_export_job (
  id            uuid        PRIMARY KEY,
  level         text        NOT NULL CHECK (level IN ('system', 'group', 'patient')),
  group_id      text,
  types         text[]      NOT NULL,
  since         timestamptz,
  status        text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  request_url   text        NOT NULL,
  requester     jsonb       NOT NULL,   -- the audit actor: kind, id, name, roles, facilityCode
  person_scope  uuid[],                 -- patient level for a facility: the persons it may export (null = all)
  persons_done  integer     NOT NULL DEFAULT 0,
  persons_total integer,
  error         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  expires_at    timestamptz,
  worker        text,
  heartbeat_at  timestamptz
);
CREATE INDEX fhir_export_job_queue_idx ON fhir_export_job (status, created_at);

CREATE TABLE fhir_export_file (
  job_id        uuid        NOT NULL REFERENCES fhir_export_job (id) ON DELETE CASCADE,
  seq           integer     NOT NULL,
  resource_type text        NOT NULL,
  count         integer     NOT NULL,
  content       text        NOT NULL,   -- NDJSON
  PRIMARY KEY (job_id, seq)
);

-- A version per person, bumped by every write to what the book and the FHIR view show, so that an
-- assembled book can be cached and reused while the version is unchanged (healthbook/cache.ts).
-- Statement-level triggers: one upsert per statement, whatever the number of rows. Episode lines and
-- documents change only with their episode (episodes/store.ts replaces them together), so the
-- episode table stands for them. Not a person-owned table: a merge bumps the survivor through the
-- triggers of the rows it moves.
CREATE TABLE person_record_version (
  person_id  uuid        PRIMARY KEY,
  version    bigint      NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION person_record_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_record_version AS v (person_id)
    SELECT DISTINCT person_id FROM changed_rows WHERE person_id IS NOT NULL ORDER BY person_id
  ON CONFLICT (person_id) DO UPDATE SET version = v.version + 1, updated_at = now();
  RETURN NULL;
END $$;

CREATE FUNCTION person_record_version_bump_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_record_version AS v (person_id)
    SELECT DISTINCT id FROM changed_rows ORDER BY id
  ON CONFLICT (person_id) DO UPDATE SET version = v.version + 1, updated_at = now();
  RETURN NULL;
END $$;

CREATE TRIGGER person_record_version_upd AFTER UPDATE ON person REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_record_version_bump_person();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['episode', 'person_identifier', 'bhyt_card', 'person_fhir_identifier', 'person_fhir_alias',
      'person_vital_status', 'hb_encounter', 'hb_condition', 'hb_observation', 'hb_immunization', 'hb_allergy',
      'hb_medication_request', 'hb_procedure', 'hb_document', 'hb_device'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION person_record_version_bump()', t || '_version_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION person_record_version_bump()', t || '_version_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION person_record_version_bump()', t || '_version_del', t);
  END LOOP;
END $$;
