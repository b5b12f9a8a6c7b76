/**
 * Multi-row upserts of the FHIR-received tables (`INSERT … ON CONFLICT (person_id, id) DO UPDATE`),
 * after removing rows whose id now belongs to another person (a resource moved between patients):
 * FHIR ids are unique per type, the tables' keys lead with person_id.
 */
import type { Queryable } from '../../db/types.ts';

export type CellType = 'uuid' | 'text' | 'numeric' | 'boolean' | 'timestamptz' | 'jsonb' | 'text[]';

export interface ColumnSpec<T> {
  readonly name: string;
  readonly type: CellType;
  readonly get: (row: T) => unknown;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
const MAX_PARAMS = 30_000;

/** Upserts rows keyed (person_id, id); returns the ids that were inserted (not updated). */
export async function upsertRows<T extends { personId: string; id: string }>(
  q: Queryable,
  table: string,
  columns: readonly ColumnSpec<T>[],
  rows: readonly T[],
): Promise<Set<string>> {
  if (!IDENT.test(table) || columns.some((c) => !IDENT.test(c.name)))
    throw new Error(`bad identifier in ${table}`);
  const inserted = new Set<string>();
  if (rows.length === 0) return inserted;
  // Last write wins within one call (a batch may carry the same id twice).
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  await q.query(
    `DELETE FROM ${table} t USING unnest($1::text[], $2::uuid[]) AS m(id, person_id) WHERE t.id = m.id AND t.person_id <> m.person_id`,
    [unique.map((r) => r.id), unique.map((r) => r.personId)],
  );
  const all: ColumnSpec<T>[] = [
    { name: 'person_id', type: 'uuid', get: (r) => r.personId },
    { name: 'id', type: 'text', get: (r) => r.id },
    ...columns,
  ];
  const set = [...columns.map((c) => `${c.name} = EXCLUDED.${c.name}`), 'updated_at = now()'].join(', ');
  const per = Math.max(1, Math.floor(MAX_PARAMS / all.length));
  for (let start = 0; start < unique.length; start += per) {
    const chunk = unique.slice(start, start + per);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const cells = all.map((c) => {
        const v = c.get(row);
        params.push(v === undefined ? null : c.type === 'jsonb' && v !== null ? JSON.stringify(v) : v);
        return `$${params.length}::${c.type}`;
      });
      return `(${cells.join(',')})`;
    });
    const res = await q.query<{ id: string; inserted: boolean }>(
      `INSERT INTO ${table} (${all.map((c) => c.name).join(', ')}) VALUES ${tuples.join(',')}
       ON CONFLICT (person_id, id) DO UPDATE SET ${set}
       RETURNING id, (xmax = 0) AS inserted`,
      params,
    );
    for (const r of res) if (r.inserted) inserted.add(r.id);
  }
  return inserted;
}
