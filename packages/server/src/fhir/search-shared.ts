/**
 * Searches of shared (non-personal) types: Organization = the facility registry plus external
 * organisations received through FHIR; Practitioner, Location, PractitionerRole = the directory
 * (a practising-certificate identifier search also answers with the certificate's Practitioner).
 */
import type { FastifyRequest } from 'fastify';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import {
  certificatePractitioner,
  directoryResource,
  facilityOrganization,
  runSearch,
  SID,
  searchset,
  valuesOf,
  type DirectoryKind,
  type ParsedSearch,
} from '@suckhoe/domain/fhir/index';
import type { Queryable } from '../db/types.ts';
import { allFacilities, identifierSearchKeys, searchDirectory } from './directory-repo.ts';
import { baseUrl, queryWithoutPaging } from './http.ts';
import { includes } from './include.ts';

/** Directory entries read for one search when no identifier narrows it. */
const DIRECTORY_SCAN = 5000;

export async function searchShared(req: FastifyRequest, db: Queryable, s: ParsedSearch): Promise<Bundle> {
  const identifiers = valuesOf(s, 'identifier');
  const keys = identifiers.length ? identifierSearchKeys(identifiers) : undefined;
  const candidates: Resource[] = [];
  if (s.type === 'Organization') candidates.push(...(await allFacilities(db)).map(facilityOrganization));
  const kind = s.type as DirectoryKind;
  candidates.push(
    ...(
      await searchDirectory(db, kind, { ...(keys ? { identifierKeys: keys } : {}), limit: DIRECTORY_SCAN })
    ).map(directoryResource),
  );
  if (s.type === 'Practitioner') {
    for (const v of identifiers) {
      const [system, code] = v.includes('|')
        ? [v.slice(0, v.indexOf('|')), v.slice(v.indexOf('|') + 1)]
        : ['', v];
      if (system === SID.practitioner && code) candidates.push(certificatePractitioner(code));
    }
  }
  const { total, page } = runSearch(candidates, s);
  const included = await includes(db, page, s.include, candidates);
  return searchset({
    base: baseUrl(req),
    selfPath: `${s.type}?${queryWithoutPaging(req)}`,
    total,
    offset: s.offset,
    count: s.count,
    matches: page,
    included,
  });
}
