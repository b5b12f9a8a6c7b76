import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { note } from './run.ts';
import { openPglite } from '../../packages/server/src/db/pglite.ts';
import { openPostgres } from '../../packages/server/src/db/postgres.ts';
import { migrate } from '../../packages/server/src/db/migrate.ts';
import type { Db } from '../../packages/server/src/db/types.ts';
import { benchConfig } from './config.ts';
import type { BenchEngine } from './figure.ts';

/** PGlite always; PostgreSQL too when BENCH_DATABASE_URL is set; BENCH_ENGINES=postgres (or pglite) picks one. */
export function benchEngines(): BenchEngine[] {
  const all: BenchEngine[] = benchConfig.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  const only = process.env.BENCH_ENGINES?.split(',').map((s) => s.trim());
  return only ? all.filter((e) => only.includes(e)) : all;
}

export interface BenchDb {
  db: Db;
  engine: BenchEngine;
  /** Server version string (`PostgreSQL 15.18 …`, `PostgreSQL 18.6 (PGlite …)`). */
  version: string;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database: in-memory PGlite, or a new database on the BENCH_DATABASE_URL server
 * (dropped by `dispose`).
 */
export async function openBenchDb(engine: BenchEngine, poolSize = 12): Promise<BenchDb> {
  let db: Db;
  let drop: (() => Promise<void>) | null = null;
  if (engine === 'pglite') {
    db = await openPglite(undefined);
  } else {
    const url = benchConfig.databaseUrl;
    if (!url) throw new Error('BENCH_DATABASE_URL is not set');
    const name = `bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    db = openPostgres(u.toString(), poolSize);
    drop = async () => {
      if (process.env.BENCH_KEEP_DB) {
        note(`  kept database ${name} (BENCH_KEEP_DB)`);
        return;
      }
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  await migrate(db);
  const [v] = await db.query<{ version: string }>('SELECT version() AS version');
  return {
    db,
    engine,
    version: v?.version ?? engine,
    async dispose() {
      await db.close();
      await drop?.();
    },
  };
}
