import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite } from '../db/pglite.ts';
import { openPostgres } from '../db/postgres.ts';
import { migrate } from '../db/migrate.ts';
import type { Db, Engine } from '../db/types.ts';
import { loadConfig, type Config } from '../config/config.ts';

/**
 * Integration tests run on every engine available: PGlite always, PostgreSQL when
 * TEST_DATABASE_URL points at a server (a fresh database is created per call and dropped after).
 */
export function engines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDb {
  db: Db;
  dispose(): Promise<void>;
}

export async function openTestDb(engine: Engine): Promise<TestDb> {
  if (engine === 'pglite') {
    const db = await openPglite(undefined);
    return { db, dispose: () => db.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = openPostgres(u.toString(), 5);
  return {
    db,
    async dispose() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** `openTestDb` with the schema migrated. */
export async function migratedTestDb(engine: Engine): Promise<TestDb> {
  const t = await openTestDb(engine);
  await migrate(t.db);
  return t;
}

/** Runs `fn` on a migrated database of its own, disposed after (whatever `fn` does). */
export async function withMigratedDb(engine: Engine, fn: (db: Db) => Promise<void>): Promise<void> {
  const t = await migratedTestDb(engine);
  try {
    await fn(t.db);
  } finally {
    await t.dispose();
  }
}

/** A configuration for tests: temp data dir, fixed admin password, no demo seed unless asked. */
export function testConfig(overrides: Record<string, string> = {}): Config & { cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'suckhoe-test-'));
  const cfg = loadConfig({
    DATA_DIR: dir,
    ADMIN_PASSWORD: 'test-admin-password',
    SEED_DEMO: '0',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
  return {
    ...cfg,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
