/**
 * `GET /fhir/R4/Patient/{id}/$everything` — the patient's whole record as a searchset Bundle: the
 * Patient, every resource of the FHIR view (consent applied), and the facilities, practitioners and
 * directory entries they reference. `_type`, `start`/`end` (clinical date), `_since` (lastUpdated),
 * `_count` (default 1000) and `_offset` paging.
 *
 * Cost: the view (record load + mapping) is cached per record version (person-record.ts); on it,
 * the referenced directory entries and every resource's JSON text are derived once, so a page is
 * the filter plus a concatenation of ready JSON (`searchsetText`), never a walk of the objects. The
 * finished body is cached too (per view, base URL and query): a repeated read sends a Buffer.
 */
import type { FastifyRequest } from 'fastify';
import type { Resource } from '@medplum/fhirtypes';
import {
  dateRange,
  extract,
  referenceKey,
  searchParam,
  searchsetText,
  serialised,
  type SerialisedResource,
} from '@suckhoe/domain/fhir/index';
import type { Queryable } from '../db/types.ts';
import { etagOf, VersionedCache } from '../healthbook/cache.ts';
import { StoredBody } from '../http/stored-body.ts';
import { FhirError, resourceNotFound } from './errors.ts';
import { baseUrl, queryWithoutPaging } from './http.ts';
import { patientToRead } from './patients.ts';
import { personView } from './person-record.ts';
import { nameCertificatePractitioners } from './named-practitioners.ts';
import { sharedResources } from './shared-resources.ts';

export const EVERYTHING_DEFAULT_COUNT = 1000;
const MAX_COUNT = 5000;

export interface EverythingQuery {
  readonly _type?: string | undefined;
  readonly start?: string | undefined;
  readonly end?: string | undefined;
  readonly _since?: string | undefined;
  readonly _count?: number | undefined;
  readonly _offset?: number | undefined;
}

export interface EverythingResponse {
  /** The Bundle as UTF-8 JSON, ready to send (and its gzip form, made once when asked for). */
  readonly body: StoredBody;
  /** A strong validator: the same for the same record version, consent view, base URL and query. */
  readonly etag: string;
  /** Resources matched (all pages), for the audit event. */
  readonly total: number;
}

function inPeriod(r: Resource, start: number | null, end: number | null): boolean {
  if (start === null && end === null) return true;
  const def =
    searchParam(r.resourceType, 'date') ??
    searchParam(r.resourceType, 'authoredon') ??
    searchParam(r.resourceType, 'whenhandedover') ??
    searchParam(r.resourceType, 'onset-date');
  if (!def) return true; // Patient, Organization, … — not clinical dates
  const values = extract(r, def).filter((v): v is string => typeof v === 'string');
  const periods = extract(r, def).filter(
    (v): v is { start?: string; end?: string } => typeof v === 'object' && v !== null,
  );
  const ranges = [
    ...values.map((v) => dateRange(v)),
    ...periods.map((p) => {
      const s = p.start ? dateRange(p.start) : null;
      const e = p.end ? dateRange(p.end) : null;
      return s || e ? ([s?.[0] ?? -Infinity, e?.[1] ?? Infinity] as const) : null;
    }),
  ].filter((x): x is readonly [number, number] => x !== null);
  if (ranges.length === 0) return true;
  return ranges.some(([s, e]) => (start === null || e > start) && (end === null || s < end));
}

const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/**
 * The references a resource makes to shared resources that `$everything` adds: `serviceProvider`,
 * `participant.individual`, `requester`, `performer.actor`, `partOf` — read directly (this runs over
 * every resource of a long history; the generic FHIRPath-like `extract` costs ten times more).
 */
function sharedReferences(r: Resource): unknown[] {
  const o = r as unknown as Record<string, unknown>;
  const out = [...list(o.serviceProvider), ...list(o.requester), ...list(o.partOf)];
  for (const p of list(o.participant)) {
    if (p && typeof p === 'object') out.push(...list((p as { individual?: unknown }).individual));
  }
  for (const p of list(o.performer)) {
    if (p && typeof p === 'object') out.push(...list((p as { actor?: unknown }).actor));
  }
  return out;
}

/**
 * The view's resources plus the shared ones they reference, each with its JSON text — made when a
 * page first needs it, then kept with the view.
 */
class AllResources {
  private readonly texts: (SerialisedResource | undefined)[];
  constructor(readonly resources: readonly Resource[]) {
    this.texts = new Array<SerialisedResource | undefined>(resources.length);
  }
  serialised(i: number): SerialisedResource {
    return (this.texts[i] ??= serialised(this.resources[i]!));
  }
}

async function withReferenced(db: Queryable, resources: readonly Resource[]): Promise<AllResources> {
  const have = new Set(resources.map((r) => `${r.resourceType}/${r.id ?? ''}`));
  const wanted = new Set<string>();
  for (const r of resources) {
    for (const v of sharedReferences(r)) {
      const k = referenceKey(v);
      if (k && !have.has(k)) wanted.add(k);
    }
  }
  // The record's own certificate practitioners get their directory names here; the shared resources
  // it references come named already (sharedResources): one directory lookup each, no second pass.
  return new AllResources([
    ...(await nameCertificatePractitioners(db, resources)),
    ...(await sharedResources(db, [...wanted])),
  ]);
}

/** Finished bodies, per view key, base URL and query (the view key holds the record version). */
const bodies = new WeakMap<object, VersionedCache<EverythingResponse>>();
const BODY_CACHE_BYTES = 256 * 1024 * 1024;
const BODY_CACHE_AGE_MS = 10 * 60_000;

function bodyCache(db: Queryable): VersionedCache<EverythingResponse> {
  let c = bodies.get(db);
  if (!c) bodies.set(db, (c = new VersionedCache(BODY_CACHE_BYTES, BODY_CACHE_AGE_MS)));
  return c;
}

export async function everything(
  req: FastifyRequest,
  db: Queryable,
  id: string,
  q: EverythingQuery,
): Promise<EverythingResponse> {
  const personId = await patientToRead(req, db, id);
  if (!personId) throw resourceNotFound('Patient', id);
  const view = await personView(req, db, personId, { withReferenced: true, resource: 'Patient' });
  const base = baseUrl(req);
  const responseKey = `${view.key}|${base}|${req.url}`;
  const cache = bodyCache(db);
  let res = cache.get(responseKey);
  if (!res) {
    const pr = await view.resources();
    const all = await pr.derived('everything', () => withReferenced(db, pr.resources));
    const types = q._type ? new Set(q._type.split(',').map((t) => t.trim())) : null;
    const parse = (v: string | undefined, edge: 0 | 1): number | null => {
      if (!v) return null;
      const r = dateRange(v);
      if (!r)
        throw new FhirError(400, 'INVALID_DATE', `Giá trị ngày không hợp lệ: ${v.slice(0, 30)}.`, 'invalid');
      return r[edge];
    };
    const start = parse(q.start, 0);
    const end = parse(q.end, 1);
    const since = parse(q._since, 0);
    const filtered: number[] = [];
    for (const [i, r] of all.resources.entries()) {
      if (
        (types === null || types.has(r.resourceType)) &&
        (r.resourceType === 'Patient' || inPeriod(r, start, end)) &&
        (since === null || !r.meta?.lastUpdated || Date.parse(r.meta.lastUpdated) >= since)
      )
        filtered.push(i);
    }
    const count = Math.min(q._count ?? EVERYTHING_DEFAULT_COUNT, MAX_COUNT);
    const offset = q._offset ?? 0;
    const rest = queryWithoutPaging(req);
    const text = searchsetText({
      base,
      selfPath: `Patient/${id}/$everything${rest ? `?${rest}` : ''}`,
      total: filtered.length,
      offset,
      count,
      matches: filtered.slice(offset, offset + count).map((i) => all.serialised(i)),
      ...(pr.notice ? { outcome: pr.notice } : {}),
    });
    const body = new StoredBody(Buffer.from(text, 'utf8'));
    res = {
      body,
      etag: etagOf(responseKey),
      total: filtered.length,
    };
    cache.set(responseKey, res, body.size);
  }
  await req.audit({
    action: 'read',
    resource: 'Patient',
    resourceId: '$everything',
    personId,
    details: { resources: res.total },
  });
  return res;
}
