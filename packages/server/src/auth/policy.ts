import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Role } from '@suckhoe/domain';
import type { AuditAction } from '../audit/types.ts';

/**
 * How a route under `/persons/{person}` reaches that person's data (checked by the guard before
 * the handler runs, and audited automatically after a successful response):
 * - `read`   the citizen themself, staff of a facility with a care relationship, or a break-glass
 *            with a written reason (roles in BREAK_GLASS_ROLES);
 * - `self`   only the citizen whose record it is (consent directives);
 * - `locate` the person only needs to exist (starting care): the roles decide.
 */
export type PersonAccessMode = 'read' | 'self' | 'locate';

export interface PersonPolicy {
  access: PersonAccessMode;
  /** Path parameter naming the person (platform id or personal ID); default `person`. */
  param?: string;
  /** Audit action written after a successful response; default from the method (GET → read …). */
  action?: AuditAction;
  /** Audit resource type; default `Person`. */
  resource?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Staff and API keys act only for their own facility: the facility code in this path parameter. */
    facilityParam?: string;
    /** Access to the person named in the path (required for every route with a `:person` parameter). */
    person?: PersonPolicy;
  }
}

/** One route's declared policy, as the route table and the authorisation-matrix test see it. */
export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
  roles: readonly Role[];
  facilityParam: string | null;
  person: PersonPolicy | null;
}

export const PROTECTED = /^\/(api|fhir)\//;

/** Whether principals with `roles` pass the route's role check (admin passes every one). */
export function rolesAllow(entry: Pick<RouteEntry, 'public' | 'roles'>, roles: readonly Role[]): boolean {
  if (entry.public) return true;
  if (roles.includes('admin')) return true;
  return roles.some((r) => entry.roles.includes(r));
}

/** The start-up checks every protected route goes through; returns its table entry. */
export function checkRoute(route: RouteOptions): RouteEntry {
  const cfg = route.config;
  const method = Array.isArray(route.method) ? route.method.join(',') : String(route.method);
  const where = `Route ${method} ${route.url}`;
  if (!cfg?.public && !cfg?.roles?.length) {
    throw new Error(`${where} declares no access policy (config.public or config.roles)`);
  }
  const params = new Set([...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]));
  if (cfg.facilityParam && !params.has(cfg.facilityParam)) {
    throw new Error(`${where}: facilityParam ${cfg.facilityParam} is not a path parameter`);
  }
  if (params.has('person') && !cfg.person && !cfg.public) {
    throw new Error(`${where} takes :person but declares no person policy (config.person)`);
  }
  if (cfg.person && !params.has(cfg.person.param ?? 'person')) {
    throw new Error(`${where}: person.param ${cfg.person.param ?? 'person'} is not a path parameter`);
  }
  return {
    method,
    url: route.url,
    public: Boolean(cfg.public),
    roles: cfg.roles ?? [],
    facilityParam: cfg.facilityParam ?? null,
    person: cfg.person ?? null,
  };
}

const TABLES = new WeakMap<object, RouteEntry[]>();

export function recordRoute(app: FastifyInstance, entry: RouteEntry): void {
  let t = TABLES.get(app);
  if (!t) TABLES.set(app, (t = []));
  if (entry.method === 'HEAD') return; // Fastify's automatic HEAD twin of a GET route
  t.push(entry);
}

/** Every /api and /fhir route of a built app with its declared policy, sorted by url then method. */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  return [...(TABLES.get(app) ?? [])].sort(
    (a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method),
  );
}
