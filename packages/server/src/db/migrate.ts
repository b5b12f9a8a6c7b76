import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Db } from './types.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const LOCK_ID = 7_130_2026; // advisory lock so two servers starting together migrate once

export interface Migration {
  readonly id: string;
  readonly sql: string;
  readonly checksum: string;
}

export function loadMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(new URL(f, MIGRATIONS_DIR), 'utf8');
      return { id: f.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Apply pending migrations in order, each in its own transaction. A migration that was applied
 * and later edited is an error (its checksum no longer matches): write a new migration instead.
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    if (db.engine === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    const done = new Map(
      (await tx.query<{ id: string; checksum: string }>('SELECT id, checksum FROM schema_migration')).map(
        (r) => [r.id, r.checksum],
      ),
    );
    for (const m of loadMigrations()) {
      const sum = done.get(m.id);
      if (sum !== undefined) {
        if (sum !== m.checksum) throw new Error(`Migration ${m.id} was changed after it was applied`);
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migration (id, checksum) VALUES ($1, $2)', [m.id, m.checksum]);
      applied.push(m.id);
    }
  });
  return applied;
}
