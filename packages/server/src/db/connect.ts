import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db } from './types.ts';

export interface DbConfig {
  /** PostgreSQL server URL; when absent the embedded PGlite database in `dataDir/pglite` is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

export async function openDb(cfg: DbConfig): Promise<Db> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl);
  const dir = join(cfg.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return openPglite(dir);
}
