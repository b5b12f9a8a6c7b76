import type { Queryable } from '../db/types.ts';
import { createUser, findUserForLogin, type User } from './users.ts';

/**
 * Extension point for a national e-ID login (VNeID via OpenID Connect) — not wired yet.
 *
 * A provider proves who a citizen is and hands over their personal ID; from there the platform
 * treats them like any citizen:
 *
 *   1. route `GET /api/v1/auth/oidc/:provider/start` (public) redirects to the provider with PKCE;
 *   2. route `GET /api/v1/auth/oidc/:provider/callback` (public) exchanges the code, verifies the
 *      ID token with jose (`createRemoteJWKSet(issuer JWKS)`, issuer, audience = our client id,
 *      nonce), reads the personal-ID claim into an `ExternalIdentity`;
 *   3. `citizenForExternalIdentity(db, identity)` finds or creates the citizen account;
 *   4. `issueSession(deps, user, ['vneid'])` returns the same tokens as a password login; the
 *      `amr` claim records how they logged in, so policies can later demand e-ID for some routes.
 *
 * Configuration would be OIDC_<PROVIDER>_ISSUER / _CLIENT_ID / _CLIENT_SECRET (secrets from the
 * environment only). Nothing else in the platform changes: the principal is the same shape.
 */
export interface ExternalIdentity {
  /** `vneid`, … */
  provider: string;
  /** The provider's stable subject id. */
  subject: string;
  /** The 12-digit personal ID the provider vouches for. */
  personalId: string;
}

/** The citizen account for a verified e-ID: existing (username = personal ID) or created, linked to the person. */
export async function citizenForExternalIdentity(db: Queryable, id: ExternalIdentity): Promise<User | null> {
  if (!/^\d{12}$/.test(id.personalId)) return null;
  const existing = await findUserForLogin(db, id.personalId);
  if (existing)
    return existing.user.roles.includes('citizen') && !existing.user.disabled ? existing.user : null;
  const [person] = await db.query<{ id: string; full_name: string }>(
    "SELECT id, full_name FROM person WHERE personal_id = $1 AND status = 'active'",
    [id.personalId],
  );
  if (!person) return null;
  return createUser(db, {
    username: id.personalId,
    fullName: person.full_name,
    // No password login for an account born from an e-ID until the citizen sets one.
    password: `!${id.provider}:${id.subject}:${crypto.randomUUID()}`,
    roles: ['citizen'],
    personId: person.id,
  });
}
