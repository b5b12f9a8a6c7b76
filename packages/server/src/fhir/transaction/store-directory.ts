/** Directory entries (Organization, Location, Practitioner, PractitionerRole) received through FHIR. */
import type { DirectoryWrite } from '@suckhoe/domain/fhir/import/index';
import type { Queryable } from '../../db/types.ts';

/** Upserts one entry; returns whether it was created. */
export async function upsertDirectory(q: Queryable, id: string, d: DirectoryWrite): Promise<boolean> {
  const [r] = await q.query<{ inserted: boolean }>(
    `INSERT INTO directory_entry (kind, id, name, identifier_keys, identifiers, active, part_of, practitioner_id, details, source)
     VALUES ($1, $2, $3, $4::text[], $5::jsonb, $6, $7, $8, $9::jsonb, 'fhir')
     ON CONFLICT (kind, id) DO UPDATE SET name = EXCLUDED.name, identifier_keys = EXCLUDED.identifier_keys,
       identifiers = EXCLUDED.identifiers, active = EXCLUDED.active, part_of = EXCLUDED.part_of,
       practitioner_id = EXCLUDED.practitioner_id, details = EXCLUDED.details, updated_at = now()
     RETURNING (xmax = 0) AS inserted`,
    [
      d.kind,
      id,
      d.name,
      [...d.identifierKeys],
      JSON.stringify(d.identifiers),
      d.active,
      d.partOf,
      d.practitionerId,
      JSON.stringify(d.details),
    ],
  );
  return r?.inserted ?? false;
}
