import type { Queryable } from '../db/types.ts';

export const FACILITY_LEVELS = [
  'central_hospital',
  'provincial_hospital',
  'district_centre',
  'commune_station',
  'private_clinic',
] as const;
export type FacilityLevel = (typeof FACILITY_LEVELS)[number];

export interface Facility {
  code: string;
  name: string;
  level: FacilityLevel;
  provinceCode: string;
  communeCode: string | null;
  parentCode: string | null;
  status: 'active' | 'inactive';
  acceptUnsigned: boolean;
  certificateSha256: string | null;
}

interface FacilityRow {
  code: string;
  name: string;
  level: FacilityLevel;
  province_code: string;
  commune_code: string | null;
  parent_code: string | null;
  status: 'active' | 'inactive';
  accept_unsigned: boolean;
  certificate_sha256: string | null;
  [k: string]: unknown;
}

const COLS =
  'code, name, level, province_code, commune_code, parent_code, status, accept_unsigned, certificate_sha256';

const toFacility = (r: FacilityRow): Facility => ({
  code: r.code,
  name: r.name,
  level: r.level,
  provinceCode: r.province_code,
  communeCode: r.commune_code,
  parentCode: r.parent_code,
  status: r.status,
  acceptUnsigned: r.accept_unsigned,
  certificateSha256: r.certificate_sha256,
});

export async function getFacility(db: Queryable, code: string): Promise<Facility | null> {
  const [r] = await db.query<FacilityRow>(`SELECT ${COLS} FROM facility WHERE code = $1`, [code]);
  return r ? toFacility(r) : null;
}

export interface FacilityQuery {
  provinceCode?: string | undefined;
  communeCode?: string | undefined;
  level?: FacilityLevel | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function listFacilities(
  db: Queryable,
  f: FacilityQuery,
): Promise<{ items: Facility[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, v: unknown): void => {
    params.push(v);
    where.push(cond.replace('?', `$${params.length}`));
  };
  if (f.provinceCode) add('province_code = ?', f.provinceCode);
  if (f.communeCode) add('commune_code = ?', f.communeCode);
  if (f.level) add('level = ?', f.level);
  if (f.q) {
    params.push(f.q);
    const i = params.length;
    where.push(`(code ILIKE $${i} || '%' OR name ILIKE '%' || $${i} || '%')`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM facility ${w}`, params);
  const rows = await db.query<FacilityRow>(
    `SELECT ${COLS} FROM facility ${w} ORDER BY level, code LIMIT ${f.limit} OFFSET ${f.offset}`,
    params,
  );
  return { items: rows.map(toFacility), total: count?.n ?? 0 };
}

export interface FacilityInput {
  code: string;
  name: string;
  level: FacilityLevel;
  provinceCode: string;
  communeCode?: string | null | undefined;
  parentCode?: string | null | undefined;
  acceptUnsigned?: boolean | undefined;
  status?: 'active' | 'inactive' | undefined;
}

export async function insertFacilities(db: Queryable, items: readonly FacilityInput[]): Promise<void> {
  // Parents first, so the self-reference is satisfied within one batch.
  const sorted = [...items].sort((a, b) => Number(Boolean(a.parentCode)) - Number(Boolean(b.parentCode)));
  for (let i = 0; i < sorted.length; i += 500) {
    const chunk = sorted.slice(i, i + 500);
    const params: unknown[] = [];
    const values = chunk.map((f) => {
      params.push(
        f.code,
        f.name,
        f.level,
        f.provinceCode,
        f.communeCode ?? null,
        f.parentCode ?? null,
        f.acceptUnsigned ?? false,
        f.status ?? 'active',
      );
      const b = params.length - 8;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
    });
    await db.query(
      `INSERT INTO facility (code, name, level, province_code, commune_code, parent_code, accept_unsigned, status)
       VALUES ${values.join(', ')}`,
      params,
    );
  }
}

export async function updateFacility(
  db: Queryable,
  code: string,
  patch: Partial<Omit<FacilityInput, 'code'>>,
): Promise<Facility | null> {
  const map: Record<string, string> = {
    name: 'name',
    level: 'level',
    provinceCode: 'province_code',
    communeCode: 'commune_code',
    parentCode: 'parent_code',
    acceptUnsigned: 'accept_unsigned',
    status: 'status',
  };
  const sets: string[] = [];
  const params: unknown[] = [code];
  for (const [k, v] of Object.entries(patch) as [string, unknown][]) {
    const col = map[k];
    if (!col || v === undefined) continue;
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  }
  if (sets.length === 0) return getFacility(db, code);
  const [r] = await db.query<FacilityRow>(
    `UPDATE facility SET ${sets.join(', ')}, updated_at = now() WHERE code = $1 RETURNING ${COLS}`,
    params,
  );
  return r ? toFacility(r) : null;
}

export async function setCertificate(
  db: Queryable,
  code: string,
  pem: string,
  sha256: string,
): Promise<boolean> {
  const rows = await db.query(
    'UPDATE facility SET certificate_pem = $2, certificate_sha256 = $3, updated_at = now() WHERE code = $1 RETURNING code',
    [code, pem, sha256],
  );
  return rows.length === 1;
}

export async function getCertificatePem(db: Queryable, code: string): Promise<string | null> {
  const [r] = await db.query<{ certificate_pem: string | null }>(
    'SELECT certificate_pem FROM facility WHERE code = $1',
    [code],
  );
  return r?.certificate_pem ?? null;
}
