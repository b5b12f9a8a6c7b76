import type { FastifyRequest } from 'fastify';
import type { Role } from '@suckhoe/domain';
import { ApiError } from '../http/errors.ts';
import { BREAK_GLASS_HEADER, BREAK_GLASS_MIN_LENGTH, breakGlassReason } from './break-glass.ts';
import { personsInCare } from './care.ts';
import { loadPersonFacts, resolveWithFacts, type PersonFacts } from './person-facts.ts';
import { requirePrincipal } from './guard.ts';
import { parsePersonRef, resolvePersonRef } from './person-ref.ts';
import { stateOf, type PersonAccess } from './request-state.ts';

/** Roles that read a person's data through a care relationship of their facility. */
export const CARE_ROLES: readonly Role[] = [
  'clinician',
  'registrar',
  'station_staff',
  'facility_admin',
  'integration_client',
];

/** Roles that may break the glass (with a written reason, audited and shown to the citizen). */
export const BREAK_GLASS_ROLES: readonly Role[] = [
  'clinician',
  'registrar',
  'station_staff',
  'facility_admin',
  'analyst',
  'admin',
];

const careRequired = (windowDays: number): ApiError =>
  new ApiError(
    403,
    'CARE_RELATIONSHIP_REQUIRED',
    `Cơ sở của bạn chưa có quan hệ điều trị với người này trong ${windowDays} ngày gần đây. ` +
      `Nếu cần truy cập khẩn cấp, hãy ghi lý do (ít nhất ${BREAK_GLASS_MIN_LENGTH} ký tự); việc truy cập sẽ được ghi lại và người dân được thông báo.`,
    {
      breakGlass: {
        header: 'X-Break-Glass-Reason',
        bodyField: 'breakGlassReason',
        minLength: BREAK_GLASS_MIN_LENGTH,
      },
    },
  );

const notOwnRecord = (): ApiError =>
  new ApiError(403, 'NOT_OWN_RECORD', 'Bạn chỉ xem được hồ sơ sức khỏe của chính mình.');

const accessDenied = (): ApiError =>
  new ApiError(403, 'PERSON_ACCESS_DENIED', 'Vai trò của bạn không được xem dữ liệu cá nhân của người dân.');

async function isSelf(req: FastifyRequest, personId: string): Promise<boolean> {
  const p = requirePrincipal(req);
  if (!p.personId || !p.roles.includes('citizen')) return false;
  if (p.personId === personId) return true;
  // The citizen's record may have been merged into another since the token was issued.
  return (await resolvePersonRef(req.securityDeps.db, p.personId)) === personId;
}

function remember(req: FastifyRequest, access: PersonAccess): PersonAccess {
  stateOf(req).grants.set(access.personId, access);
  return access;
}

async function deny(req: FastifyRequest, personId: string, resource: string, err: ApiError): Promise<never> {
  await req.audit({
    action: 'read',
    resource,
    personId,
    outcome: 'denied',
    details: { code: err.code },
  });
  throw err;
}

/**
 * May the caller read this person's data? Resolves to how (self, care, break-glass) or throws 403:
 * - a citizen: their own record only (NOT_OWN_RECORD);
 * - staff and API keys (CARE_ROLES): a care relationship between their facility and the person
 *   within CARE_WINDOW_DAYS, by any of CARE_SOURCES;
 * - otherwise BREAK_GLASS_ROLES with a reason of ≥ 10 characters (header `X-Break-Glass-Reason`
 *   or body `breakGlassReason`): granted, audited at once as `break_glass`, and every event this
 *   request writes for the person carries the flag (CARE_RELATIONSHIP_REQUIRED when missing).
 * Denials are audited too. `personId` is a platform id (see resolvePersonRef).
 */
export async function assertCanReadPerson(
  req: FastifyRequest,
  personId: string,
  opts: { resource?: string } = {},
): Promise<PersonAccess> {
  const known = stateOf(req).grants.get(personId);
  if (known) return known;
  const p = requirePrincipal(req);
  const resource = opts.resource ?? 'Person';
  const { db, config } = req.securityDeps;
  if (await isSelf(req, personId)) {
    return remember(req, { personId, basis: 'self', breakGlass: false, reason: null });
  }
  if (p.facilityCode && p.roles.some((r) => CARE_ROLES.includes(r))) {
    // Care, record version and directives in one statement (or already with the `{person}`
    // resolution: requirePersonToRead); the read's later steps take the rest.
    let facts = stateOf(req).facts.get(personId);
    if (!facts) {
      facts = await loadPersonFacts(db, personId, p.facilityCode, config.security.careWindowDays);
      stateOf(req).facts.set(personId, facts);
    }
    if (facts.care) return remember(req, { personId, basis: 'care', breakGlass: false, reason: null });
  }
  const mayBreakGlass = p.roles.some((r) => BREAK_GLASS_ROLES.includes(r));
  const reason = mayBreakGlass ? breakGlassReason(req) : null;
  if (reason !== null) {
    if (reason.length < BREAK_GLASS_MIN_LENGTH) {
      throw new ApiError(
        400,
        'BREAK_GLASS_REASON_TOO_SHORT',
        `Lý do truy cập khẩn cấp cần ít nhất ${BREAK_GLASS_MIN_LENGTH} ký tự.`,
        { header: BREAK_GLASS_HEADER },
      );
    }
    const access = remember(req, { personId, basis: 'break_glass', breakGlass: true, reason });
    await req.audit({ action: 'break_glass', resource, personId, purpose: reason, breakGlass: true });
    return access;
  }
  if (mayBreakGlass) return deny(req, personId, resource, careRequired(config.security.careWindowDays));
  return deny(req, personId, resource, p.roles.includes('citizen') ? notOwnRecord() : accessDenied());
}

/**
 * Break the glass on a grant that exists already (care relationship) because something is withheld
 * from it — a consent directive: with a valid reason on the request, the grant becomes a
 * break-glass one (audited now, flagged on every later event of this request). False otherwise.
 */
export async function breakGlassOver(
  req: FastifyRequest,
  grant: PersonAccess,
  resource: string,
): Promise<boolean> {
  if (grant.breakGlass) return true;
  if (grant.basis === 'self' || !requirePrincipal(req).roles.some((r) => BREAK_GLASS_ROLES.includes(r)))
    return false;
  const reason = breakGlassReason(req);
  if (reason === null || reason.length < BREAK_GLASS_MIN_LENGTH) return false;
  grant.breakGlass = true;
  grant.reason = reason;
  await req.audit({
    action: 'break_glass',
    resource,
    personId: grant.personId,
    purpose: reason,
    breakGlass: true,
  });
  return true;
}

/** Only the citizen whose record it is (consent directives). */
export async function assertIsSelf(
  req: FastifyRequest,
  personId: string,
  resource = 'Person',
): Promise<PersonAccess> {
  if (await isSelf(req, personId)) {
    return remember(req, { personId, basis: 'self', breakGlass: false, reason: null });
  }
  return deny(req, personId, resource, notOwnRecord());
}

/**
 * Of `personIds`, those the caller may read without asking: their own, and those in care at their
 * facility. With a valid break-glass reason on the request, all of them (each then audited as
 * break-glass, and audited as `break_glass` here). For filtering search results (FHIR `Patient?…`).
 */
export async function readablePersons(
  req: FastifyRequest,
  personIds: readonly string[],
): Promise<Set<string>> {
  const p = requirePrincipal(req);
  const { db, config } = req.securityDeps;
  const out = new Set<string>();
  for (const id of personIds) if (stateOf(req).grants.has(id) || (await isSelf(req, id))) out.add(id);
  if (p.facilityCode && p.roles.some((r) => CARE_ROLES.includes(r))) {
    const rest = personIds.filter((id) => !out.has(id));
    for (const id of await personsInCare(db, rest, p.facilityCode, config.security.careWindowDays))
      out.add(id);
  }
  const reason = p.roles.some((r) => BREAK_GLASS_ROLES.includes(r)) ? breakGlassReason(req) : null;
  if (reason !== null && reason.length >= BREAK_GLASS_MIN_LENGTH) {
    const broken = personIds.filter((id) => !out.has(id));
    for (const id of broken) {
      remember(req, { personId: id, basis: 'break_glass', breakGlass: true, reason });
      out.add(id);
    }
    if (broken.length > 0) {
      await req.audit(
        broken.map((id) => ({
          action: 'break_glass' as const,
          resource: 'Person',
          personId: id,
          purpose: reason,
          breakGlass: true,
        })),
      );
    }
  }
  return out;
}

/**
 * For a staff read (care roles and a facility), resolve a reference and load the person's facts in
 * one statement (person-facts.ts), keeping the facts for the access check that comes next: the
 * person id, or null when the reference names nobody. Undefined for other callers, who resolve the
 * reference plainly.
 */
export async function resolveToRead(
  req: FastifyRequest,
  resolve: (
    facilityCode: string,
    windowDays: number,
  ) => Promise<{ readonly personId: string; readonly facts: PersonFacts } | null>,
): Promise<string | null | undefined> {
  const p = requirePrincipal(req);
  if (!p.facilityCode || !p.roles.some((r) => CARE_ROLES.includes(r))) return undefined;
  const found = await resolve(p.facilityCode, req.securityDeps.config.security.careWindowDays);
  if (!found) return null;
  stateOf(req).facts.set(found.personId, found.facts);
  return found.personId;
}

/** Resolve a `{person}` reference for a read (with the facts, for staff: resolveToRead), or throw 404. */
export async function requirePersonToRead(req: FastifyRequest, ref: string): Promise<string> {
  const parsed = parsePersonRef(ref);
  const { db } = req.securityDeps;
  const found = parsed ? await resolveToRead(req, (f, w) => resolveWithFacts(db, parsed, f, w)) : undefined;
  if (found === undefined) return requirePerson(req, ref);
  if (found === null) throw new ApiError(404, 'PERSON_NOT_FOUND', 'Không tìm thấy người dân này.');
  return found;
}

/** Resolve a `{person}` reference or throw 404. */
export async function requirePerson(req: FastifyRequest, ref: string): Promise<string> {
  const id = await resolvePersonRef(req.securityDeps.db, ref);
  if (!id) throw new ApiError(404, 'PERSON_NOT_FOUND', 'Không tìm thấy người dân này.');
  return id;
}
