import type { FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import { requirePrincipal } from './guard.ts';
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

/**
 * Staff and API keys act only for their facility. Routes with the facility in the path declare
 * `config.facilityParam` and the guard checks it; call this for a facility code that arrives in a
 * body or query (check-in's `facilityCode`, an XML file's facility).
 */
export function assertFacilityScope(req: FastifyRequest, facilityCode: string): void {
  if (!actsForFacility(requirePrincipal(req), facilityCode)) throw facilityScopeForbidden();
}
