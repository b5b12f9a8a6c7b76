import { z } from 'zod';
import type { Capability } from '../http/types.ts';
import { requirePrincipal } from '../auth/guard.ts';
import { accessLog } from './access-log.ts';
import { verifyAuditChain } from './verify.ts';

const entry = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  resourceType: z.string(),
  outcome: z.string(),
  breakGlass: z.boolean(),
  purpose: z.string().nullable(),
  actor: z.object({
    kind: z.string(),
    name: z.string().nullable(),
    roles: z.array(z.string()),
    facilityCode: z.string().nullable(),
    facilityName: z.string().nullable(),
  }),
});

export const auditRoutes: Capability = async (app, { db }) => {
  app.get(
    '/api/v1/persons/:person/access-log',
    {
      // The citizen (own record), or a facility admin whose facility cares for the person (or breaks the glass).
      config: { roles: ['citizen', 'facility_admin'], person: { access: 'read', resource: 'AccessLog' } },
      schema: {
        tags: ['audit'],
        summary: 'Ai đã xem hồ sơ của người dân, khi nào, vì sao (truy cập khẩn cấp được đánh dấu)',
        params: z.object({ person: z.string().min(1).max(64) }),
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
          breakGlassOnly: z.stringbool().optional(),
        }),
        response: { 200: z.object({ items: z.array(entry), total: z.number() }) },
      },
    },
    async (req) => {
      const access = req.personAccess!;
      return accessLog(db, access.personId, {
        limit: req.query.limit,
        offset: req.query.offset,
        breakGlassOnly: req.query.breakGlassOnly ?? false,
        // A citizen does not need to see their own reads of their own record.
        excludeActorId: access.basis === 'self' ? requirePrincipal(req).id : null,
      });
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Kiểm tra toàn bộ chuỗi băm của nhật ký kiểm toán (như `npx suckhoe audit verify`)',
      },
    },
    async () => verifyAuditChain(db),
  );
};
