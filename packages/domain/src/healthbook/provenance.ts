/** Provenance of health-book items: facility, episode, signed envelope. */
import type { CodeLabel } from './labels.ts';
import type { EpisodeIndexRow, FacilityRow } from './record.ts';
import type { Provenance } from './types.ts';

export type Facilities = Readonly<Record<string, FacilityRow>>;

/** `{ code, name }` of a facility code (name null when the registry does not know it). */
export function facilityLabel(facilities: Facilities, code: string | null | undefined): CodeLabel | null {
  if (code === null || code === undefined || code === '') return null;
  return { code, name: facilities[code]?.name ?? null };
}

/** An item read from an XML 130 episode (table: where in the HOSO it was). */
export function episodeProvenance(
  facilities: Facilities,
  e: Pick<
    EpisodeIndexRow,
    'id' | 'facilityCode' | 'maLk' | 'envelopeSha256' | 'signed' | 'signatureVerified' | 'receivedAt'
  >,
  table: string,
): Provenance {
  return {
    source: 'xml130',
    facility: facilityLabel(facilities, e.facilityCode),
    episodeId: e.id,
    maLk: e.maLk,
    table,
    envelopeSha256: e.envelopeSha256,
    signed: e.signed,
    signatureVerified: e.signatureVerified,
    receivedAt: e.receivedAt,
  };
}

/** An item received through the FHIR API. */
export function fhirProvenance(
  facilities: Facilities,
  opts: { facilityCode?: string | null; encounterId?: string | null; receivedAt?: string | null },
): Provenance {
  return {
    source: 'fhir',
    facility: facilityLabel(facilities, opts.facilityCode),
    episodeId: opts.encounterId ?? null,
    maLk: null,
    table: null,
    envelopeSha256: null,
    signed: null,
    signatureVerified: null,
    receivedAt: opts.receivedAt ?? null,
  };
}

export const REGISTRY_PROVENANCE: Provenance = {
  source: 'registry',
  facility: null,
  episodeId: null,
  maLk: null,
  table: null,
  envelopeSha256: null,
  signed: null,
  signatureVerified: null,
  receivedAt: null,
};
