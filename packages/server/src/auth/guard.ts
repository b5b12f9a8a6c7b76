import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { authenticateApiKey } from './api-keys.ts';
import type { Principal } from './tokens.ts';

const PROTECTED = /^\/(api|fhir)\//;

export const unauthenticated = (): ApiError =>
  new ApiError(401, 'UNAUTHENTICATED', 'Bạn cần đăng nhập (hoặc gửi khóa API hợp lệ) để dùng chức năng này.');

export const forbidden = (): ApiError =>
  new ApiError(403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');

async function principalOf(req: FastifyRequest, deps: Deps): Promise<Principal | null> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return deps.tokens.verify(auth.slice(7).trim());
  const key = req.headers['x-api-key'];
  if (typeof key === 'string') return authenticateApiKey(deps.db, key);
  return null;
}

/**
 * Authentication and role check for every /api and /fhir route, in one place. Routes declare their
 * policy in `config` (see RoutePolicy); a route without one is a start-up error, so a new route
 * cannot forget it.
 */
export function installGuard(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    if (!PROTECTED.test(route.url)) return;
    const cfg = route.config;
    if (!cfg?.public && !cfg?.roles?.length) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access policy (config.public or config.roles)`,
      );
    }
  });
  app.addHook('onRequest', async (req) => {
    const cfg = req.routeOptions.config;
    // Unknown routes fall through to the JSON 404 (routeOptions.url is unset for them).
    if (!PROTECTED.test(req.url) || req.routeOptions.url === undefined) return;
    if (cfg.public) return;
    const p = await principalOf(req, deps);
    if (!p) throw unauthenticated();
    req.principal = p;
    if (p.roles.includes('admin')) return;
    const allowed = cfg.roles ?? [];
    if (!p.roles.some((r) => allowed.includes(r))) throw forbidden();
  });
}

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated();
  return req.principal;
}
