import type { FastifyRequest } from 'fastify';
import type { Deps } from '../http/types.ts';
import type { AuditEvent } from '../audit/types.ts';
import type { RequestAudit } from '../audit/request.ts';
import type { PersonFacts } from './person-facts.ts';

/** How the caller reached a person's data in this request. */
export interface PersonAccess {
  personId: string;
  /** self: the citizen's own record; care: a care relationship; break_glass: a written reason; role: no person check (locate). */
  basis: 'self' | 'care' | 'break_glass' | 'role';
  breakGlass: boolean;
  reason: string | null;
  /** Set by consentFilterFor when break-glass showed something the citizen had hidden. */
  consentOverridden?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The person of a route with `config.person`, once the guard granted access. */
    personAccess: PersonAccess | null;
    /** Append audit events for this request (actor, roles, facility, request id and break-glass filled in). */
    audit(input: RequestAudit | readonly RequestAudit[]): Promise<AuditEvent[]>;
    /** The app's dependencies, for helpers that only receive the request. */
    readonly securityDeps: Deps;
  }
}

interface RequestState {
  grants: Map<string, PersonAccess>;
  audited: Set<string>;
  /** Read once by the access check, each fact taken once by its user (person-facts.ts). */
  facts: Map<string, PersonFacts>;
}

const states = new WeakMap<FastifyRequest, RequestState>();

export function stateOf(req: FastifyRequest): RequestState {
  let s = states.get(req);
  if (!s) states.set(req, (s = { grants: new Map(), audited: new Set(), facts: new Map() }));
  return s;
}
