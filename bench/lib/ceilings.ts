import Fastify from 'fastify';
import type { Queryable } from '../../packages/server/src/db/types.ts';
import { httpLoad, type LoadGenerator, type LoadResult } from './http.ts';

/**
 * The machine's own limits, measured in the same run as the figures they sit beside.
 * - HTTP: a bare Fastify hello-world on loopback under the same load settings.
 * - Database: plain multi-row INSERTs of person-width rows (no indexes, no triggers).
 */

/** Raw HTTP rate: Fastify `GET /hello` → `{"hello":"world"}` on 127.0.0.1. */
export async function httpHelloCeiling(generator?: LoadGenerator): Promise<LoadResult> {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    return await httpLoad({ url, paths: ['/hello'], ...(generator ? { generator } : {}) });
  } finally {
    await app.close();
  }
}

const RAW_COLUMNS = 12;

/**
 * Raw multi-row insert rate (rows/s): `rows` rows of 12 text/int/date columns in 400-row INSERT
 * statements inside one transaction per 2,000 rows, into an unindexed temporary table.
 */
export async function rawInsertCeiling(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> } & Queryable,
  rows = 20_000,
): Promise<{ rate: number; rows: number }> {
  await db.exec(`DROP TABLE IF EXISTS bench_raw_insert;
    CREATE TABLE bench_raw_insert (a text, b text, c text, d date, e int, f text, g text, h text, i text, j text, k text, l text)`);
  const t0 = performance.now();
  for (let done = 0; done < rows; done += 2000) {
    await db.transaction(async (tx) => {
      for (let s = done; s < Math.min(rows, done + 2000); s += 400) {
        const params: unknown[] = [];
        const tuples: string[] = [];
        for (let r = s; r < Math.min(rows, s + 400); r++) {
          const b = params.length;
          params.push(
            `0920${String(r).padStart(8, '0')}`,
            `Nguyễn Văn ${r}`,
            'nguyen van',
            '1990-01-01',
            1990,
            'male',
            '01',
            '92',
            '31117',
            `Số ${r}, đường 30/4`,
            '0900000000',
            'active',
          );
          tuples.push(`(${Array.from({ length: RAW_COLUMNS }, (_, k) => `$${b + k + 1}`).join(', ')})`);
        }
        await tx.query(`INSERT INTO bench_raw_insert VALUES ${tuples.join(', ')}`, params);
      }
    });
  }
  const rate = rows / ((performance.now() - t0) / 1000);
  await db.exec('DROP TABLE bench_raw_insert');
  return { rate, rows };
}
