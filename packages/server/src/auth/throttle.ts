import { createHash } from 'node:crypto';
import type { Db } from '../db/types.ts';
import type { SecurityConfig } from './config.ts';

/**
 * Login throttling, kept in the database (table `login_throttle`) so every server behind a load
 * balancer sees the same counts. Two keys per attempt: the username (as a digest — usernames of
 * citizens are personal IDs) and the client address. `threshold` failures within 15 minutes lock
 * the key for 1 minute; each further failure while the lock history lasts (24 h) doubles the
 * lock, up to 1 hour. A successful login clears the username key (not the address key).
 */
export const userKey = (username: string): string =>
  `u:${createHash('sha256').update(username.trim().toLowerCase()).digest('hex').slice(0, 40)}`;
export const ipKey = (ip: string): string => `ip:${ip}`;

const COUNT_WINDOW_MS = 15 * 60_000;
const HISTORY_MS = 24 * 3600_000;

interface Row {
  key: string;
  failures: number;
  lock_level: number;
  locked_until: Date | string | null;
  last_failure_at: Date | string;
  [k: string]: unknown;
}

/** Seconds until every key is unlocked (0 = not locked). */
export async function lockedSeconds(db: Db, keys: readonly string[], now = new Date()): Promise<number> {
  const rows = await db.query<Row>(
    'SELECT key, locked_until FROM login_throttle WHERE key = ANY($1::text[])',
    [keys],
  );
  let max = 0;
  for (const r of rows) {
    if (r.locked_until) max = Math.max(max, new Date(r.locked_until).getTime() - now.getTime());
  }
  return max > 0 ? Math.ceil(max / 1000) : 0;
}

/** Count one failure for `key`; returns the lock in seconds it now carries (0 = none). */
export async function recordFailure(
  db: Db,
  key: string,
  threshold: number,
  cfg: Pick<SecurityConfig, 'loginLockSeconds' | 'loginLockMaxSeconds'>,
  now = new Date(),
): Promise<number> {
  return db.transaction(async (tx) => {
    const [r] = await tx.query<Row>('SELECT * FROM login_throttle WHERE key = $1 FOR UPDATE', [key]);
    const last = r ? new Date(r.last_failure_at).getTime() : 0;
    const age = now.getTime() - last;
    let level = r && age < HISTORY_MS ? r.lock_level : 0;
    let failures = (r && age < COUNT_WINDOW_MS ? r.failures : 0) + 1;
    let lockedUntil: Date | null = null;
    if (failures >= threshold || level > 0) {
      const seconds = Math.min(cfg.loginLockSeconds * 2 ** level, cfg.loginLockMaxSeconds);
      lockedUntil = new Date(now.getTime() + seconds * 1000);
      level++;
      failures = 0;
    }
    await tx.query(
      `INSERT INTO login_throttle (key, failures, lock_level, locked_until, last_failure_at)
       VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz)
       ON CONFLICT (key) DO UPDATE SET failures = $2, lock_level = $3, locked_until = $4::timestamptz, last_failure_at = $5::timestamptz`,
      [key, failures, level, lockedUntil?.toISOString() ?? null, now.toISOString()],
    );
    return lockedUntil ? Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000) : 0;
  });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}
