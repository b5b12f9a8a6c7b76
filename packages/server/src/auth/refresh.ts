import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db, Queryable } from '../db/types.ts';

/**
 * Refresh tokens: opaque `<id>.<secret>`, only the SHA-256 stored, rotated on every use (the old
 * one stops working). Presenting an already-rotated token means it was copied: the whole family
 * (every token descended from that login) is revoked. Logout revokes the family too.
 */
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const TOKEN_RE = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export async function issueRefreshToken(
  db: Queryable,
  userId: string,
  ttlSeconds: number,
  opts: { familyId?: string; amr?: string } = {},
): Promise<string> {
  const id = randomUUID();
  const token = `${id}.${randomBytes(32).toString('base64url')}`;
  await db.query(
    `INSERT INTO refresh_token (id, family_id, user_id, token_hash, amr, expires_at)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, now() + make_interval(secs => $6))`,
    [id, opts.familyId ?? id, userId, sha256(token), opts.amr ?? 'pwd', ttlSeconds],
  );
  return token;
}

interface Row {
  id: string;
  family_id: string;
  user_id: string;
  token_hash: string;
  amr: string;
  expired: boolean;
  rotated_at: Date | null;
  revoked_at: Date | null;
  [k: string]: unknown;
}

export type RotateResult =
  | { ok: true; userId: string; familyId: string; amr: string; token: string }
  | { ok: false; reason: 'invalid' | 'expired' | 'reused'; userId?: string };

async function find(tx: Queryable, token: string, lock: boolean): Promise<Row | null> {
  const m = TOKEN_RE.exec(token);
  if (!m) return null;
  const [row] = await tx.query<Row>(
    `SELECT id, family_id, user_id, token_hash, amr, expires_at < now() AS expired, rotated_at, revoked_at
     FROM refresh_token WHERE id = $1::uuid${lock ? ' FOR UPDATE' : ''}`,
    [m[1]],
  );
  if (!row) return null;
  const a = Buffer.from(row.token_hash, 'hex');
  const b = Buffer.from(sha256(token), 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? row : null;
}

/** Exchange a refresh token for a new one (same family). */
export async function rotateRefreshToken(db: Db, token: string, ttlSeconds: number): Promise<RotateResult> {
  return db.transaction(async (tx): Promise<RotateResult> => {
    const row = await find(tx, token, true);
    if (!row || row.revoked_at) return { ok: false, reason: 'invalid' };
    if (row.rotated_at) {
      await tx.query(
        'UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1::uuid AND revoked_at IS NULL',
        [row.family_id],
      );
      return { ok: false, reason: 'reused', userId: row.user_id };
    }
    if (row.expired) return { ok: false, reason: 'expired', userId: row.user_id };
    await tx.query('UPDATE refresh_token SET rotated_at = now() WHERE id = $1::uuid', [row.id]);
    const next = await issueRefreshToken(tx, row.user_id, ttlSeconds, {
      familyId: row.family_id,
      amr: row.amr,
    });
    return { ok: true, userId: row.user_id, familyId: row.family_id, amr: row.amr, token: next };
  });
}

/** Revoke the token's whole family (logout). Returns the user id when the token was valid. */
export async function revokeRefreshFamily(db: Db, token: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const row = await find(tx, token, true);
    if (!row) return null;
    await tx.query(
      'UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1::uuid AND revoked_at IS NULL',
      [row.family_id],
    );
    return row.user_id;
  });
}

/** Revoke every refresh token of a user (password change, account disabled). */
export async function revokeUserRefreshTokens(db: Queryable, userId: string): Promise<void> {
  await db.query(
    'UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1::uuid AND revoked_at IS NULL',
    [userId],
  );
}
