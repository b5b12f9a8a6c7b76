-- Health book and FHIR read path (issue 4, performance). The record statement (healthbook/record-sql.ts)
-- used to pick a few fields out of stored records on every read: out of `episode.xml1` (jsonb, the
-- whole XML1, usually TOASTed — each read detoasted it for every episode of the history) and out of
-- the `record` json of every drug and service line (text json: parsed again per line and per read).
-- They are kept here as generated columns: computed once when the row is written (COPY and INSERT
-- leave them out), read as plain values. The views read nothing else from these records.

-- The XML1 fields the book and the FHIR view show (reason, diagnoses as written, treatment, advice,
-- blood group, weight, …), as a small jsonb stored inline next to the row.
-- (jsonb_object(keys, values) is immutable, as a generation expression must be; the values are text.)
ALTER TABLE episode ADD COLUMN book_xml1 jsonb GENERATED ALWAYS AS (
  jsonb_strip_nulls(jsonb_object(
    ARRAY['LY_DO_VV', 'LY_DO_VNT', 'CHAN_DOAN_VAO', 'CHAN_DOAN_RV', 'PP_DIEU_TRI', 'GHI_CHU',
          'NHOM_MAU', 'CAN_NANG', 'MA_TTDV', 'MA_NGHE_NGHIEP', 'MA_QUOCTICH'],
    ARRAY[xml1 ->> 'LY_DO_VV',
          xml1 ->> 'LY_DO_VNT',
          xml1 ->> 'CHAN_DOAN_VAO',
          xml1 ->> 'CHAN_DOAN_RV',
          xml1 ->> 'PP_DIEU_TRI',
          xml1 ->> 'GHI_CHU',
          xml1 ->> 'NHOM_MAU',
          xml1 ->> 'CAN_NANG',
          xml1 ->> 'MA_TTDV',
          xml1 ->> 'MA_NGHE_NGHIEP',
          xml1 ->> 'MA_QUOCTICH']
  ))
) STORED;

-- The prescriber (MA_BAC_SI, practising-certificate numbers) and procedure codes (MA_PTTT_QT) of a
-- line, for the FHIR view (MedicationRequest.requester, Procedure.performer/code).
ALTER TABLE episode_drug ADD COLUMN doctors text GENERATED ALWAYS AS (record ->> 'MA_BAC_SI') STORED;
ALTER TABLE episode_service ADD COLUMN doctors text GENERATED ALWAYS AS (record ->> 'MA_BAC_SI') STORED;
ALTER TABLE episode_service ADD COLUMN procedure_codes text GENERATED ALWAYS AS (record ->> 'MA_PTTT_QT') STORED;
