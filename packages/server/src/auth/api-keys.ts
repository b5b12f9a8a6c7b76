import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/types.ts';
import type { Principal } from './tokens.ts';

// Key format: skh_<prefix 12>_<secret 32>. Only the SHA-256 of the whole key is stored.
const KEY_RE = /^skh_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{32,64})$/;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export async function createApiKey(
  db: Queryable,
  facilityCode: string,
  createdBy: string,
  label: string | null,
): Promise<{ id: string; apiKey: string; prefix: string }> {
  const prefix = randomBytes(9).toString('base64url');
  const apiKey = `skh_${prefix}_${randomBytes(24).toString('base64url')}`;
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO api_key (facility_code, prefix, key_hash, label, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [facilityCode, prefix, sha256(apiKey), label, createdBy],
  );
  return { id: row!.id, apiKey, prefix };
}

export async function authenticateApiKey(db: Queryable, apiKey: string): Promise<Principal | null> {
  const m = KEY_RE.exec(apiKey);
  if (!m) return null;
  const [row] = await db.query<{ id: string; facility_code: string; key_hash: string }>(
    'SELECT id, facility_code, key_hash FROM api_key WHERE prefix = $1 AND revoked_at IS NULL',
    [m[1]],
  );
  if (!row) return null;
  const a = Buffer.from(row.key_hash, 'hex');
  const b = Buffer.from(sha256(apiKey), 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  await db.query('UPDATE api_key SET last_used_at = now() WHERE id = $1', [row.id]);
  return {
    kind: 'apiKey',
    id: row.id,
    username: `apikey:${row.facility_code}`,
    roles: ['integration_client'],
    facilityCode: row.facility_code,
    personId: null,
  };
}

export async function revokeApiKey(db: Queryable, facilityCode: string, id: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE api_key SET revoked_at = now() WHERE id = $1 AND facility_code = $2 AND revoked_at IS NULL RETURNING id',
    [id, facilityCode],
  );
  return rows.length === 1;
}

export async function listApiKeys(
  db: Queryable,
  facilityCode: string,
): Promise<
  {
    id: string;
    prefix: string;
    label: string | null;
    createdAt: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }[]
> {
  const rows = await db.query<{
    id: string;
    prefix: string;
    label: string | null;
    created_at: Date;
    last_used_at: Date | null;
    revoked_at: Date | null;
  }>(
    'SELECT id, prefix, label, created_at, last_used_at, revoked_at FROM api_key WHERE facility_code = $1 ORDER BY created_at DESC',
    [facilityCode],
  );
  return rows.map((r) => ({
    id: r.id,
    prefix: r.prefix,
    label: r.label,
    createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  }));
}
