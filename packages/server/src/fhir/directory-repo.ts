/** Reading facilities and directory entries (external organisations, locations, practitioners, roles). */
import type { FacilityRow } from '@suckhoe/domain/healthbook/index';
import type { DirectoryKind, DirectoryRow } from '@suckhoe/domain/fhir/index';
import type { Queryable } from '../db/types.ts';

const FACILITY_COLS = `f.code, f.name, f.level, f.province_code AS "provinceCode", f.commune_code AS "communeCode",
  f.parent_code AS "parentCode", f.status`;

export async function facilitiesByCode(db: Queryable, codes: readonly string[]): Promise<FacilityRow[]> {
  if (codes.length === 0) return [];
  return db.query<FacilityRow & Record<string, unknown>>(
    `SELECT ${FACILITY_COLS} FROM facility f WHERE f.code = ANY($1::text[]) ORDER BY f.code`,
    [[...codes]],
  );
}

/** All facilities of the registry (a reference table: hundreds to a few thousand rows). */
export async function allFacilities(db: Queryable): Promise<FacilityRow[]> {
  return db.query<FacilityRow & Record<string, unknown>>(
    `SELECT ${FACILITY_COLS} FROM facility f ORDER BY f.code`,
  );
}

const DIRECTORY_COLS = `d.kind, d.id, d.name, d.identifiers, d.active, d.part_of AS "partOf", d.practitioner_id AS "practitionerId",
  d.details, d.updated_at AS "updatedAt"`;

export async function directoryEntries(
  db: Queryable,
  kind: DirectoryKind,
  ids: readonly string[],
): Promise<DirectoryRow[]> {
  if (ids.length === 0) return [];
  return db.query<DirectoryRow & Record<string, unknown>>(
    `SELECT ${DIRECTORY_COLS} FROM directory_entry d WHERE d.kind = $1 AND d.id = ANY($2::text[]) ORDER BY d.id`,
    [kind, [...ids]],
  );
}

/** Directory entries of a kind with any of these identifier keys (`system|value` or `|value`), or all (capped). */
export async function searchDirectory(
  db: Queryable,
  kind: DirectoryKind,
  o: { identifierKeys?: readonly string[]; limit: number },
): Promise<DirectoryRow[]> {
  if (o.identifierKeys?.length) {
    return db.query<DirectoryRow & Record<string, unknown>>(
      `SELECT ${DIRECTORY_COLS} FROM directory_entry d WHERE d.kind = $1 AND d.identifier_keys && $2::text[] ORDER BY d.id LIMIT $3`,
      [kind, [...o.identifierKeys], o.limit],
    );
  }
  return db.query<DirectoryRow & Record<string, unknown>>(
    `SELECT ${DIRECTORY_COLS} FROM directory_entry d WHERE d.kind = $1 ORDER BY d.id LIMIT $2`,
    [kind, o.limit],
  );
}

/** Search values of an `identifier` parameter as directory identifier keys. */
export const identifierSearchKeys = (values: readonly string[]): string[] =>
  values.map((v) => (v.includes('|') ? v : `|${v}`));
