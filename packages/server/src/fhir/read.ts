/** `GET /fhir/R4/{Type}/{id}` for every type of the view. */
import type { FastifyRequest } from 'fastify';
import type { Resource } from '@medplum/fhirtypes';
import { patientResource } from '@suckhoe/domain/fhir/index';
import { assertCanReadPerson } from '../auth/person-access.ts';
import { actsForFacility } from '../auth/scope.ts';
import { requirePrincipal } from '../auth/guard.ts';
import type { Queryable } from '../db/types.ts';
import { readAuditEvent } from './audit-events.ts';
import { resourceNotFound } from './errors.ts';
import { groupFacility, groupResource } from './groups.ts';
import { patientToRead, personRows } from './patients.ts';
import { personOfResource } from './locate.ts';
import { personResources } from './person-record.ts';
import { SHARED_TYPES, sharedResource } from './shared-resources.ts';

export async function readResource(
  req: FastifyRequest,
  db: Queryable,
  type: string,
  id: string,
): Promise<Resource> {
  if (type === 'Patient') {
    const personId = await patientToRead(req, db, id);
    if (!personId) throw resourceNotFound(type, id);
    await assertCanReadPerson(req, personId, { resource: 'Patient' });
    const [row] = await personRows(db, [personId]);
    if (!row) throw resourceNotFound(type, id);
    await req.audit({ action: 'read', resource: 'Patient', resourceId: personId, personId });
    return patientResource(row);
  }
  if (SHARED_TYPES.has(type)) {
    const r = await sharedResource(db, type, id);
    if (!r) throw resourceNotFound(type, id);
    return r;
  }
  if (type === 'AuditEvent') return (await readAuditEvent(req, db, id)) as unknown as Resource;
  if (type === 'Group') {
    const code = groupFacility(id);
    const g = await groupResource(db, id);
    if (!g || !code) throw resourceNotFound(type, id);
    if (!actsForFacility(requirePrincipal(req), code)) throw resourceNotFound(type, id);
    return g;
  }
  const personId = await personOfResource(db, type, id);
  if (!personId) throw resourceNotFound(type, id);
  const pr = await personResources(req, db, personId, { resource: type });
  const found = pr.resources.find((r) => r.resourceType === type && r.id === id);
  if (!found) throw resourceNotFound(type, id);
  await req.audit({ action: 'read', resource: type, resourceId: id, personId });
  return found;
}
