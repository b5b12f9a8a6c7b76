import { z } from 'zod';
import { ApiError } from '../http/errors.ts';
import type { Capability } from '../http/types.ts';
import { startCare } from './care.ts';
import { requirePrincipal } from './guard.ts';

/**
 * `POST /api/v1/persons/{person}/care` — a registrar, clinician, station or HIS starts caring for a
 * person at their own facility (until check-ins, episodes, referrals and appointments exist as care
 * sources, this is how a care relationship begins). Audited as `care_start` and visible to the
 * citizen in their access log.
 */
export const careRoutes: Capability = async (app, deps) => {
  app.post(
    '/api/v1/persons/:person/care',
    {
      config: {
        roles: ['clinician', 'registrar', 'station_staff', 'integration_client'],
        person: { access: 'locate', action: 'care_start', resource: 'CareRelationship' },
      },
      schema: {
        tags: ['security'],
        summary:
          'Bắt đầu quan hệ điều trị giữa cơ sở của bạn và người dân (cho phép xem hồ sơ trong thời hạn cấu hình)',
        params: z.object({ person: z.string().min(1).max(64) }),
        body: z.object({ reason: z.string().trim().max(200).optional() }).optional(),
        response: {
          201: z.object({
            id: z.string(),
            personId: z.string(),
            facilityCode: z.string(),
            startedAt: z.string(),
            validUntil: z.string(),
          }),
        },
      },
    },
    async (req, reply) => {
      const p = requirePrincipal(req);
      const personId = req.personAccess!.personId;
      if (!p.facilityCode) {
        throw new ApiError(400, 'FACILITY_REQUIRED', 'Tài khoản của bạn chưa gắn với cơ sở y tế nào.');
      }
      const care = await startCare(deps.db, personId, p.facilityCode, p.id);
      await req.audit({
        action: 'care_start',
        resource: 'CareRelationship',
        resourceId: care.id,
        personId,
        purpose: req.body?.reason ?? null,
      });
      const validUntil = new Date(
        Date.parse(care.startedAt) + deps.config.security.careWindowDays * 86_400_000,
      );
      return reply.status(201).send({
        id: care.id,
        personId,
        facilityCode: p.facilityCode,
        startedAt: care.startedAt,
        validUntil: validUntil.toISOString(),
      });
    },
  );
};
