/** Which person a clinical resource id belongs to (for reads, `_id` searches and transaction references). */
import { parseDerivedId } from '@suckhoe/domain/fhir/index';
import type { Queryable } from '../db/types.ts';
import { personOfPatientId } from './patients.ts';

/** Tables of resources received through FHIR, by type (derived XML 130 resources have none). */
export const HB_TABLES: Readonly<Record<string, string>> = {
  Encounter: 'hb_encounter',
  Condition: 'hb_condition',
  FamilyMemberHistory: 'hb_condition',
  Observation: 'hb_observation',
  Immunization: 'hb_immunization',
  AllergyIntolerance: 'hb_allergy',
  MedicationRequest: 'hb_medication_request',
  Procedure: 'hb_procedure',
  DocumentReference: 'hb_document',
  Device: 'hb_device',
};

/** Person id of an episode. */
export async function personOfEpisode(db: Queryable, episodeId: string): Promise<string | null> {
  const [r] = await db.query<{ person_id: string }>('SELECT person_id FROM episode WHERE id = $1::uuid', [
    episodeId,
  ]);
  return r?.person_id ?? null;
}

/** The person a resource of `type` with this id belongs to, or null when there is no such resource. */
export async function personOfResource(db: Queryable, type: string, id: string): Promise<string | null> {
  if (type === 'Patient') return personOfPatientId(db, id);
  const derived = parseDerivedId(id);
  if (derived) return personOfEpisode(db, derived.episodeId);
  if (type === 'Encounter' && /^[0-9a-f-]{36}$/i.test(id)) {
    const p = await personOfEpisode(db, id);
    if (p) return p;
  }
  const table = HB_TABLES[type];
  if (!table) return null;
  const [r] = await db.query<{ person_id: string }>(`SELECT person_id FROM ${table} WHERE id = $1 LIMIT 1`, [
    id,
  ]);
  return r?.person_id ?? null;
}
