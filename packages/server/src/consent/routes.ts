import { z } from 'zod';
import { ApiError, notFound } from '../http/errors.ts';
import type { Capability } from '../http/types.ts';
import { requirePrincipal } from '../auth/guard.ts';
import { CONSENT_KINDS, createConsent, listConsents, revokeConsent } from './repo.ts';

const directive = z.object({
  id: z.string(),
  kind: z.enum(CONSENT_KINDS),
  target: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

const personParam = z.object({ person: z.string().min(1).max(64) });

/** A citizen's consent directives on their own record (hide an episode, block a facility). */
export const consentRoutes: Capability = async (app, { db }) => {
  const self = { roles: ['citizen'] as const, person: { access: 'self' as const, resource: 'Consent' } };

  app.get(
    '/api/v1/persons/:person/consents',
    {
      config: { ...self, person: { ...self.person, action: 'read' } },
      schema: {
        tags: ['consent'],
        summary: 'Các chỉ dẫn đồng ý của người dân (ẩn lượt khám, chặn cơ sở)',
        params: personParam,
        querystring: z.object({ includeRevoked: z.stringbool().optional() }),
        response: { 200: z.object({ items: z.array(directive), total: z.number() }) },
      },
    },
    async (req) => {
      const items = await listConsents(db, req.personAccess!.personId, {
        includeRevoked: req.query.includeRevoked ?? false,
      });
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/v1/persons/:person/consents',
    {
      config: { ...self, person: { ...self.person, action: 'consent_create' } },
      schema: {
        tags: ['consent'],
        summary: 'Ẩn một lượt khám hoặc chặn một cơ sở xem hồ sơ của mình',
        params: personParam,
        body: z.object({ kind: z.enum(CONSENT_KINDS), target: z.string().trim().min(1).max(120) }),
        response: { 201: directive, 200: directive },
      },
    },
    async (req, reply) => {
      const p = requirePrincipal(req);
      const personId = req.personAccess!.personId;
      const { kind, target } = req.body;
      if (kind === 'block_facility') {
        const [f] = await db.query('SELECT code FROM facility WHERE code = $1', [target]);
        if (!f) throw new ApiError(400, 'FACILITY_UNKNOWN', `Không có cơ sở mã ${target.slice(0, 20)}.`);
      }
      const r = await createConsent(db, personId, kind, target, p.id);
      await req.audit({
        action: 'consent_create',
        resource: 'Consent',
        resourceId: r.directive.id,
        personId,
        details: { kind },
      });
      return reply.status(r.created ? 201 : 200).send(r.directive);
    },
  );

  app.delete(
    '/api/v1/persons/:person/consents/:id',
    {
      config: { ...self, person: { ...self.person, action: 'consent_revoke' } },
      schema: {
        tags: ['consent'],
        summary: 'Bỏ một chỉ dẫn đồng ý',
        params: personParam.extend({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const p = requirePrincipal(req);
      const personId = req.personAccess!.personId;
      if (!(await revokeConsent(db, personId, req.params.id, p.id))) throw notFound('chỉ dẫn này');
      await req.audit({ action: 'consent_revoke', resource: 'Consent', resourceId: req.params.id, personId });
      return reply.status(204).send();
    },
  );
};
