import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/types.ts';
import { stateOf } from '../auth/request-state.ts';
import { breakGlassOver } from '../auth/person-access.ts';
import { takeFact } from '../auth/person-facts.ts';

export const CONSENT_KINDS = ['hide_episode', 'block_facility'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export interface ConsentDirective {
  id: string;
  kind: ConsentKind;
  /** hide_episode: the episode's reference (`{facilityCode}:{maLk}` or its platform id); block_facility: a facility code. */
  target: string;
  createdAt: string;
  revokedAt: string | null;
}

interface Row {
  id: string;
  kind: ConsentKind;
  target: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
  [k: string]: unknown;
}

const toDirective = (
  r: Pick<Row, 'id' | 'kind' | 'target' | 'created_at' | 'revoked_at'>,
): ConsentDirective => ({
  id: r.id,
  kind: r.kind,
  target: r.target,
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
});

export async function listConsents(
  db: Queryable,
  personId: string,
  opts: { includeRevoked?: boolean } = {},
): Promise<ConsentDirective[]> {
  const rows = await db.query<Row>(
    `SELECT id, kind, target, created_at, revoked_at FROM consent_directive
     WHERE person_id = $1::uuid${opts.includeRevoked ? '' : ' AND revoked_at IS NULL'} ORDER BY created_at DESC, id`,
    [personId],
    // Read at every access to a person's data: planned once per connection.
    { name: opts.includeRevoked ? 'consent_list_all' : 'consent_list_active' },
  );
  return rows.map(toDirective);
}

/** Create a directive, or return the identical active one (idempotent). */
export async function createConsent(
  db: Queryable,
  personId: string,
  kind: ConsentKind,
  target: string,
  createdBy: string,
): Promise<{ directive: ConsentDirective; created: boolean }> {
  const [existing] = await db.query<Row>(
    `SELECT id, kind, target, created_at, revoked_at FROM consent_directive
     WHERE person_id = $1::uuid AND kind = $2 AND target = $3 AND revoked_at IS NULL`,
    [personId, kind, target],
  );
  if (existing) return { directive: toDirective(existing), created: false };
  const [row] = await db.query<Row>(
    `INSERT INTO consent_directive (person_id, kind, target, created_by) VALUES ($1::uuid, $2, $3, $4)
     RETURNING id, kind, target, created_at, revoked_at`,
    [personId, kind, target, createdBy],
  );
  return { directive: toDirective(row!), created: true };
}

export async function revokeConsent(
  db: Queryable,
  personId: string,
  id: string,
  by: string,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE consent_directive SET revoked_at = now(), revoked_by = $3
     WHERE person_id = $1::uuid AND id = $2::uuid AND revoked_at IS NULL RETURNING id`,
    [personId, id, by],
  );
  return rows.length === 1;
}

/**
 * What a viewer may not see of a person's record, by the citizen's directives. Capabilities that
 * show clinical data (health book, FHIR) ask this and then show that something is hidden — never
 * what: `hiddenCount` items are withheld, `facilityBlocked` withholds the clinical record entirely.
 */
export interface ConsentView {
  /** The viewer's facility is blocked by the citizen: show no clinical data, only that it is withheld. */
  facilityBlocked: boolean;
  /** Episode references to leave out (and count as hidden). */
  hiddenEpisodes: ReadonlySet<string>;
  /** How many directives restrict this viewer (0 = nothing hidden). */
  hiddenCount: number;
  /** Break-glass: nothing is hidden, but the directives existed (flag it in the audit event). */
  overridden: boolean;
  isEpisodeHidden(ref: string): boolean;
}

/**
 * `consentFilter(db, personId, viewer)`: the citizen themself sees everything; a break-glass viewer
 * sees everything and `overridden` is set when that bypassed a directive; everyone else gets the
 * directives applied. `viewer.facilityCode` is the viewer's facility (null: department-level roles,
 * to whom only hidden episodes apply).
 */
export async function consentFilter(
  db: Queryable,
  personId: string,
  viewer: { facilityCode: string | null; self?: boolean; breakGlass?: boolean },
  /** The active directives when already read (auth/person-facts.ts); else they are read here. */
  known?: readonly ConsentDirective[],
): Promise<ConsentView> {
  const none: ConsentView = {
    facilityBlocked: false,
    hiddenEpisodes: new Set(),
    hiddenCount: 0,
    overridden: false,
    isEpisodeHidden: () => false,
  };
  if (viewer.self) return none;
  const active = known ?? (await listConsents(db, personId));
  const blocked = active.some((d) => d.kind === 'block_facility' && d.target === viewer.facilityCode);
  const hidden = new Set(active.filter((d) => d.kind === 'hide_episode').map((d) => d.target));
  const count = hidden.size + (blocked ? 1 : 0);
  if (viewer.breakGlass) return { ...none, overridden: count > 0 };
  return {
    facilityBlocked: blocked,
    hiddenEpisodes: hidden,
    hiddenCount: count,
    overridden: false,
    isEpisodeHidden: (ref) => blocked || hidden.has(ref),
  };
}

/**
 * The same for the request's caller, after `assertCanReadPerson` (or a `config.person` route)
 * granted access: self and break-glass come from that grant. A viewer with a care relationship
 * who sends a break-glass reason gets the hidden parts too (audited as `break_glass`); whenever
 * break-glass overrides a directive, the request's events for this person carry `consentOverridden: true`.
 */
export async function consentFilterFor(req: FastifyRequest, personId: string): Promise<ConsentView> {
  const grant =
    stateOf(req).grants.get(personId) ?? (req.personAccess?.personId === personId ? req.personAccess : null);
  const viewer = { facilityCode: req.principal?.facilityCode ?? null, self: grant?.basis === 'self' };
  // The directives the access check read with the care relationship, taken once (auth/person-facts.ts).
  const known = takeFact(req, personId, 'consents')?.map(toDirective);
  let view = await consentFilter(
    req.securityDeps.db,
    personId,
    { ...viewer, breakGlass: grant?.breakGlass ?? false },
    known,
  );
  // Something is withheld from a viewer who came by care relationship: a break-glass reason on the request opens it.
  if (grant && view.hiddenCount > 0 && (await breakGlassOver(req, grant, 'Consent'))) {
    view = await consentFilter(req.securityDeps.db, personId, { ...viewer, breakGlass: true }, known);
  }
  if (view.overridden && grant) grant.consentOverridden = true;
  return view;
}
