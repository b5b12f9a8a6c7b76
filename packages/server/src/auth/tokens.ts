import { SignJWT, jwtVerify } from 'jose';
import { isRole, type Role } from '@suckhoe/domain';

export const ISSUER = 'suckhoe-hub';
export const AUDIENCE = 'suckhoe-api';

export interface Principal {
  readonly kind: 'user' | 'apiKey';
  readonly id: string;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly facilityCode: string | null;
  readonly personId: string | null;
}

export interface TokenService {
  issue(p: Principal): Promise<string>;
  verify(token: string): Promise<Principal | null>;
}

export function tokenService(secret: Uint8Array, ttlSeconds: number): TokenService {
  return {
    issue: (p) =>
      new SignJWT({ roles: p.roles, fac: p.facilityCode, pid: p.personId, name: p.username })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(p.id)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(secret),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
        });
        const roles = Array.isArray(payload.roles)
          ? payload.roles.filter((r): r is Role => typeof r === 'string' && isRole(r))
          : [];
        if (!payload.sub || typeof payload.name !== 'string') return null;
        return {
          kind: 'user',
          id: payload.sub,
          username: payload.name,
          roles,
          facilityCode: typeof payload.fac === 'string' ? payload.fac : null,
          personId: typeof payload.pid === 'string' ? payload.pid : null,
        };
      } catch {
        return null;
      }
    },
  };
}
