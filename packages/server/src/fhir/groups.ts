/**
 * Groups for Bulk Data: `Group/facility-{code}` — the persons a facility has cared for (episodes
 * sent by it, check-ins, care relationships). Read gives the group without its members (a panel is
 * large and personal); `Group/{id}/$export` exports their data.
 */
import type { Group } from '@medplum/fhirtypes';
import { SID } from '@suckhoe/domain/fhir/index';
import type { Queryable } from '../db/types.ts';

export const groupFacility = (id: string): string | null =>
  /^facility-([A-Za-z0-9]{1,10})$/.exec(id)?.[1] ?? null;

/** Persons of a facility's panel (keyset page after `after`). */
export const GROUP_MEMBERS_SQL = `
  SELECT person_id FROM (
    SELECT person_id FROM episode WHERE facility_code = $1
    UNION SELECT person_id FROM care_relationship WHERE facility_code = $1
    UNION SELECT person_id FROM checkin WHERE facility_code = $1
  ) m WHERE ($2::uuid IS NULL OR person_id > $2::uuid) ORDER BY person_id LIMIT $3`;

export async function groupResource(db: Queryable, id: string): Promise<Group | null> {
  const code = groupFacility(id);
  if (!code) return null;
  const [f] = await db.query<{ name: string }>('SELECT name FROM facility WHERE code = $1', [code]);
  if (!f) return null;
  return {
    resourceType: 'Group',
    id,
    identifier: [{ system: SID.facility, value: code }],
    active: true,
    type: 'person',
    actual: true,
    name: `Người dân được ${f.name} khám chữa bệnh`,
    managingEntity: { reference: `Organization/${code}`, display: f.name },
  };
}
