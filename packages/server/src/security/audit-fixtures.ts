/**
 * Helpers of the audit chain tests (imported by *.test.ts only): numbered test events, changing
 * audit rows as a database superuser would, and the `suckhoe audit …` command on a data directory.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../db/migrate.ts';
import { openPglite } from '../db/pglite.ts';
import type { Db, Queryable } from '../db/types.ts';
import { appendAudit } from '../audit/store.ts';
import type { AuditRecord } from '../audit/types.ts';

const SYSTEM = { kind: 'system' as const, id: null, name: 'test', roles: [], facilityCode: null };

/** Event `n`: a system read of `Test/r<n>`. */
export const testEvent = (n: number): AuditRecord => ({
  actor: SYSTEM,
  action: 'read',
  resourceType: 'Test',
  resourceId: `r${n}`,
  details: { n },
});

/** Runs `fn` as a database superuser would: in one transaction, past the append-only trigger. */
export async function asSuperuser(db: Db, fn: (tx: Queryable) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await fn(tx);
  });
}

/** Changes audit rows with one statement, as a superuser (see `asSuperuser`). */
export async function tamper(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  await asSuperuser(db, async (tx) => {
    await tx.query(sql, params);
  });
}

export interface AuditDataDir {
  dir: string;
  /** `suckhoe audit <args>` on this data directory (embedded database, no DATABASE_URL). */
  run: (...args: string[]) => SpawnSyncReturns<string>;
  /** Opens the directory's embedded database (close it before the next `run`). */
  open: () => Promise<Db>;
}

/**
 * A data directory (`prefix`…) whose embedded database holds test events 1 to 3; `env` is added to
 * the environment of `run` (no DATABASE_URL, no AUDIT_ANCHOR_FILE). Removed after `fn`.
 */
export async function withAuditDataDir(
  prefix: string,
  env: Record<string, string>,
  fn: (d: AuditDataDir) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    const open = () => openPglite(join(dir, 'pglite'));
    const db = await open();
    await migrate(db);
    await appendAudit(db, [testEvent(1), testEvent(2), testEvent(3)]);
    await db.close();
    const bin = new URL('../../bin/suckhoe.mjs', import.meta.url).pathname;
    const runEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', ...env };
    delete runEnv.DATABASE_URL;
    delete runEnv.AUDIT_ANCHOR_FILE;
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, 'audit', ...args], { env: runEnv, encoding: 'utf8' });
    await fn({ dir, run, open });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
