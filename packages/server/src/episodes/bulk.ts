/**
 * Multi-row inserts: one `INSERT … VALUES (…), (…)` per table and batch, every cell a parameter with
 * an explicit cast, up to ~60,000 parameters per statement. Measured against `unnest` of one array
 * per column: about twice as fast for wide text/JSON rows on PostgreSQL 15 and PGlite alike.
 */
import type { Queryable } from '../db/types.ts';

export type ColumnType =
  | 'uuid'
  | 'text'
  | 'integer'
  | 'numeric'
  | 'timestamptz'
  | 'date'
  | 'boolean'
  | 'json'
  | 'jsonb'
  | 'text[]'
  | 'date[]';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
const MAX_PARAMS = 60_000;

/** Inserts `rows` (one value per column, in column order) into `table`. */
export async function bulkInsert(
  q: Queryable,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (!IDENT.test(table) || columns.some((c) => !IDENT.test(c.name)))
    throw new Error(`bad identifier in ${table}`);
  const head = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES `;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const cells: string[] = [];
      columns.forEach((c, i) => {
        params.push(row[i] ?? null);
        cells.push(`$${params.length}::${c.type}`);
      });
      tuples.push(`(${cells.join(',')})`);
    }
    await q.query(head + tuples.join(','), params);
  }
}
