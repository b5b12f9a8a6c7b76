import type { Queryable, Db } from '../db/types.ts';
import { ApiError } from '../http/errors.ts';
import { getPerson, hydrate, PERSON_COLS } from './repo.ts';
import type { Person } from './model.ts';
import { PERSON_OWNED_TABLES } from './owned-tables.ts';

export interface DuplicatePair {
  a: Person;
  b: Person;
  reason: 'SAME_NAME_BIRTHDATE_COMMUNE';
}

/**
 * Probable duplicates: the same unaccented name (any word order), birth date and commune, not yet
 * decided. Never merged automatically; a person reviews each pair.
 */
export async function listProbableDuplicates(
  db: Queryable,
  f: { provinceCode?: string | undefined; communeCode?: string | undefined; limit: number; offset: number },
): Promise<{ items: DuplicatePair[]; total: number }> {
  const params: unknown[] = [];
  const cond: string[] = [];
  if (f.provinceCode) {
    params.push(f.provinceCode);
    cond.push(`a.province_code = $${params.length}`);
  }
  if (f.communeCode) {
    params.push(f.communeCode);
    cond.push(`a.commune_code = $${params.length}`);
  }
  const from = `FROM person a JOIN person b
      ON a.name_key = b.name_key AND a.birth_date = b.birth_date AND a.commune_code = b.commune_code AND a.id < b.id
    WHERE a.status = 'active' AND b.status = 'active'
      AND (a.personal_id IS NULL OR b.personal_id IS NULL OR a.personal_id <> b.personal_id)
      AND NOT EXISTS (SELECT 1 FROM person_distinct d WHERE d.person_a = a.id AND d.person_b = b.id)
      ${cond.map((c) => `AND ${c}`).join(' ')}`;
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
  const pairs = await db.query<{ a: string; b: string }>(
    `SELECT a.id AS a, b.id AS b ${from} ORDER BY a.name_key, a.id, b.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    params,
  );
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const rows = ids.length
    ? await db.query<Parameters<typeof hydrate>[1][number]>(
        `SELECT ${PERSON_COLS} FROM person p WHERE p.id = ANY($1::uuid[])`,
        [ids],
      )
    : [];
  const persons = new Map((await hydrate(db, rows)).map((p) => [p.id, p]));
  return {
    items: pairs.map((p) => ({
      a: persons.get(p.a)!,
      b: persons.get(p.b)!,
      reason: 'SAME_NAME_BIRTHDATE_COMMUNE',
    })),
    total: count?.n ?? 0,
  };
}

export async function markDistinct(db: Queryable, x: string, y: string, by: string): Promise<void> {
  const [a, b] = x < y ? [x, y] : [y, x];
  await db.query(
    'INSERT INTO person_distinct (person_a, person_b, decided_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [a, b, by],
  );
}

/**
 * Merge `mergedId` into `survivorId`, explicitly. Both records stay: the merged one is marked
 * `merged` and points at the survivor, its snapshot is kept, its identifiers are added to the
 * survivor's history, and rows of person-centred tables move to the survivor.
 */
export async function mergePersons(
  db: Db,
  survivorId: string,
  mergedId: string,
  by: string,
  reason: string | null,
): Promise<Person> {
  if (survivorId === mergedId) {
    throw new ApiError(400, 'MERGE_SAME_PERSON', 'Không thể gộp một hồ sơ với chính nó.');
  }
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; status: string; personal_id: string | null }>(
      'SELECT id, status, personal_id FROM person WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [[survivorId, mergedId]],
    );
    const survivor = rows.find((r) => r.id === survivorId);
    const merged = rows.find((r) => r.id === mergedId);
    if (!survivor || !merged) throw new ApiError(404, 'NOT_FOUND', 'Không tìm thấy một trong hai hồ sơ.');
    if (survivor.status !== 'active' || merged.status !== 'active') {
      throw new ApiError(409, 'PERSON_ALREADY_MERGED', 'Một trong hai hồ sơ đã được gộp trước đó.');
    }
    const snapshot = await getPerson(tx, mergedId);
    await tx.query(
      `INSERT INTO person_identifier (person_id, system, value, valid_from, valid_to, status, source)
       SELECT $1::uuid, system, value, valid_from, valid_to,
              CASE WHEN system = 'personalId' AND $3::text IS NOT NULL AND value <> $3::text THEN 'replaced' ELSE status END,
              'merge:' || $2::text
       FROM person_identifier WHERE person_id = $2::uuid ON CONFLICT DO NOTHING`,
      [survivorId, mergedId, survivor.personal_id],
    );
    await tx.query(
      "UPDATE person SET status = 'merged', merged_into = $1, personal_id = NULL, updated_at = now() WHERE id = $2",
      [survivorId, mergedId],
    );
    if (!survivor.personal_id && merged.personal_id) {
      await tx.query('UPDATE person SET personal_id = $2, updated_at = now() WHERE id = $1', [
        survivorId,
        merged.personal_id,
      ]);
    }
    for (const table of PERSON_OWNED_TABLES) {
      await tx.query(`UPDATE ${table} SET person_id = $1 WHERE person_id = $2`, [survivorId, mergedId]);
    }
    await tx.query(
      'INSERT INTO person_merge (survivor_id, merged_id, merged_by, reason, snapshot) VALUES ($1, $2, $3, $4, $5)',
      [survivorId, mergedId, by, reason, JSON.stringify(snapshot)],
    );
  });
  return (await getPerson(db, survivorId))!;
}
