/** What the per-resource mappings share while mapping one person's record. */
import type { Meta, Organization, Patient, Reference } from '@medplum/fhirtypes';
import type { EpisodeRow, FacilityRow, PersonRecord } from '../healthbook/record.ts';
import { PLATFORM_BASE } from './systems.ts';
import { instant } from './datatypes.ts';

export interface MapContext {
  readonly record: PersonRecord;
  readonly patient: Reference<Patient>;
  readonly facilities: Readonly<Record<string, FacilityRow>>;
  readonly episodes: ReadonlyMap<string, EpisodeRow>;
}

export function mapContext(record: PersonRecord): MapContext {
  return {
    record,
    patient: { reference: `Patient/${record.person.id}`, display: record.person.fullName },
    facilities: record.facilities,
    episodes: new Map(record.episodes.map((e) => [e.id, e])),
  };
}

/** meta of a resource derived from an XML 130 episode: the envelope that carried it is its source. */
export function episodeMeta(e: Pick<EpisodeRow, 'envelopeSha256' | 'updatedAt'>): Meta {
  const lastUpdated = instant(e.updatedAt);
  return {
    ...(lastUpdated ? { lastUpdated } : {}),
    source: `${PLATFORM_BASE}/xml130/envelope/${e.envelopeSha256}`,
  };
}

/** meta of a resource received through FHIR. */
export function importedMeta(updatedAt: string): Meta {
  const lastUpdated = instant(updatedAt);
  return { ...(lastUpdated ? { lastUpdated } : {}), source: `${PLATFORM_BASE}/fhir` };
}

export const facilityRef = (
  ctx: Pick<MapContext, 'facilities'>,
  code: string | null | undefined,
): Reference<Organization> | undefined =>
  code
    ? {
        reference: `Organization/${code}`,
        ...(ctx.facilities[code]?.name ? { display: ctx.facilities[code].name } : {}),
      }
    : undefined;
