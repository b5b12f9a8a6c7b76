import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { auditRequest } from '../audit/request.ts';
import type { AuditAction } from '../audit/types.ts';
import { authenticateApiKey } from './api-keys.ts';
import { checkRoute, PROTECTED, recordRoute, rolesAllow } from './policy.ts';
import { actsForFacility, denyFacility } from './scope.ts';
import { assertCanReadPerson, assertIsSelf, requirePerson, requirePersonToRead } from './person-access.ts';
import { stateOf } from './request-state.ts';
import type { Principal } from './tokens.ts';

export const unauthenticated = (): ApiError =>
  new ApiError(401, 'UNAUTHENTICATED', 'Bạn cần đăng nhập (hoặc gửi khóa API hợp lệ) để dùng chức năng này.');

/** The role check failed (the authorisation-matrix test keys on this code). */
export const forbidden = (): ApiError =>
  new ApiError(403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');

async function principalOf(req: FastifyRequest, deps: Deps): Promise<Principal | null> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return deps.tokens.verify(auth.slice(7).trim());
  const key = req.headers['x-api-key'];
  if (typeof key === 'string') return authenticateApiKey(deps.db, key);
  return null;
}

export const DEFAULT_ACTION: Record<string, AuditAction> = {
  GET: 'read',
  HEAD: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

const param = (req: FastifyRequest, name: string): string | undefined => {
  const v = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * The one place that authorises every /api and /fhir route, from the policy the route declares
 * in its `config` (see auth/policy.ts and docs/security.md):
 * 1. start-up: a route without `public` or `roles` — or with a `:person` parameter but no `person`
 *    policy — is an error, so a new route cannot forget either; every route lands in the route table;
 * 2. onRequest: authenticate (Bearer JWT or X-API-Key), check roles (admin passes), check the
 *    facility scope (`facilityParam`);
 * 3. preHandler: resolve `{person}` and check access to it (self / care relationship / break-glass);
 * 4. onSend: after a successful response, audit the person access unless the handler already did.
 */
export function installGuard(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('personAccess', null);
  app.decorateRequest('securityDeps', {
    getter: () => deps,
  });
  app.decorateRequest('audit', function (this: FastifyRequest, input) {
    return auditRequest(this, input);
  });

  app.addHook('onRoute', (route) => {
    if (!PROTECTED.test(route.url)) return;
    recordRoute(app, checkRoute(route));
  });

  app.addHook('onRequest', async (req) => {
    const cfg = req.routeOptions.config;
    // Unknown routes fall through to the JSON 404 (routeOptions.url is unset for them).
    if (!PROTECTED.test(req.url) || req.routeOptions.url === undefined) return;
    // CORS preflight (answered by @fastify/cors, carries no credentials and no data).
    if (req.method === 'OPTIONS' && req.routeOptions.url === '*') return;
    if (cfg.public) return;
    const p = await principalOf(req, deps);
    if (!p) throw unauthenticated();
    req.principal = p;
    if (!rolesAllow({ public: false, roles: cfg.roles ?? [] }, p.roles)) throw forbidden();
    if (cfg.facilityParam) {
      const code = param(req, cfg.facilityParam);
      if (code === undefined || !actsForFacility(p, code)) await denyFacility(req, code);
    }
  });

  app.addHook('preHandler', async (req) => {
    const policy = req.routeOptions.config.person;
    if (!policy || !req.principal) return;
    const ref = param(req, policy.param ?? 'person') ?? '';
    const personId =
      policy.access === 'read' ? await requirePersonToRead(req, ref) : await requirePerson(req, ref);
    const resource = policy.resource ?? 'Person';
    switch (policy.access) {
      case 'read':
        req.personAccess = await assertCanReadPerson(req, personId, { resource });
        break;
      case 'self':
        req.personAccess = await assertIsSelf(req, personId, resource);
        break;
      case 'locate':
        req.personAccess = { personId, basis: 'role', breakGlass: false, reason: null };
        break;
    }
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const policy = req.routeOptions.config.person;
    const access = req.personAccess;
    if (!policy || !access || reply.statusCode >= 400) return payload;
    if (stateOf(req).audited.has(access.personId)) return payload;
    try {
      await req.audit({
        action: policy.action ?? DEFAULT_ACTION[req.method] ?? 'read',
        resource: policy.resource ?? 'Person',
        personId: access.personId,
      });
      return payload;
    } catch (err) {
      // Fail closed: personal data is not sent when its access could not be recorded.
      req.log.error({ err: { message: (err as Error).message } }, 'audit append failed');
      void reply.code(500).header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify({
        error: {
          code: 'AUDIT_FAILED',
          message: 'Không ghi được nhật ký truy cập; dữ liệu không được trả về.',
        },
      });
    }
  });
}

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated();
  return req.principal;
}
