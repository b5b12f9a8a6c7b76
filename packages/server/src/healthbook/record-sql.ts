/**
 * One statement that reads a person's whole canonical record as JSON (one round trip per book or
 * $everything read): the person and identifiers, the visible episodes (light, all of them), one
 * page of episodes (XML 130 episodes and FHIR encounters together, newest first) with their lines,
 * every document, the FHIR-received history, and the facilities the record names.
 *
 * Parameters: $1 person id, $2 hidden episode references (consent: platform ids, `{facility}:{MA_LK}`
 * or FHIR encounter ids), $3/$4 cursor (start, id) or NULL, $5 page size or NULL (all), $6 whether
 * clinical data is withheld entirely (facility blocked), $7 whether the FHIR view reads it (it also needs
 * the prescriber and procedure codes of the lines, which live in their stored records).
 */
import { IMMUNISATION_ICD_SQL } from '@suckhoe/domain/healthbook/index';

/** `snake_col AS "camel"` for a list of columns of alias `t`. */
const cols = (t: string, list: readonly string[]): string =>
  list
    .map((c) => {
      const at = c.lastIndexOf(':');
      const [col, as] =
        at > 0 && !c.slice(at).includes("'")
          ? [c.slice(0, at), c.slice(at + 1)]
          : [c, c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase())];
      return `${col.includes('(') || col.includes('->') ? col : `${t}.${col}`} AS "${as}"`;
    })
    .join(', ');

const agg = (select: string, order = ''): string =>
  `coalesce((SELECT json_agg(x${order ? ` ORDER BY ${order}` : ''}) FROM (${select}) x), '[]'::json)`;

const EPISODE_INDEX = cols('e', [
  'id',
  'facility_code',
  'ma_lk',
  'envelope_sha256',
  'admitted_at',
  'discharged_at',
  'main_icd',
  'secondary_icd',
  'signed',
  'signature_verified',
  'received_at',
  // From the small generated copy of the XML1 fields (migration 0009), never the TOASTed whole.
  "e.book_xml1->>'NHOM_MAU':bloodGroup",
  "e.book_xml1->>'CAN_NANG':weight",
]);

const EPISODE = cols('e', [
  'id',
  'facility_code',
  'ma_lk',
  'envelope_sha256',
  'ma_bn',
  'ma_hsba',
  'encounter_type',
  'patient_category',
  'admitted_at',
  'inpatient_admitted_at',
  'discharged_at',
  'treatment_days',
  'outcome',
  'discharge_type',
  'main_icd',
  'secondary_icd',
  'traditional_codes',
  'procedure_codes',
  'departments',
  'referred_from',
  'referred_to',
  'insurance_card',
  'follow_up_dates',
  'signed',
  'signature_verified',
  'source',
  'version',
  'received_at',
  'updated_at',
  // The XML1 fields the views show (generated column, migration 0009): not the whole stored XML1.
  'book_xml1:xml1',
]);

const DRUG = cols('d', [
  'episode_id',
  'line_no',
  'drug_code',
  'name',
  'group_code',
  'unit',
  'strength',
  'route',
  'dosage',
  'quantity',
  'ordered_at',
  'performed_at',
  // Only the FHIR view ($7) needs the prescriber (generated column, migration 0009).
  '(CASE WHEN $7::boolean THEN d.doctors END):doctors',
]);

const SERVICE = cols('s', [
  'episode_id',
  'line_no',
  'kind',
  'service_code',
  'service_name',
  'supply_code',
  'supply_name',
  'group_code',
  'unit',
  'quantity',
  'ordered_at',
  'performed_at',
  'result_at',
  '(CASE WHEN $7::boolean THEN s.doctors END):doctors',
  '(CASE WHEN $7::boolean THEN s.procedure_codes END):procedureCodes',
]);

const LAB = cols('l', [
  'episode_id',
  'line_no',
  'service_code',
  'indicator_code',
  'indicator_name',
  'value_text',
  'value_num',
  'unit',
  'description',
  'conclusion',
  'result_at',
]);

const NOTE = cols('n', ['episode_id', 'line_no', 'at', 'note', 'vital_signs']);

const DOCUMENT = cols('d', [
  'episode_id',
  'table_id',
  'line_no',
  'kind',
  'facility_code',
  'document_no',
  'document_date',
  'at',
  'from_facility',
  'to_facility',
  // As stored (json): copied, never parsed here — extracting fields from json text costs a parse each.
  'record',
]);

const concept = (t: string, coding: string, text: string, as: string) =>
  `json_build_object('coding', ${t}.${coding}, 'text', ${t}.${text}):${as}`;

const ENCOUNTER = cols('h', [
  'id',
  'status',
  'class_code',
  concept('h', 'type_coding', 'type_text', 'type'),
  'period_start',
  'period_end',
  'reason',
  'facility_code',
  'organization_id',
  'organization_display',
  'practitioner_ids',
  'location_display',
  'identifiers',
  'source',
  'updated_at',
]);

const CONDITION = cols('h', [
  'id',
  'encounter_id',
  'category',
  concept('h', 'coding', 'code_text', 'code'),
  'clinical_status',
  'verification_status',
  'severity',
  'onset',
  'abatement',
  'recorded',
  'relationship',
  'note',
  'source',
  'updated_at',
]);

const OBSERVATION = cols('h', [
  'id',
  'encounter_id',
  'status',
  'category',
  concept('h', 'coding', 'code_text', 'code'),
  'effective',
  'issued',
  'value_quantity',
  'value_unit',
  'value_ucum',
  'value_coding',
  'value_string',
  'components',
  'interpretation',
  'reference_range',
  'source',
  'updated_at',
]);

const IMMUNIZATION = cols('h', [
  'id',
  'encounter_id',
  'status',
  concept('h', 'vaccine_coding', 'vaccine_text', 'vaccine'),
  'occurrence',
  'primary_source',
  'lot_number',
  'dose_number',
  'performer_display',
  'facility_code',
  'location_display',
  'source',
  'updated_at',
]);

const ALLERGY = cols('h', [
  'id',
  'clinical_status',
  'verification_status',
  'type',
  'categories',
  'criticality',
  concept('h', 'coding', 'code_text', 'code'),
  'onset',
  'recorded',
  'reactions',
  'note',
  'source',
  'updated_at',
]);

const MEDICATION = cols('h', [
  'id',
  'encounter_id',
  'status',
  'intent',
  'category',
  concept('h', 'coding', 'code_text', 'code'),
  'authored_on',
  'requester_id',
  'requester_display',
  'reason',
  'dosage',
  'dosage_text',
  'source',
  'updated_at',
]);

const PROCEDURE = cols('h', [
  'id',
  'encounter_id',
  'status',
  concept('h', 'coding', 'code_text', 'code'),
  'performed_start',
  'performed_end',
  'location_display',
  'reason',
  'source',
  'updated_at',
]);

const DOCREF = cols('h', [
  'id',
  'status',
  'doc_status',
  "json_build_object('coding', h.type_coding):type",
  "json_build_object('coding', h.category_coding):category",
  'date',
  'author_display',
  'custodian_display',
  'description',
  'encounter_ids',
  'attachments',
  'source',
  'updated_at',
]);

const DEVICE = cols('h', [
  'id',
  'status',
  concept('h', 'type_coding', 'type_text', 'type'),
  'device_name',
  'udi_di',
  'udi_carrier',
  'distinct_identifier',
  'manufacture_date',
  'expiration_date',
  'lot_number',
  'serial_number',
  'source',
  'updated_at',
]);

const PERSON = cols('p', [
  'id',
  'personal_id',
  'full_name',
  'birth_date',
  'sex',
  'ethnic_code',
  'province_code',
  'commune_code',
  'address_line',
  'phone',
  'updated_at',
]);

/** A clinical FHIR-history row is hidden when its encounter is (consent), and all are when blocked. */
const visibleHb = (t: string, hasEncounter: boolean): string =>
  `${t}.person_id = $1::uuid AND NOT $6::boolean${hasEncounter ? ` AND (${t}.encounter_id IS NULL OR NOT ${t}.encounter_id = ANY($2::text[]))` : ''}`;

export const RECORD_SQL = `
WITH vis AS (
  -- The light columns only (never the stored XML1 or the envelope's records).
  SELECT e.id, e.facility_code, e.ma_lk, e.envelope_sha256, e.admitted_at, e.discharged_at, e.main_icd,
         e.secondary_icd, e.signed, e.signature_verified, e.received_at, e.book_xml1
  FROM episode e
  WHERE e.person_id = $1::uuid AND NOT $6::boolean
    AND NOT (e.id::text = ANY($2::text[]) OR (e.facility_code || ':' || e.ma_lk) = ANY($2::text[]))
), venc AS (
  SELECT h.* FROM hb_encounter h WHERE h.person_id = $1::uuid AND NOT $6::boolean AND NOT h.id = ANY($2::text[])
), page AS (
  SELECT src, id, start FROM (
    SELECT 'x' AS src, v.id::text AS id, v.admitted_at AS start FROM vis v
    UNION ALL
    SELECT 'f', v.id, coalesce(v.period_start, 'epoch'::timestamptz) FROM venc v
  ) u
  WHERE $3::timestamptz IS NULL OR (u.start, u.id COLLATE "C") < ($3::timestamptz, $4::text COLLATE "C")
  ORDER BY u.start DESC, u.id COLLATE "C" DESC
  LIMIT $5::int
), codes AS (
  SELECT facility_code AS code FROM vis
  UNION SELECT d.from_facility FROM episode_document d WHERE d.person_id = $1::uuid AND d.from_facility IS NOT NULL
  UNION SELECT d.to_facility FROM episode_document d WHERE d.person_id = $1::uuid AND d.to_facility IS NOT NULL
  UNION SELECT d.record->>'MA_CSKCB' FROM episode_document d WHERE d.person_id = $1::uuid AND d.table_id = 'XML14'
  UNION SELECT facility_code FROM venc WHERE facility_code IS NOT NULL
  UNION SELECT facility_code FROM hb_immunization WHERE person_id = $1::uuid AND facility_code IS NOT NULL
  UNION SELECT c.initial_facility_code FROM bhyt_card c WHERE c.person_id = $1::uuid AND c.initial_facility_code IS NOT NULL
  UNION SELECT f.code FROM facility f JOIN person p ON p.id = $1::uuid
    WHERE f.commune_code = p.commune_code AND f.level = 'commune_station'
)
SELECT
  (SELECT row_to_json(x) FROM (SELECT ${PERSON}, p.status, p.merged_into AS "mergedInto" FROM person p WHERE p.id = $1::uuid) x) AS person,
  ${agg(
    `SELECT i.system, i.value, i.valid_from AS "validFrom", i.valid_to AS "validTo", i.status, false AS external, NULL AS "typeCode"
       FROM person_identifier i WHERE i.person_id = $1::uuid
     UNION ALL
     SELECT i.system, i.value, NULL, NULL, 'active', true, i.type_code FROM person_fhir_identifier i WHERE i.person_id = $1::uuid`,
    'x.external, x.system, x.value',
  )} AS identifiers,
  ${agg(
    `SELECT c.code, c.valid_from AS "validFrom", c.valid_to AS "validTo", c.initial_facility_code AS "initialFacilityCode", c.seen_at AS "seenAt"
       FROM bhyt_card c WHERE c.person_id = $1::uuid`,
  )} AS cards,
  (SELECT row_to_json(x) FROM (SELECT s.deceased, s.deceased_at AS at FROM person_vital_status s
     WHERE s.person_id = $1::uuid ORDER BY s.recorded_at DESC LIMIT 1) x) AS deceased,
  ${agg('SELECT a.alias FROM person_fhir_alias a WHERE a.person_id = $1::uuid')} AS aliases,
  ${agg(`SELECT ${EPISODE_INDEX} FROM vis e`, 'x."admittedAt" DESC')} AS episode_index,
  ${agg(
    `SELECT ${EPISODE} FROM episode e WHERE e.person_id = $1::uuid
       AND e.id IN (SELECT id::uuid FROM page WHERE src = 'x')`,
    'x."admittedAt" DESC',
  )} AS episodes,
  ${agg(
    `SELECT ${DRUG} FROM episode_drug d WHERE d.person_id = $1::uuid
       AND d.episode_id IN (SELECT id::uuid FROM page WHERE src = 'x')`,
    'x."episodeId", x."lineNo"',
  )} AS drugs,
  ${agg(
    `SELECT ${DRUG} FROM episode_drug d WHERE d.person_id = $1::uuid
       AND d.episode_id IN (SELECT id FROM vis WHERE main_icd ${IMMUNISATION_ICD_SQL})`,
    'x."episodeId", x."lineNo"',
  )} AS vaccine_drugs,
  ${agg(
    `SELECT ${SERVICE} FROM episode_service s WHERE s.person_id = $1::uuid
       AND s.episode_id IN (SELECT id::uuid FROM page WHERE src = 'x')`,
    'x."episodeId", x."lineNo"',
  )} AS services,
  ${agg(
    `SELECT ${LAB} FROM episode_lab l WHERE l.person_id = $1::uuid
       AND l.episode_id IN (SELECT id::uuid FROM page WHERE src = 'x')`,
    'x."episodeId", x."lineNo"',
  )} AS labs,
  ${agg(
    `SELECT ${NOTE} FROM episode_note n WHERE n.person_id = $1::uuid
       AND n.episode_id IN (SELECT id::uuid FROM page WHERE src = 'x')`,
    'x."episodeId", x."lineNo"',
  )} AS notes,
  ${agg(
    `SELECT ${DOCUMENT} FROM episode_document d WHERE d.person_id = $1::uuid AND d.episode_id IN (SELECT id FROM vis)`,
    'x."episodeId", x."tableId", x."lineNo"',
  )} AS documents,
  ${agg(`SELECT ${ENCOUNTER} FROM venc h JOIN page ON page.src = 'f' AND page.id = h.id`, 'x."periodStart" DESC NULLS LAST')} AS encounters,
  ${agg(`SELECT ${CONDITION} FROM hb_condition h WHERE ${visibleHb('h', true)}`, 'x.id')} AS conditions,
  ${agg(`SELECT ${OBSERVATION} FROM hb_observation h WHERE ${visibleHb('h', true)}`, 'x.id')} AS observations,
  ${agg(`SELECT ${IMMUNIZATION} FROM hb_immunization h WHERE ${visibleHb('h', true)}`, 'x.id')} AS immunizations,
  ${agg(`SELECT ${ALLERGY} FROM hb_allergy h WHERE ${visibleHb('h', false)}`, 'x.id')} AS allergies,
  ${agg(`SELECT ${MEDICATION} FROM hb_medication_request h WHERE ${visibleHb('h', true)}`, 'x.id')} AS medication_requests,
  ${agg(`SELECT ${PROCEDURE} FROM hb_procedure h WHERE ${visibleHb('h', true)}`, 'x.id')} AS procedures,
  ${agg(
    `SELECT ${DOCREF} FROM hb_document h WHERE h.person_id = $1::uuid AND NOT $6::boolean AND NOT h.encounter_ids && $2::text[]`,
    'x.id',
  )} AS document_references,
  ${agg(`SELECT ${DEVICE} FROM hb_device h WHERE ${visibleHb('h', false)}`, 'x.id')} AS devices,
  ${agg(
    `SELECT f.code, f.name, f.level, f.province_code AS "provinceCode", f.commune_code AS "communeCode",
            f.parent_code AS "parentCode", f.status FROM facility f WHERE f.code IN (SELECT code FROM codes)`,
  )} AS facilities,
  (SELECT count(*)::int FROM vis) + (SELECT count(*)::int FROM venc) AS total
`;
