/**
 * `GET /fhir/R4/Patient?…` — candidates from the registry by identifier (any system: registry
 * identifiers and FHIR-received ones), `_id`, name words (diacritics-insensitive) or birth date;
 * then only the persons the caller may read (auth readablePersons: self, care relationship, or
 * break-glass), then the full FHIR matching in memory.
 */
import type { FastifyRequest } from 'fastify';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { normalizeText } from '@suckhoe/domain';
import {
  extract,
  parseDateValue,
  referenceKey,
  searchParam,
  patientResource,
  runSearch,
  searchset,
  valuesOf,
  type ParsedSearch,
} from '@suckhoe/domain/fhir/index';
import { readablePersons } from '../auth/person-access.ts';
import type { Queryable } from '../db/types.ts';
import { FhirError } from './errors.ts';
import { personResources } from './person-record.ts';
import { baseUrl, queryWithoutPaging } from './http.ts';
import { personOfPatientId, personRows } from './patients.ts';

const CANDIDATE_LIMIT = 1000;

const tokenValue = (v: string): string => (v.includes('|') ? v.slice(v.indexOf('|') + 1) : v);

async function byIdentifier(db: Queryable, values: readonly string[]): Promise<string[]> {
  const raw = values.map(tokenValue).filter(Boolean);
  const norm = raw.map((v) =>
    v
      .normalize('NFC')
      .toUpperCase()
      .replace(/[\s.\-_/]/g, ''),
  );
  const rows = await db.query<{ id: string }>(
    `SELECT p.id FROM person p WHERE p.status = 'active' AND (
       p.personal_id = ANY($1::text[]) OR p.id::text = ANY($3::text[])
       OR p.id IN (SELECT person_id FROM person_identifier WHERE value = ANY($1::text[]))
       OR p.id IN (SELECT person_id FROM person_fhir_identifier WHERE value = ANY($2::text[])))
     LIMIT ${CANDIDATE_LIMIT}`,
    [norm, raw, raw.map((v) => v.toLowerCase())],
  );
  return rows.map((r) => r.id);
}

async function byName(db: Queryable, values: readonly string[]): Promise<string[]> {
  const tokens = [...new Set(values.flatMap((v) => normalizeText(v).split(' ').filter(Boolean)))];
  if (tokens.length === 0) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM person WHERE status = 'active' AND name_tokens @> $1::text[] ORDER BY name_key, id LIMIT ${CANDIDATE_LIMIT}`,
    [tokens],
  );
  return rows.map((r) => r.id);
}

async function byBirthDate(db: Queryable, values: readonly string[]): Promise<string[]> {
  const years = new Set<number>();
  for (const v of values) {
    const d = parseDateValue(v);
    if (!d)
      throw new FhirError(400, 'INVALID_DATE', `Giá trị ngày không hợp lệ: ${v.slice(0, 30)}.`, 'invalid');
    const from = new Date(d.range[0] + 7 * 3600_000).getUTCFullYear();
    const to = new Date(d.range[1] - 1 + 7 * 3600_000).getUTCFullYear();
    if (d.prefix !== 'eq' || to - from > 5) {
      throw new FhirError(
        400,
        'SEARCH_TOO_BROAD',
        'Tìm theo ngày sinh cần kèm họ tên hoặc mã định danh (hoặc một ngày cụ thể).',
        'too-costly',
      );
    }
    for (let y = from; y <= to; y++) years.add(y);
  }
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM person WHERE status = 'active' AND birth_year = ANY($1::int[]) ORDER BY id LIMIT ${CANDIDATE_LIMIT}`,
    [[...years]],
  );
  return rows.map((r) => r.id);
}

const intersect = (a: string[] | null, b: string[]): string[] =>
  a === null ? b : a.filter((x) => b.includes(x));

export async function searchPatients(req: FastifyRequest, db: Queryable, s: ParsedSearch): Promise<Bundle> {
  let ids: string[] | null = null;
  const identifiers = valuesOf(s, 'identifier');
  if (identifiers.length) ids = intersect(ids, await byIdentifier(db, identifiers));
  const idValues = valuesOf(s, '_id');
  if (idValues.length) {
    const found = (await Promise.all(idValues.map((v) => personOfPatientId(db, v)))).filter(
      (x): x is string => x !== null,
    );
    ids = intersect(ids, found);
  }
  const names = [...valuesOf(s, 'name'), ...valuesOf(s, 'family'), ...valuesOf(s, 'given')];
  if (names.length && (ids === null || ids.length > 0)) ids = intersect(ids, await byName(db, names));
  const births = valuesOf(s, 'birthdate');
  if (births.length && ids === null) ids = await byBirthDate(db, births);
  if (ids === null) {
    throw new FhirError(
      400,
      'SEARCH_TOO_BROAD',
      'Tìm người bệnh cần ít nhất một trong các tham số identifier, _id, name (family, given) hoặc birthdate.',
      'too-costly',
    );
  }
  const readable = await readablePersons(req, ids);
  const rows = await personRows(
    db,
    ids.filter((id) => readable.has(id)),
  );
  const resources = rows.map(patientResource);
  // `_id` matched the platform id or an alias in SQL; the resources carry the platform id only.
  const inMemory: ParsedSearch = { ...s, params: s.params.filter((p) => p.def.name !== '_id') };
  const { total, page } = runSearch(resources, inMemory);
  if (page.length > 0) {
    await req.audit(
      page.map((r) => ({
        action: 'search' as const,
        resource: 'Patient',
        personId: r.id ?? null,
        details: { fhir: true },
      })),
    );
  }
  const rev = await revincluded(req, db, page, s);
  return searchset({
    base: baseUrl(req),
    selfPath: `Patient?${queryWithoutPaging(req)}`,
    total,
    offset: s.offset,
    count: s.count,
    matches: page,
    included: rev.resources,
    ...(rev.notice ? { outcome: rev.notice } : {}),
  });
}

/**
 * `_revinclude=Type:param` — each matched patient's own resources of `Type` whose `param` points at
 * them, from the person's FHIR view (consent applied, the same view as a search of that type; the
 * persons were audited as searched above).
 */
async function revincluded(
  req: FastifyRequest,
  db: Queryable,
  page: readonly Resource[],
  s: ParsedSearch,
): Promise<{ resources: Resource[]; notice: OperationOutcome | null }> {
  const resources: Resource[] = [];
  let notice: OperationOutcome | null = null;
  if (s.revinclude.length === 0) return { resources, notice };
  for (const patient of page) {
    const pr = await personResources(req, db, patient.id ?? '', { resource: 'Patient' });
    notice ??= pr.notice;
    const self = `Patient/${patient.id ?? ''}`;
    for (const spec of s.revinclude) {
      const def = searchParam(spec.sourceType, spec.param);
      if (!def) continue;
      for (const r of pr.resources) {
        if (r.resourceType !== spec.sourceType) continue;
        if (extract(r, def).some((v) => referenceKey(v) === self)) resources.push(r);
      }
    }
  }
  return { resources, notice };
}
