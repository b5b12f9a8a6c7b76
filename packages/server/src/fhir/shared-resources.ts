/** Non-personal resources by id: facilities and external organisations, practitioners, locations, roles. */
import type { Resource } from '@medplum/fhirtypes';
import {
  certificatePractitioner,
  directoryResource,
  facilityOrganization,
  practitionerCode,
  type DirectoryKind,
} from '@suckhoe/domain/fhir/index';
import type { Queryable } from '../db/types.ts';
import { directoryEntries, facilitiesByCode } from './directory-repo.ts';
import { nameCertificatePractitioners } from './named-practitioners.ts';

export const SHARED_TYPES: ReadonlySet<string> = new Set([
  'Organization',
  'Practitioner',
  'Location',
  'PractitionerRole',
]);

/** Resources for `Type/id` keys of shared types (unknown ones left out), in key order. */
export async function sharedResources(db: Queryable, keys: readonly string[]): Promise<Resource[]> {
  const by = new Map<string, Set<string>>();
  for (const k of keys) {
    const [type = '', id = ''] = k.split('/');
    if (!SHARED_TYPES.has(type) || !id) continue;
    let s = by.get(type);
    if (!s) by.set(type, (s = new Set()));
    s.add(id);
  }
  const out = new Map<string, Resource>();
  const orgIds = [...(by.get('Organization') ?? [])];
  for (const f of await facilitiesByCode(db, orgIds))
    out.set(`Organization/${f.code}`, facilityOrganization(f));
  for (const kind of ['Organization', 'Practitioner', 'Location', 'PractitionerRole'] as DirectoryKind[]) {
    const ids = [...(by.get(kind) ?? [])].filter((id) => !out.has(`${kind}/${id}`));
    for (const d of await directoryEntries(db, kind, ids)) out.set(`${kind}/${d.id}`, directoryResource(d));
  }
  for (const id of by.get('Practitioner') ?? []) {
    const code = practitionerCode(id);
    if (code !== null && !out.has(`Practitioner/${id}`))
      out.set(`Practitioner/${id}`, certificatePractitioner(code));
  }
  return nameCertificatePractitioners(
    db,
    keys.flatMap((k) => {
      const r = out.get(k);
      return r ? [r] : [];
    }),
  );
}

/** One shared resource, or null. */
export async function sharedResource(db: Queryable, type: string, id: string): Promise<Resource | null> {
  return (await sharedResources(db, [`${type}/${id}`]))[0] ?? null;
}
