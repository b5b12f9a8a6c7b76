/** Loads a person's canonical record (one statement, record-sql.ts) for the health book and the FHIR view. */
import type { FacilityRow, PersonRecord } from '@suckhoe/domain/healthbook/index';
import type { Queryable } from '../db/types.ts';
import { RECORD_SQL } from './record-sql.ts';

export interface LoadOptions {
  /** Episode references hidden by consent (platform ids, `{facility}:{MA_LK}`, FHIR encounter ids). */
  readonly hidden?: readonly string[];
  /** No clinical data at all (the viewer's facility is blocked by the citizen). */
  readonly blocked?: boolean;
  /** One page of episodes: at most `limit` (the loader fetches one more to tell whether more exist). */
  readonly limit?: number | null;
  /** Only episodes older than this cursor. */
  readonly before?: { readonly start: string; readonly id: string } | null;
  /** For the FHIR view: also the prescriber and procedure codes of the lines (read from their records). */
  readonly fullDocuments?: boolean;
}

export interface LoadedRecord {
  readonly record: PersonRecord;
  /** Visible episodes in total (XML 130 and FHIR). */
  readonly total: number;
}

interface RecordRow {
  person:
    | (Omit<PersonRecord['person'], 'identifiers' | 'cards' | 'deceased' | 'aliases'> & {
        status: string;
        mergedInto: string | null;
      })
    | null;
  identifiers: PersonRecord['person']['identifiers'];
  cards: PersonRecord['person']['cards'];
  deceased: PersonRecord['person']['deceased'];
  aliases: { alias: string }[];
  episode_index: PersonRecord['episodeIndex'];
  episodes: PersonRecord['episodes'];
  drugs: PersonRecord['drugs'];
  vaccine_drugs: PersonRecord['vaccineDrugs'];
  services: PersonRecord['services'];
  labs: PersonRecord['labs'];
  notes: PersonRecord['notes'];
  documents: PersonRecord['documents'];
  encounters: PersonRecord['encounters'];
  conditions: PersonRecord['conditions'];
  observations: PersonRecord['observations'];
  immunizations: PersonRecord['immunizations'];
  allergies: PersonRecord['allergies'];
  medication_requests: PersonRecord['medicationRequests'];
  procedures: PersonRecord['procedures'];
  document_references: PersonRecord['documentReferences'];
  devices: PersonRecord['devices'];
  facilities: FacilityRow[];
  total: number;
  [k: string]: unknown;
}

/** PGlite returns json columns parsed; node-postgres too (json type). A string means a driver that did not. */
const parsed = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The record of `personId` (a platform id of an existing person), or null when there is no such person. */
export async function loadRecord(
  db: Queryable,
  personId: string,
  o: LoadOptions = {},
): Promise<LoadedRecord | null> {
  const limit = o.limit === undefined || o.limit === null ? null : o.limit + 1;
  const [row] = await db.query<RecordRow>(
    RECORD_SQL,
    [
      personId,
      [...(o.hidden ?? [])],
      o.before?.start ?? null,
      o.before?.id ?? null,
      limit,
      o.blocked ?? false,
      o.fullDocuments ?? false,
    ],
    { name: 'healthbook_record' },
  );
  const person = row ? parsed(row.person) : null;
  if (!row || !person) return null;
  const facilities: Record<string, FacilityRow> = {};
  for (const f of parsed(row.facilities)) facilities[f.code] = f;
  const record: PersonRecord = {
    person: {
      ...person,
      identifiers: parsed(row.identifiers),
      cards: parsed(row.cards),
      deceased: row.deceased === null ? null : parsed(row.deceased),
      aliases: parsed(row.aliases).map((a) => a.alias),
    },
    episodeIndex: parsed(row.episode_index),
    episodes: parsed(row.episodes),
    vaccineDrugs: parsed(row.vaccine_drugs),
    drugs: parsed(row.drugs),
    services: parsed(row.services),
    labs: parsed(row.labs),
    notes: parsed(row.notes),
    documents: parsed(row.documents),
    encounters: parsed(row.encounters),
    conditions: parsed(row.conditions),
    observations: parsed(row.observations),
    immunizations: parsed(row.immunizations),
    allergies: parsed(row.allergies),
    medicationRequests: parsed(row.medication_requests),
    procedures: parsed(row.procedures),
    documentReferences: parsed(row.document_references),
    devices: parsed(row.devices),
    facilities,
  };
  return { record, total: row.total };
}
