import pg from 'pg';
import type { Db, Queryable, QueryOptions, Row } from './types.ts';

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// Keep `date` as the ISO string it is in the database (no time-zone shift through JS Date).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** PostgreSQL server through a connection pool. */
export function openPostgres(url: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    // An idle client died (server restart); the pool replaces it on next use.
  });
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = [], options?: QueryOptions) {
      const r = options?.name
        ? await c.query<T>({ name: options.name, text: sql, values: params as unknown[] })
        : await c.query<T>(sql, params as unknown[]);
      return r.rows;
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
