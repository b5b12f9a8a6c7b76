/**
 * Searches of person-centred types (Encounter, Condition, Observation, …): the person comes from
 * `patient` / `subject` (a Patient id), `patient.identifier`, or the `_id` of the resource. Each
 * named person is checked (403 when the caller may not read them); persons found through an
 * identifier chain are filtered quietly (readablePersons). The rest of the query runs in memory over
 * the person's FHIR view (consent applied), with `_sort`, paging and `_include`.
 */
import type { FastifyRequest } from 'fastify';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { referenceKey, runSearch, searchset, valuesOf, type ParsedSearch } from '@suckhoe/domain/fhir/index';
import { readablePersons } from '../auth/person-access.ts';
import type { Queryable } from '../db/types.ts';
import { FhirError } from './errors.ts';
import { baseUrl, queryWithoutPaging } from './http.ts';
import { includes } from './include.ts';
import { personOfResource } from './locate.ts';
import { personOfPatientId } from './patients.ts';
import { personResources } from './person-record.ts';

const PATIENT_PARAMS = new Set(['patient', 'subject']);

/** Patient id of a `patient=` value (`123`, `Patient/123`, `http://…/Patient/123`); null for other types. */
function patientIdOf(v: string): string | null {
  const k = referenceKey(v);
  if (k) return k.startsWith('Patient/') ? k.slice(8) : null;
  return /^[A-Za-z0-9\-.]{1,64}$/.test(v) ? v : null;
}

async function personsByIdentifier(db: Queryable, values: readonly string[]): Promise<string[]> {
  const raw = values.map((v) => (v.includes('|') ? v.slice(v.indexOf('|') + 1) : v));
  const norm = raw.map((v) => v.toUpperCase().replace(/[\s.\-_/]/g, ''));
  const rows = await db.query<{ id: string }>(
    `SELECT p.id FROM person p WHERE p.status = 'active' AND (p.personal_id = ANY($1::text[])
       OR p.id IN (SELECT person_id FROM person_identifier WHERE value = ANY($1::text[]))
       OR p.id IN (SELECT person_id FROM person_fhir_identifier WHERE value = ANY($2::text[]))) LIMIT 100`,
    [norm, raw],
  );
  return rows.map((r) => r.id);
}

export async function searchClinical(req: FastifyRequest, db: Queryable, s: ParsedSearch): Promise<Bundle> {
  const named = new Set<string>();
  const quiet = new Set<string>();
  for (const p of s.params.filter((x) => PATIENT_PARAMS.has(x.def.name))) {
    for (const v of p.values) {
      const id = patientIdOf(v);
      const person = id === null ? null : await personOfPatientId(db, id);
      if (person) named.add(person);
    }
  }
  if (s.patientIdentifier.length)
    for (const id of await personsByIdentifier(db, s.patientIdentifier)) quiet.add(id);
  const hasPatientParam =
    s.params.some((x) => PATIENT_PARAMS.has(x.def.name)) || s.patientIdentifier.length > 0;
  if (!hasPatientParam) {
    const ids = valuesOf(s, '_id');
    if (ids.length === 0) {
      throw new FhirError(
        400,
        'PATIENT_REQUIRED',
        `Tìm ${s.type} cần tham số patient (hoặc subject, patient.identifier, _id): dữ liệu lâm sàng chỉ được tra cứu theo từng người.`,
        'too-costly',
      );
    }
    for (const id of ids) {
      const person = await personOfResource(db, s.type, id);
      if (person) named.add(person);
    }
  }
  for (const id of [...quiet]) if (named.has(id)) quiet.delete(id);
  const allowedQuiet = await readablePersons(req, [...quiet]);
  const persons = [...named, ...[...quiet].filter((id) => allowedQuiet.has(id))];
  const pool: Resource[] = [];
  const notices: OperationOutcome[] = [];
  for (const personId of persons) {
    const pr = await personResources(req, db, personId, { resource: s.type });
    pool.push(...pr.resources);
    if (pr.notice) notices.push(pr.notice);
  }
  const inMemory: ParsedSearch = { ...s, params: s.params.filter((p) => !PATIENT_PARAMS.has(p.def.name)) };
  const { total, page } = runSearch(pool, inMemory);
  const included = await includes(db, page, s.include, pool);
  if (persons.length > 0) {
    await req.audit(
      persons.map((personId) => ({
        action: 'search' as const,
        resource: s.type,
        personId,
        details: { matches: total },
      })),
    );
  }
  const notice = notices[0];
  return searchset({
    base: baseUrl(req),
    selfPath: `${s.type}?${queryWithoutPaging(req)}`,
    total,
    offset: s.offset,
    count: s.count,
    matches: page,
    included,
    ...(notice ? { outcome: notice } : {}),
  });
}
