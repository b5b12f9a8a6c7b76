/**
 * A person's data as FHIR resources, for the request's caller: access checked (self, care
 * relationship or break-glass — auth/person-access.ts), consent directives applied (hidden
 * episodes and what hangs off them left out; a blocked facility sees no clinical data), record
 * loaded in one statement, mapped by the domain.
 */
import type { FastifyRequest } from 'fastify';
import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { PersonRecord } from '@suckhoe/domain/healthbook/index';
import { CONSENT_MESSAGES } from '@suckhoe/domain/healthbook/index';
import { outcome, recordResources } from '@suckhoe/domain/fhir/index';
import { assertCanReadPerson } from '../auth/person-access.ts';
import { consentFilterFor } from '../consent/repo.ts';
import type { Queryable } from '../db/types.ts';
import { cacheKey, recordVersion, VersionedCache } from '../healthbook/cache.ts';
import { loadRecord } from '../healthbook/load.ts';
import { todayVn } from './http.ts';
import { resourceNotFound } from './errors.ts';

export interface PersonResources {
  readonly personId: string;
  readonly record: PersonRecord;
  readonly resources: readonly Resource[];
  /** Informational outcome when consent withholds something (never what). */
  readonly notice: OperationOutcome | null;
}

interface CachedView {
  readonly record: PersonRecord;
  readonly resources: readonly Resource[];
}

const caches = new WeakMap<object, VersionedCache<CachedView>>();
/** Rough in-memory size of a mapped resource (objects, not JSON text), for the cache bound. */
const RESOURCE_BYTES = 4000;

function cacheOf(db: Queryable): VersionedCache<CachedView> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new VersionedCache(128 * 1024 * 1024, 10 * 60_000)));
  return c;
}

export async function personResources(
  req: FastifyRequest,
  db: Queryable,
  personId: string,
  opts: { withReferenced?: boolean; resource?: string } = {},
): Promise<PersonResources> {
  await assertCanReadPerson(req, personId, { resource: opts.resource ?? 'Patient' });
  const [version, view] = await Promise.all([recordVersion(db, personId), consentFilterFor(req, personId)]);
  const today = todayVn();
  const key = cacheKey(personId, version, [
    [...view.hiddenEpisodes].sort(),
    view.facilityBlocked,
    opts.withReferenced ?? false,
    today,
  ]);
  const cache = cacheOf(db);
  let cached = cache.get(key);
  if (!cached) {
    const loaded = await loadRecord(db, personId, {
      hidden: [...view.hiddenEpisodes],
      blocked: view.facilityBlocked,
      fullDocuments: true,
    });
    if (!loaded) throw resourceNotFound('Patient', personId);
    const resources = recordResources(loaded.record, { today, withReferenced: opts.withReferenced ?? false });
    cached = { record: loaded.record, resources };
    cache.set(key, cached, resources.length * RESOURCE_BYTES);
  }
  const { record, resources } = cached;
  const withheld = view.facilityBlocked || view.hiddenCount > 0;
  return {
    personId,
    record,
    resources,
    notice: withheld
      ? outcome([
          {
            severity: 'information',
            code: 'suppressed',
            diagnostics: view.facilityBlocked ? CONSENT_MESSAGES.blocked : CONSENT_MESSAGES.hidden,
            errorCode: view.facilityBlocked ? 'CONSENT_FACILITY_BLOCKED' : 'CONSENT_WITHHELD',
          },
        ])
      : null,
  };
}
