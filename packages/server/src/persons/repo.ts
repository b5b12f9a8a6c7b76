import { nameKey, normalizeText } from '@suckhoe/domain';
import type { Queryable } from '../db/types.ts';
import { normalizeIdentifier, type Identifier, type Person, type PersonInput } from './model.ts';

interface PersonRow {
  id: string;
  personal_id: string | null;
  full_name: string;
  birth_date: string;
  sex: Person['sex'];
  ethnic_code: string | null;
  province_code: string | null;
  commune_code: string | null;
  address_line: string | null;
  phone: string | null;
  status: Person['status'];
  merged_into: string | null;
  [k: string]: unknown;
}

interface IdentifierRow {
  person_id: string;
  system: Identifier['system'];
  value: string;
  valid_from: string | Date | null;
  valid_to: string | Date | null;
  status: Identifier['status'];
  [k: string]: unknown;
}

export const PERSON_COLS =
  'p.id, p.personal_id, p.full_name, p.birth_date, p.sex, p.ethnic_code, p.province_code, p.commune_code, p.address_line, p.phone, p.status, p.merged_into';

const isoDate = (d: string | Date | null): string | undefined =>
  d === null ? undefined : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

function toPerson(r: PersonRow, ids: IdentifierRow[]): Person {
  return {
    id: r.id,
    personalId: r.personal_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    sex: r.sex,
    ethnicCode: r.ethnic_code,
    identifiers: ids.map((i) => {
      const from = isoDate(i.valid_from);
      const to = isoDate(i.valid_to);
      return {
        system: i.system,
        value: i.value,
        status: i.status,
        ...(from ? { validFrom: from } : {}),
        ...(to ? { validTo: to } : {}),
      };
    }),
    address: { provinceCode: r.province_code, communeCode: r.commune_code, line: r.address_line },
    phone: r.phone,
    status: r.status,
    mergedInto: r.merged_into,
  };
}

/** Load persons with their identifiers, keeping the order of `rows`. */
export async function hydrate(db: Queryable, rows: PersonRow[]): Promise<Person[]> {
  if (rows.length === 0) return [];
  const ids = await db.query<IdentifierRow>(
    `SELECT person_id, system, value, valid_from, valid_to, status FROM person_identifier
     WHERE person_id = ANY($1::uuid[]) ORDER BY system, valid_from NULLS FIRST, value`,
    [rows.map((r) => r.id)],
  );
  const by = new Map<string, IdentifierRow[]>();
  for (const i of ids) by.set(i.person_id, [...(by.get(i.person_id) ?? []), i]);
  return rows.map((r) => toPerson(r, by.get(r.id) ?? []));
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** By platform id or personal ID (DESIGN.md §4: `{person}` accepts either). Merged records lead to the survivor. */
export async function getPerson(db: Queryable, ref: string): Promise<Person | null> {
  const byId = UUID_RE.test(ref);
  const [row] = await db.query<PersonRow>(
    `SELECT ${PERSON_COLS} FROM person p WHERE ${byId ? 'p.id = $1::uuid' : 'p.personal_id = $1'}`,
    [byId ? ref.toLowerCase() : normalizeIdentifier(ref)],
  );
  if (!row) return null;
  if (row.status === 'merged' && row.merged_into) return getPerson(db, row.merged_into);
  const [p] = await hydrate(db, [row]);
  return p ?? null;
}

export interface PersonQuery {
  identifier?: string | undefined;
  name?: string | undefined;
  birthDate?: string | undefined;
  communeCode?: string | undefined;
  limit: number;
  offset: number;
}

/** Values an identifier search should match: the value itself, and for a 15-character BHYT code its BHXH number. */
export function identifierCandidates(raw: string): string[] {
  const v = normalizeIdentifier(raw);
  const out = new Set([v]);
  if (/^[A-Z]{2}[1-5]\d{2}\d{10}$/.test(v)) out.add(v.slice(5));
  return [...out];
}

export async function findPersons(
  db: Queryable,
  q: PersonQuery,
): Promise<{ items: Person[]; total: number }> {
  const where: string[] = ["p.status = 'active'"];
  const params: unknown[] = [];
  const param = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  if (q.identifier) {
    const vals = param(identifierCandidates(q.identifier));
    where.push(
      // Two index lookups joined by UNION ALL: an OR across the two tables would defeat both indexes.
      `p.id IN (SELECT id FROM person WHERE personal_id = ANY(${vals}::text[])
                UNION ALL SELECT person_id FROM person_identifier WHERE value = ANY(${vals}::text[]))`,
    );
  }
  if (q.name) {
    const tokens = normalizeText(q.name).split(' ').filter(Boolean);
    if (tokens.length > 0) where.push(`p.name_tokens @> ${param(tokens)}::text[]`);
  }
  if (q.birthDate) {
    if (/^\d{4}$/.test(q.birthDate)) where.push(`p.birth_year = ${param(Number(q.birthDate))}`);
    else {
      const d = param(q.birthDate);
      where.push(`(p.birth_date = ${d} OR p.birth_date = substr(${d}, 1, 4))`);
    }
  }
  if (q.communeCode) where.push(`p.commune_code = ${param(q.communeCode)}`);
  const w = where.join(' AND ');
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM person p WHERE ${w}`, params);
  const rows = await db.query<PersonRow>(
    `SELECT ${PERSON_COLS} FROM person p WHERE ${w} ORDER BY p.name_key, p.birth_date, p.id LIMIT ${q.limit} OFFSET ${q.offset}`,
    params,
  );
  return { items: await hydrate(db, rows), total: count?.n ?? 0 };
}

/**
 * The identifiers to store for a person: the personal ID, the given ones, and the BHXH number of
 * each BHYT card (its last 10 digits: one number per person for life, while card codes change).
 */
function withDerivedIdentifiers(
  p: PersonInput,
): { system: string; value: string; validFrom?: string | undefined; validTo?: string | undefined }[] {
  const all: {
    system: string;
    value: string;
    validFrom?: string | undefined;
    validTo?: string | undefined;
  }[] = [...(p.personalId ? [{ system: 'personalId', value: p.personalId }] : []), ...(p.identifiers ?? [])];
  for (const i of p.identifiers ?? []) {
    const v = normalizeIdentifier(i.value);
    if (i.system === 'bhyt' && /^[A-Z]{2}[1-5]\d{2}\d{10}$/.test(v))
      all.push({ system: 'bhxh', value: v.slice(5) });
  }
  return all;
}

/** Insert persons and their identifiers in multi-row batches (demo seed, imports). Returns ids in order. */
export async function insertPersons(
  db: Queryable,
  people: readonly (PersonInput & { id?: string })[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < people.length; i += 400) {
    const chunk = people.slice(i, i + 400);
    const params: unknown[] = [];
    const rows = chunk.map((p) => {
      const n = normalizeText(p.fullName);
      params.push(
        p.id ?? null,
        p.personalId ?? null,
        p.fullName.normalize('NFC').trim(),
        n.split(' ').filter(Boolean),
        nameKey(p.fullName),
        p.birthDate,
        Number(p.birthDate.slice(0, 4)),
        p.sex,
        p.ethnicCode ?? null,
        p.address?.provinceCode ?? null,
        p.address?.communeCode ?? null,
        p.address?.line ?? null,
        p.phone ?? null,
      );
      const b = params.length - 13;
      return `(coalesce($${b + 1}::uuid, gen_random_uuid()), ${Array.from({ length: 12 }, (_, k) => `$${b + k + 2}`).join(', ')})`;
    });
    const inserted = await db.query<{ id: string }>(
      `INSERT INTO person (id, personal_id, full_name, name_tokens, name_key, birth_date, birth_year, sex, ethnic_code,
         province_code, commune_code, address_line, phone)
       VALUES ${rows.join(', ')} RETURNING id`,
      params,
    );
    const idParams: unknown[] = [];
    const idRows: string[] = [];
    chunk.forEach((p, k) => {
      const pid = inserted[k]!.id;
      ids.push(pid);
      const all = withDerivedIdentifiers(p);
      for (const ident of all) {
        idParams.push(
          pid,
          ident.system,
          normalizeIdentifier(ident.value),
          ident.validFrom ?? null,
          ident.validTo ?? null,
        );
        const b = idParams.length - 5;
        idRows.push(`($${b + 1}::uuid, $${b + 2}, $${b + 3}, $${b + 4}::date, $${b + 5}::date)`);
      }
    });
    if (idRows.length > 0) {
      await db.query(
        `INSERT INTO person_identifier (person_id, system, value, valid_from, valid_to) VALUES ${idRows.join(', ')}
         ON CONFLICT DO NOTHING`,
        idParams,
      );
    }
  }
  return ids;
}
