import { isRole, type Role } from '@suckhoe/domain';
import type { Queryable } from '../db/types.ts';
import { hashPassword } from './passwords.ts';
import { revokeUserRefreshTokens } from './refresh.ts';

export interface User {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  facilityCode: string | null;
  personId: string | null;
  disabled: boolean;
}

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  roles: string[];
  facility_code: string | null;
  person_id: string | null;
  disabled: boolean;
  password_hash: string;
  [k: string]: unknown;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  fullName: r.full_name,
  roles: r.roles.filter(isRole),
  facilityCode: r.facility_code,
  personId: r.person_id,
  disabled: r.disabled,
});

const COLUMNS = 'id, username, full_name, roles, facility_code, person_id, disabled, password_hash';

export async function findUserForLogin(
  db: Queryable,
  username: string,
): Promise<{ user: User; hash: string } | null> {
  const [row] = await db.query<UserRow>(`SELECT ${COLUMNS} FROM app_user WHERE username = $1`, [username]);
  return row ? { user: toUser(row), hash: row.password_hash } : null;
}

export async function findUserById(db: Queryable, id: string): Promise<User | null> {
  const [row] = await db.query<UserRow>(`SELECT ${COLUMNS} FROM app_user WHERE id = $1::uuid`, [id]);
  return row ? toUser(row) : null;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  return (await db.query<UserRow>(`SELECT ${COLUMNS} FROM app_user ORDER BY username`)).map(toUser);
}

export interface NewUser {
  username: string;
  fullName: string;
  password: string;
  roles: Role[];
  facilityCode?: string | null;
  personId?: string | null;
}

export async function createUser(db: Queryable, u: NewUser): Promise<User> {
  const hash = await hashPassword(u.password);
  const [row] = await db.query<UserRow>(
    `INSERT INTO app_user (username, full_name, password_hash, roles, facility_code, person_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
    [u.username, u.fullName, hash, u.roles, u.facilityCode ?? null, u.personId ?? null],
  );
  return toUser(row!);
}

export async function setPassword(db: Queryable, username: string, password: string): Promise<boolean> {
  const hash = await hashPassword(password);
  const rows = await db.query<{ id: string }>(
    'UPDATE app_user SET password_hash = $2, password_changed_at = now() WHERE username = $1 RETURNING id',
    [username, hash],
  );
  // A new password ends every session: refresh tokens issued before it stop working.
  for (const r of rows) await revokeUserRefreshTokens(db, r.id);
  return rows.length === 1;
}

export async function countUsers(db: Queryable): Promise<number> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
  return r?.n ?? 0;
}
