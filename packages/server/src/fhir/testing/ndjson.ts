/**
 * Importing a Bulk Data NDJSON folder (one file per type, e.g. the Synthea samples in
 * ../shared/testdata) through the API as batch Bundles of `PUT Type/id` entries, reference targets
 * first. For tests and the benchmark.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';

/** Types in an order where references point backwards. */
export const IMPORT_ORDER = [
  'Organization',
  'Location',
  'Practitioner',
  'PractitionerRole',
  'Patient',
  'Encounter',
  'Condition',
  'Observation',
  'Immunization',
  'AllergyIntolerance',
  'MedicationRequest',
  'Procedure',
  'DocumentReference',
  'Device',
];

export function readNdjsonFolder(dir: string): Map<string, Resource[]> {
  const out = new Map<string, Resource[]>();
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.ndjson'))
    .sort()) {
    const type = f.split('.')[0] ?? '';
    const lines = readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    out.set(type, [...(out.get(type) ?? []), ...lines.map((l) => JSON.parse(l) as Resource)]);
  }
  return out;
}

/** Batch bundles of at most `size` entries, `PUT Type/id` each (update-as-create with the client's id). */
export function batches(byType: ReadonlyMap<string, readonly Resource[]>, size = 500): Bundle[] {
  const out: Bundle[] = [];
  const types = [
    ...IMPORT_ORDER.filter((t) => byType.has(t)),
    ...[...byType.keys()].filter((t) => !IMPORT_ORDER.includes(t)),
  ];
  for (const type of types) {
    const rs = byType.get(type) ?? [];
    for (let i = 0; i < rs.length; i += size) {
      out.push({
        resourceType: 'Bundle',
        type: 'batch',
        entry: rs.slice(i, i + size).map((r) => ({
          fullUrl: `urn:uuid:${r.id ?? ''}`,
          resource: r,
          request: { method: 'PUT', url: `${r.resourceType}/${r.id ?? ''}` },
        })),
      });
    }
  }
  return out;
}
