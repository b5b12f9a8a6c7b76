/**
 * Person-centred tables whose rows move to the surviving record when two persons are merged.
 * A capability that adds a table with a `person_id` column lists it here (see README.md).
 */
export const PERSON_OWNED_TABLES: readonly string[] = [
  'care_relationship', // auth/ (migration 0002)
  'consent_directive', // consent/ (migration 0002)
  'checkin', // checkin/ (migration 0004)
  'bhyt_card', // checkin/ (migration 0004)
  'episode',
  'episode_drug',
  'episode_service',
  'episode_lab',
  'episode_note',
  'episode_document',
  'episode_finding',
  'ingest_person_review', // ingest/, episodes/ (migration 0003)
  'person_fhir_identifier', // fhir/ (migration 0005)
  'person_fhir_alias',
  'person_vital_status',
  'hb_encounter',
  'hb_condition',
  'hb_observation',
  'hb_immunization',
  'hb_allergy',
  'hb_medication_request',
  'hb_procedure',
  'hb_document',
  'hb_device', // … (migration 0005)
];
