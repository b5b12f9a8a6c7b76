import { SignJWT, jwtVerify } from 'jose';
import { isRole, type Role } from '@suckhoe/domain';
import type { KeyRing, SigningKey } from './keys.ts';

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

/** At most this many verified tokens are remembered (a desk session sends one token many times). */
const VERIFIED_MAX = 10_000;

interface Verified {
  readonly principal: Principal;
  readonly kid: string;
  /** Seconds since the epoch, from the token's `exp`. */
  readonly exp: number;
}

/** The HMAC key object of a signing key, imported once instead of at every request. */
const cryptoKeys = new WeakMap<SigningKey, Promise<CryptoKey>>();
function cryptoKeyOf(k: SigningKey): Promise<CryptoKey> {
  let c = cryptoKeys.get(k);
  if (!c) {
    c = crypto.subtle.importKey('raw', new Uint8Array(k.secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    cryptoKeys.set(k, c);
  }
  return c;
}

/**
 * Short-lived HS256 access tokens signed with the ring's current key (`kid` in the header).
 *
 * Verification is remembered per exact token text (signature included) until the token expires,
 * so the HMAC and claim checks run once per token, not once per request. A remembered token is
 * still refused as soon as it expires or its key leaves the ring (rotation past the previous key).
 */
export function tokenService(keys: KeyRing, ttlSeconds: number): TokenService {
  const verified = new Map<string, Verified>();
  const remember = (token: string, v: Verified): void => {
    if (verified.size >= VERIFIED_MAX) {
      // Drop expired entries; if none, the oldest (Map iterates in insertion order).
      const now = Date.now() / 1000;
      for (const [t, x] of verified) if (x.exp <= now) verified.delete(t);
      if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    }
    verified.set(token, v);
  };
  const recalled = (token: string): Principal | null | undefined => {
    const v = verified.get(token);
    if (!v) return undefined;
    if (v.exp <= Date.now() / 1000 || !keys.find(v.kid)) {
      verified.delete(token);
      return null;
    }
    return v.principal;
  };
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
      const known = recalled(token);
      if (known !== undefined) return known;
      try {
        const { payload, protectedHeader } = await jwtVerify(
          token,
          (header) => {
            const k = header.kid ? keys.find(header.kid) : undefined;
            if (!k) throw new Error('unknown signing key');
            return cryptoKeyOf(k);
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
        const principal: Principal = {
          kind: 'user',
          id: payload.sub,
          username: payload.name,
          roles,
          facilityCode: typeof payload.fac === 'string' ? payload.fac : null,
          personId: typeof payload.pid === 'string' ? payload.pid : null,
          amr: Array.isArray(payload.amr) ? payload.amr.filter((x) => typeof x === 'string') : ['pwd'],
        };
        if (protectedHeader.kid && typeof payload.exp === 'number')
          remember(token, { principal, kid: protectedHeader.kid, exp: payload.exp });
        return principal;
      } catch {
        return null;
      }
    },
  };
}
