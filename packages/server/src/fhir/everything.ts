/**
 * `GET /fhir/R4/Patient/{id}/$everything` — the patient's whole record as a searchset Bundle: the
 * Patient, every resource of the FHIR view (consent applied), and the facilities, practitioners and
 * directory entries they reference. `_type`, `start`/`end` (clinical date), `_since` (lastUpdated),
 * `_count` (default 1000) and `_offset` paging.
 */
import type { FastifyRequest } from 'fastify';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { dateRange, extract, referenceKey, searchParam, searchset } from '@suckhoe/domain/fhir/index';
import type { Queryable } from '../db/types.ts';
import { FhirError, resourceNotFound } from './errors.ts';
import { baseUrl, queryWithoutPaging } from './http.ts';
import { personOfPatientId } from './patients.ts';
import { personResources } from './person-record.ts';
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

function inPeriod(r: Resource, start: number | null, end: number | null): boolean {
  if (start === null && end === null) return true;
  const def =
    searchParam(r.resourceType, 'date') ??
    searchParam(r.resourceType, 'authoredon') ??
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

export async function everything(
  req: FastifyRequest,
  db: Queryable,
  id: string,
  q: EverythingQuery,
): Promise<Bundle> {
  const personId = await personOfPatientId(db, id);
  if (!personId) throw resourceNotFound('Patient', id);
  const pr = await personResources(req, db, personId, { withReferenced: true, resource: 'Patient' });
  const have = new Set(pr.resources.map((r) => `${r.resourceType}/${r.id ?? ''}`));
  const wanted = new Set<string>();
  for (const r of pr.resources) {
    for (const path of [
      'serviceProvider',
      'participant.individual',
      'requester',
      'performer.actor',
      'partOf',
    ]) {
      for (const v of extract(r, { name: path, type: 'reference', paths: [path], documentation: '' })) {
        const k = referenceKey(v);
        if (k && !have.has(k)) wanted.add(k);
      }
    }
  }
  const all = [...pr.resources, ...(await sharedResources(db, [...wanted]))];
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
  const filtered = all.filter(
    (r) =>
      (types === null || types.has(r.resourceType)) &&
      (r.resourceType === 'Patient' || inPeriod(r, start, end)) &&
      (since === null || !r.meta?.lastUpdated || Date.parse(r.meta.lastUpdated) >= since),
  );
  const count = Math.min(q._count ?? EVERYTHING_DEFAULT_COUNT, MAX_COUNT);
  const offset = q._offset ?? 0;
  await req.audit({
    action: 'read',
    resource: 'Patient',
    resourceId: '$everything',
    personId,
    details: { resources: filtered.length },
  });
  return searchset({
    base: baseUrl(req),
    selfPath: `Patient/${id}/$everything${queryWithoutPaging(req) ? `?${queryWithoutPaging(req)}` : ''}`,
    total: filtered.length,
    offset,
    count,
    matches: filtered.slice(offset, offset + count),
    ...(pr.notice ? { outcome: pr.notice } : {}),
  });
}
