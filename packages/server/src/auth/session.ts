import type { Deps } from '../http/types.ts';
import { issueRefreshToken } from './refresh.ts';
import type { Principal } from './tokens.ts';
import type { User } from './users.ts';

export interface Session {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  user: { id: string; username: string; fullName: string; roles: string[]; facilityCode: string | null };
}

export function principalOfUser(u: User, amr: readonly string[]): Principal {
  return {
    kind: 'user',
    id: u.id,
    username: u.username,
    roles: u.roles,
    facilityCode: u.facilityCode,
    personId: u.personId,
    amr,
  };
}

/**
 * A short-lived access token plus a rotating refresh token for a user who has just proved who they
 * are — by password (`pwd`) today, by a national e-ID (`vneid`) later: every way in ends here.
 */
export async function issueSession(
  deps: Deps,
  u: User,
  amr: readonly string[],
  refresh: { token?: string } = {},
): Promise<Session> {
  const accessToken = await deps.tokens.issue(principalOfUser(u, amr));
  const refreshToken =
    refresh.token ??
    (await issueRefreshToken(deps.db, u.id, deps.config.security.refreshTtlSeconds, { amr: amr.join(' ') }));
  return {
    accessToken,
    expiresIn: deps.tokens.ttlSeconds,
    refreshToken,
    refreshExpiresIn: deps.config.security.refreshTtlSeconds,
    user: {
      id: u.id,
      username: u.username,
      fullName: u.fullName,
      roles: u.roles,
      facilityCode: u.facilityCode,
    },
  };
}
