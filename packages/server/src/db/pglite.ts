import { PGlite, types } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './types.ts';

/** Embedded PostgreSQL (WASM). One connection: PGlite serialises queries and transactions itself. */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const pg = await PGlite.create(dataDir ?? 'memory://', {
    // int8 (count(*), bigint) as JS numbers, the same as the pg driver is configured to do.
    parsers: { [types.INT8]: (v: string) => Number(v), [types.NUMERIC]: (v: string) => Number(v) },
  });
  const q: Queryable = {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const r = await pg.query<T>(sql, params as unknown[]);
      return r.rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
  return {
    engine: 'pglite',
    ...q,
    transaction: (fn) =>
      pg.transaction(async (tx) =>
        fn({
          async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
            return (await tx.query<T>(sql, params as unknown[])).rows;
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => pg.close(),
  };
}
