/**
 * A person's data as FHIR resources, for the request's caller: access checked (self, care
 * relationship or break-glass — auth/person-access.ts), consent directives applied (hidden
 * episodes and what hangs off them left out; a blocked facility sees no clinical data), record
 * loaded in one statement, mapped by the domain.
 *
 * Two steps, so that a response cached for this view is served without the view itself:
 * `personView` checks access and names the view (person, record version, consent view, options —
 * one small query for the version); `view.resources()` loads and maps it, or takes it from the cache.
 */
import type { FastifyRequest } from 'fastify';
import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { PersonRecord } from '@suckhoe/domain/healthbook/index';
import { CONSENT_MESSAGES } from '@suckhoe/domain/healthbook/index';
import { outcome, recordResources } from '@suckhoe/domain/fhir/index';
import { assertCanReadPerson } from '../auth/person-access.ts';
import { consentFilterFor } from '../consent/repo.ts';
import type { Queryable } from '../db/types.ts';
import { cacheKey, recordVersionFor, VersionedCache } from '../healthbook/cache.ts';
import { loadRecord } from '../healthbook/load.ts';
import { todayVn } from './http.ts';
import { resourceNotFound } from './errors.ts';

export interface PersonResources {
  readonly personId: string;
  readonly record: PersonRecord;
  readonly resources: readonly Resource[];
  /** Informational outcome when consent withholds something (never what). */
  readonly notice: OperationOutcome | null;
  /**
   * Values derived from this view by its users (e.g. `$everything`'s serialised resources), kept as
   * long as the view is cached: computed once per view.
   */
  derived<T>(name: string, make: () => Promise<T>): Promise<T>;
}

export interface PersonView {
  readonly personId: string;
  /** The view's cache key (person, record version, consent view, options): a validator for responses built from it. */
  readonly key: string;
  readonly notice: OperationOutcome | null;
  /** The view's resources (cached per key). */
  resources(): Promise<PersonResources>;
}

interface CachedView {
  readonly record: PersonRecord;
  readonly resources: readonly Resource[];
  readonly derived: Map<string, Promise<unknown>>;
}

const caches = new WeakMap<object, VersionedCache<CachedView>>();
/** Rough in-memory size of a mapped resource (objects, and the JSON text derived from them), for the cache bound. */
const RESOURCE_BYTES = 5000;

function cacheOf(db: Queryable): VersionedCache<CachedView> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new VersionedCache(256 * 1024 * 1024, 10 * 60_000)));
  return c;
}

export async function personView(
  req: FastifyRequest,
  db: Queryable,
  personId: string,
  opts: { withReferenced?: boolean; resource?: string } = {},
): Promise<PersonView> {
  await assertCanReadPerson(req, personId, { resource: opts.resource ?? 'Patient' });
  const [version, view] = await Promise.all([
    recordVersionFor(req, db, personId),
    consentFilterFor(req, personId),
  ]);
  const today = todayVn();
  const withReferenced = opts.withReferenced ?? false;
  const hidden = view.hiddenEpisodes.size === 0 ? [] : [...view.hiddenEpisodes].sort();
  const key = cacheKey(personId, version, [hidden, view.facilityBlocked, withReferenced, today]);
  const withheld = view.facilityBlocked || view.hiddenCount > 0;
  const notice = withheld
    ? outcome([
        {
          severity: 'information',
          code: 'suppressed',
          diagnostics: view.facilityBlocked ? CONSENT_MESSAGES.blocked : CONSENT_MESSAGES.hidden,
          errorCode: view.facilityBlocked ? 'CONSENT_FACILITY_BLOCKED' : 'CONSENT_WITHHELD',
        },
      ])
    : null;
  return {
    personId,
    key,
    notice,
    async resources() {
      const cache = cacheOf(db);
      let cached = cache.get(key);
      if (!cached) {
        const loaded = await loadRecord(db, personId, {
          hidden: [...view.hiddenEpisodes],
          blocked: view.facilityBlocked,
          fullDocuments: true,
        });
        if (!loaded) throw resourceNotFound('Patient', personId);
        const resources = recordResources(loaded.record, { today, withReferenced });
        cached = { record: loaded.record, resources, derived: new Map() };
        cache.set(key, cached, resources.length * RESOURCE_BYTES);
      }
      const { record, resources, derived } = cached;
      return {
        personId,
        record,
        resources,
        notice,
        derived<T>(name: string, make: () => Promise<T>): Promise<T> {
          let p = derived.get(name) as Promise<T> | undefined;
          if (!p) {
            p = make();
            derived.set(name, p);
            // A failure is not kept: the next request computes again.
            p.catch(() => derived.delete(name));
          }
          return p;
        },
      };
    },
  };
}

export async function personResources(
  req: FastifyRequest,
  db: Queryable,
  personId: string,
  opts: { withReferenced?: boolean; resource?: string } = {},
): Promise<PersonResources> {
  return (await personView(req, db, personId, opts)).resources();
}
