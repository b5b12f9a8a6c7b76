import { SignJWT, jwtVerify } from 'jose';
import { isRole, type Role } from '@suckhoe/domain';
import type { KeyRing } from './keys.ts';

export const ISSUER = 'suckhoe-hub';
export const AUDIENCE = 'suckhoe-api';

/**
 * Who is calling. One shape for every way in: password login, facility API key, and later a
 * national e-ID (VNeID/OIDC) login — see `identity-providers.ts`; `amr` says how they proved it.
 */
export interface Principal {
  readonly kind: 'user' | 'apiKey';
  readonly id: string;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly facilityCode: string | null;
  /** The person a citizen account belongs to: citizens read only this record. */
  readonly personId: string | null;
  /** Authentication methods (RFC 8176 style): `pwd`, `apikey`, `vneid` … */
  readonly amr?: readonly string[];
}

export interface TokenService {
  issue(p: Principal): Promise<string>;
  verify(token: string): Promise<Principal | null>;
  readonly ttlSeconds: number;
}

/** Short-lived HS256 access tokens signed with the ring's current key (`kid` in the header). */
export function tokenService(keys: KeyRing, ttlSeconds: number): TokenService {
  return {
    ttlSeconds,
    issue: (p) => {
      const k = keys.current();
      return new SignJWT({
        roles: p.roles,
        fac: p.facilityCode,
        pid: p.personId,
        name: p.username,
        amr: p.amr ?? ['pwd'],
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: k.kid })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(p.id)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(k.secret);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(
          token,
          (header) => {
            const k = header.kid ? keys.find(header.kid) : undefined;
            if (!k) throw new Error('unknown signing key');
            return k.secret;
          },
          {
            issuer: ISSUER,
            audience: AUDIENCE,
            algorithms: ['HS256'],
            requiredClaims: ['exp', 'iat', 'sub'],
          },
        );
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
          amr: Array.isArray(payload.amr) ? payload.amr.filter((x) => typeof x === 'string') : ['pwd'],
        };
      } catch {
        return null;
      }
    },
  };
}
