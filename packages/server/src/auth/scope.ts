import type { FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import { DEFAULT_ACTION, requirePrincipal } from './guard.ts';
import type { Principal } from './tokens.ts';

export const facilityScopeForbidden = (): ApiError =>
  new ApiError(
    403,
    'FACILITY_SCOPE_FORBIDDEN',
    'Bạn chỉ được thao tác cho cơ sở của mình (tài khoản hoặc khóa API gắn với một cơ sở khác).',
  );

/** Whether the principal may act for `facilityCode`: admin for all, everyone else for their own only. */
export function actsForFacility(p: Principal, facilityCode: string): boolean {
  return p.roles.includes('admin') || (p.facilityCode !== null && p.facilityCode === facilityCode);
}

/** Refuses a request for another facility, audited as denied (like a refused person read). */
export async function denyFacility(req: FastifyRequest, code: string | undefined): Promise<never> {
  const err = facilityScopeForbidden();
  await req.audit({
    action: DEFAULT_ACTION[req.method] ?? 'read',
    resource: 'Facility',
    // A raw path parameter or body field (the guard runs before validation): bounded.
    resourceId: code?.slice(0, 32) ?? null,
    outcome: 'denied',
    details: { code: err.code },
  });
  throw err;
}

/**
 * Staff and API keys act only for their facility. Routes with the facility in the path declare
 * `config.facilityParam` and the guard checks it; call this for a facility code that arrives in a
 * body or query (check-in's `facilityCode`): a refusal is audited as denied, as the guard's is.
 */
export async function assertFacilityScope(req: FastifyRequest, facilityCode: string): Promise<void> {
  if (!actsForFacility(requirePrincipal(req), facilityCode)) await denyFacility(req, facilityCode);
}
