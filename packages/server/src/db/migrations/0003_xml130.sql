-- XML 130 (issue 3): received envelopes kept unchanged, the canonical episode model and its lines and
-- documents, warnings stored with each episode, and the person review queue of ingest.
-- One dialect (PostgreSQL); runs unchanged on PGlite and PostgreSQL 15+.
-- Person-centred tables carry person_id first in their primary key (distribution key). Child tables have
-- no foreign key to their episode: only episodes/store.ts writes them, in the episode's own transaction.
-- Line and document records are `json` (the normalised record as sent, cheap to write); screens query
-- the typed columns.

-- Every GIAMDINHHS envelope received with at least one stored episode, byte for byte (legal evidence).
-- The bytes are kept in parts of at most 4 MiB (xml_envelope_part) so a 1 GB batch streams in and out.
CREATE TABLE xml_envelope (
  sha256             text        PRIMARY KEY,            -- SHA-256 (hex) of the bytes as received
  facility_code      text        NOT NULL REFERENCES facility (code),  -- THONGTINDONVI/MACSKCB
  received_at        timestamptz NOT NULL DEFAULT now(),
  size_bytes         bigint      NOT NULL,
  hoso_count         integer     NOT NULL,               -- number of HOSO in the envelope
  signed             boolean     NOT NULL,               -- CHUKYDONVI held an XML signature
  signature_verified boolean     NOT NULL,               -- verified against the facility's registered certificate
  certificate_sha256 text,                               -- fingerprint of the certificate it was verified with
  source             text        NOT NULL,               -- api | import
  received_by        text                                -- username / API key label (never a personal ID)
);
CREATE INDEX xml_envelope_facility_idx ON xml_envelope (facility_code, received_at DESC);

CREATE TABLE xml_envelope_part (
  sha256  text    NOT NULL REFERENCES xml_envelope (sha256),
  part    integer NOT NULL,
  bytes   bytea   NOT NULL,
  PRIMARY KEY (sha256, part)
);
-- Base64 barely compresses: store the parts out of line without spending CPU on compression.
ALTER TABLE xml_envelope_part ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- One KCB episode (one HOSO), keyed by (facility_code, ma_lk): a resend replaces it (same id).
-- Typed columns are what screens query; `xml1` is the whole normalised XML1 record and every line and
-- document below keeps its whole record too, so nothing that was sent is lost.
CREATE TABLE episode (
  person_id             uuid        NOT NULL REFERENCES person (id),
  id                    uuid        NOT NULL,
  facility_code         text        NOT NULL REFERENCES facility (code),  -- XML1.MA_CSKCB
  ma_lk                 text        NOT NULL,             -- XML1.MA_LK
  envelope_sha256       text        NOT NULL REFERENCES xml_envelope (sha256),
  hoso_index            integer     NOT NULL,             -- position of the HOSO in that envelope
  ma_bn                 text        NOT NULL,             -- facility patient id
  ma_hsba               text,                             -- medical record number
  encounter_type        text        NOT NULL,             -- MA_LOAI_KCB ("01" outpatient visit, "03" inpatient …)
  patient_category      text,                             -- MA_DOITUONG_KCB
  admitted_at           timestamptz NOT NULL,             -- NGAY_VAO
  inpatient_admitted_at timestamptz,                      -- NGAY_VAO_NOI_TRU
  discharged_at         timestamptz NOT NULL,             -- NGAY_RA
  treatment_days        integer,                          -- SO_NGAY_DTRI
  outcome               text,                             -- KET_QUA_DTRI (1 khỏi … 8 tử vong ngoại viện)
  discharge_type        text,                             -- MA_LOAI_RV (1 ra viện, 2/5 chuyển tuyến, 3 trốn viện, 4 xin về)
  main_icd              text,                             -- MA_BENH_CHINH
  secondary_icd         text[]      NOT NULL DEFAULT '{}',  -- MA_BENH_KT
  traditional_codes     text[]      NOT NULL DEFAULT '{}',  -- MA_BENH_YHCT
  procedure_codes       text[]      NOT NULL DEFAULT '{}',  -- MA_PTTT_QT (ICD-9-CM)
  departments           text[]      NOT NULL DEFAULT '{}',  -- MA_KHOA in order of stay
  referred_from         text,                             -- MA_NOI_DI
  referred_to           text,                             -- MA_NOI_DEN
  insurance_card        text,                             -- first MA_THE_BHYT
  total_drugs           numeric,                          -- T_THUOC
  total_supplies        numeric,                          -- T_VTYT
  total_cost            numeric,                          -- T_TONGCHI_BV
  total_insured         numeric,                          -- T_TONGCHI_BH
  patient_paid          numeric,                          -- T_BNTT
  copayment             numeric,                          -- T_BNCCT
  insurance_paid        numeric,                          -- T_BHTT
  other_sources         numeric,                          -- T_NGUONKHAC
  insurance_paid_ffs    numeric,                          -- T_BHTT_GDV
  settlement_year       integer,                          -- NAM_QT
  settlement_month      integer,                          -- THANG_QT
  paid_at               timestamptz,                      -- NGAY_TTOAN
  follow_up_dates       date[]      NOT NULL DEFAULT '{}',  -- NGAY_TAI_KHAM
  drug_count            integer     NOT NULL,
  service_count         integer     NOT NULL,
  lab_count             integer     NOT NULL,
  tables                text[]      NOT NULL,             -- tables present, e.g. {XML1,XML2,XML3}
  signed                boolean     NOT NULL,
  signature_verified    boolean     NOT NULL,
  warning_count         integer     NOT NULL,
  patient               jsonb       NOT NULL,             -- the patient as this episode described them
  xml1                  jsonb       NOT NULL,             -- the normalised XML1 record, every field
  unknown_elements      jsonb,                            -- elements the registry does not know (kept aside)
  source                text        NOT NULL,             -- api | import
  version               integer     NOT NULL DEFAULT 1,   -- 1 + number of resends
  received_at           timestamptz NOT NULL DEFAULT now(),  -- first receipt
  updated_at            timestamptz NOT NULL DEFAULT now(),  -- last (re)send
  PRIMARY KEY (person_id, id),
  UNIQUE (facility_code, ma_lk)
);
CREATE INDEX episode_person_time_idx ON episode (person_id, admitted_at DESC);       -- health book
CREATE INDEX episode_facility_time_idx ON episode (facility_code, admitted_at DESC); -- facility lists, dashboard
CREATE INDEX episode_icd_time_idx ON episode (main_icd, admitted_at);                -- indicators by diagnosis
CREATE INDEX episode_facility_patient_idx ON episode (facility_code, ma_bn);         -- ingest person matching

-- XML2 drug lines.
CREATE TABLE episode_drug (
  person_id      uuid    NOT NULL,
  episode_id     uuid    NOT NULL,
  line_no        integer NOT NULL,   -- position in the table as sent (0-based)
  drug_code      text    NOT NULL,   -- MA_THUOC
  name           text    NOT NULL,   -- TEN_THUOC
  group_code     text,               -- MA_NHOM
  unit           text,               -- DON_VI_TINH
  strength       text,               -- HAM_LUONG
  route          text,               -- DUONG_DUNG
  dosage         text,               -- LIEU_DUNG
  quantity       numeric,            -- SO_LUONG
  unit_price     numeric,            -- DON_GIA
  amount         numeric,            -- THANH_TIEN_BV
  insured_amount numeric,            -- THANH_TIEN_BH
  insurance_paid numeric,            -- T_BHTT
  copayment      numeric,            -- T_BNCCT
  patient_paid   numeric,            -- T_BNTT
  department     text,               -- MA_KHOA
  ordered_at     timestamptz,        -- NGAY_YL
  performed_at   timestamptz,        -- NGAY_TH_YL
  record         json    NOT NULL,
  PRIMARY KEY (person_id, episode_id, line_no)
);

-- XML3 services (DVKT) and medical supplies (VTYT).
CREATE TABLE episode_service (
  person_id      uuid    NOT NULL,
  episode_id     uuid    NOT NULL,
  line_no        integer NOT NULL,
  kind           text    NOT NULL,   -- service | supply
  service_code   text,               -- MA_DICH_VU
  service_name   text,               -- TEN_DICH_VU
  supply_code    text,               -- MA_VAT_TU
  supply_name    text,               -- TEN_VAT_TU
  group_code     text,               -- MA_NHOM
  unit           text,               -- DON_VI_TINH
  quantity       numeric,            -- SO_LUONG
  unit_price     numeric,            -- DON_GIA_BV
  insured_price  numeric,            -- DON_GIA_BH
  amount         numeric,            -- THANH_TIEN_BV
  insured_amount numeric,            -- THANH_TIEN_BH
  insurance_paid numeric,            -- T_BHTT
  copayment      numeric,            -- T_BNCCT
  patient_paid   numeric,            -- T_BNTT
  department     text,               -- MA_KHOA
  ordered_at     timestamptz,        -- NGAY_YL
  performed_at   timestamptz,        -- NGAY_TH_YL
  result_at      timestamptz,        -- NGAY_KQ
  record         json    NOT NULL,
  PRIMARY KEY (person_id, episode_id, line_no)
);

-- XML4 lab, imaging and functional-test results.
CREATE TABLE episode_lab (
  person_id      uuid    NOT NULL,
  episode_id     uuid    NOT NULL,
  line_no        integer NOT NULL,
  service_code   text,               -- MA_DICH_VU
  indicator_code text,               -- MA_CHI_SO
  indicator_name text,               -- TEN_CHI_SO
  value_text     text,               -- GIA_TRI as sent
  value_num      numeric,            -- GIA_TRI when it is a number
  unit           text,               -- DON_VI_DO
  description    text,               -- MO_TA
  conclusion     text,               -- KET_LUAN
  result_at      timestamptz,        -- NGAY_KQ
  record         json    NOT NULL,
  PRIMARY KEY (person_id, episode_id, line_no)
);

-- XML5 clinical progress notes.
CREATE TABLE episode_note (
  person_id      uuid    NOT NULL,
  episode_id     uuid    NOT NULL,
  line_no        integer NOT NULL,
  at             timestamptz,        -- THOI_DIEM_DBLS
  note           text,               -- DIEN_BIEN_LS
  stage          text,               -- GIAI_DOAN_BENH
  consultation   text,               -- HOI_CHAN
  surgery        text,               -- PHAU_THUAT
  vital_signs    json,               -- CSST<…> coded in DIEN_BIEN_LS
  record         json    NOT NULL,
  PRIMARY KEY (person_id, episode_id, line_no)
);

-- Documents: XML6 HIV care, XML7 discharge paper, XML8 summary, XML9 birth certificate, XML10 pregnancy
-- rest, XML11 sick leave, XML13 referral, XML14 re-examination appointment, XML15 TB treatment.
CREATE TABLE episode_document (
  person_id      uuid    NOT NULL,
  episode_id     uuid    NOT NULL,
  table_id       text    NOT NULL,   -- XML6 … XML15
  line_no        integer NOT NULL,
  kind           text    NOT NULL,   -- hiv | discharge | summary | birth | pregnancy_leave | sick_leave | referral | appointment | tuberculosis
  facility_code  text    NOT NULL,   -- the episode's facility
  document_no    text,               -- SO_LUU_TRU / SO_CHUYENTUYEN / SO_GIAYHEN_KL / SO_SERI …
  document_date  date,               -- NGAY_CT
  at             timestamptz,        -- appointment time, birth time, referral time, leave start
  from_facility  text,               -- referral: MA_NOI_DI
  to_facility    text,               -- referral: MA_NOI_DEN
  record         json    NOT NULL,
  PRIMARY KEY (person_id, episode_id, table_id, line_no)
);
CREATE INDEX episode_document_referral_idx ON episode_document (to_facility, at) WHERE table_id = 'XML13';
CREATE INDEX episode_document_appointment_idx ON episode_document (facility_code, at) WHERE table_id = 'XML14';

-- Warnings stored with the episode (errors reject it and are only in the receipt).
CREATE TABLE episode_finding (
  person_id      uuid    NOT NULL,
  episode_id     uuid    NOT NULL,
  seq            integer NOT NULL,
  table_id       text    NOT NULL,   -- XML1 … XML15, or GIAMDINHHS
  field          text,
  rule           text    NOT NULL,   -- rule id (domain xml130 RULES)
  code           text    NOT NULL,
  severity       text    NOT NULL,
  message        text    NOT NULL,   -- Vietnamese
  record_index   integer,
  PRIMARY KEY (person_id, episode_id, seq)
);

-- Episodes whose person could not be matched with certainty: sent without a usable personal ID or
-- BHYT/BHXH number, or with identifiers that point at different persons. The episode is stored under
-- `person_id` (a person created for it, or the personal-ID match); a reviewer merges or confirms.
-- Never merged silently.
CREATE TABLE ingest_person_review (
  person_id      uuid        NOT NULL REFERENCES person (id),
  id             uuid        NOT NULL DEFAULT gen_random_uuid(),
  facility_code  text        NOT NULL,
  ma_lk          text        NOT NULL,
  episode_id     uuid        NOT NULL,
  reason         text        NOT NULL,   -- no_identifier | identifier_conflict
  candidates     uuid[]      NOT NULL DEFAULT '{}',  -- other persons the identifiers or name + birth date point at
  status         text        NOT NULL DEFAULT 'open', -- open | resolved
  created_at     timestamptz NOT NULL DEFAULT now(),
  resolved_at    timestamptz,
  resolved_by    text,
  PRIMARY KEY (person_id, id)
);
CREATE UNIQUE INDEX ingest_person_review_open_idx ON ingest_person_review (facility_code, ma_lk, reason)
  WHERE status = 'open';
CREATE INDEX ingest_person_review_queue_idx ON ingest_person_review (status, created_at);
