import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/tokens.ts';
import { stateOf } from '../auth/request-state.ts';
import { appendAudit } from './store.ts';
import type {
  AuditAction,
  AuditActor,
  AuditDetails,
  AuditEvent,
  AuditOutcome,
  AuditRecord,
} from './types.ts';

/** What a capability says when it audits: the rest comes from the request. */
export interface RequestAudit {
  action: AuditAction;
  /** Resource type: `Person`, `HealthBook`, `Episode`, `Referral` … */
  resource: string;
  resourceId?: string | null;
  /** Platform id of the person whose data this is (never a personal ID). */
  personId?: string | null;
  /** Why (free text); defaults to the break-glass reason when this request broke the glass for that person. */
  purpose?: string | null;
  outcome?: AuditOutcome;
  /** Counts, codes, flags — never names or identifiers. */
  details?: AuditDetails | null;
  /** Override the actor (login: the principal does not exist yet). */
  actor?: AuditActor;
  breakGlass?: boolean;
}

export function actorOf(p: Principal | null): AuditActor {
  if (!p) return { kind: 'anonymous', id: null, name: null, roles: [], facilityCode: null };
  return { kind: p.kind, id: p.id, name: p.username, roles: [...p.roles], facilityCode: p.facilityCode };
}

/** `req.audit(...)`: fills who, roles, facility, request id and the break-glass flag from the request. */
export function auditRequest(
  req: FastifyRequest,
  input: RequestAudit | readonly RequestAudit[],
): Promise<AuditEvent[]> {
  return appendAudit(req.securityDeps.db, requestAuditRecords(req, input));
}

/**
 * The records `req.audit(...)` appends, for a caller that writes them itself (in its own
 * transaction: `appendInTransaction`).
 */
export function requestAuditRecords(
  req: FastifyRequest,
  input: RequestAudit | readonly RequestAudit[],
): AuditRecord[] {
  const list: readonly RequestAudit[] = Array.isArray(input) ? input : [input as RequestAudit];
  const state = stateOf(req);
  return list.map((a) => {
    const grant = a.personId ? state.grants.get(a.personId) : undefined;
    // The automatic event of a `config.person` route is skipped once the handler audited that person itself.
    if (a.personId && a.action !== 'break_glass' && (a.outcome ?? 'success') === 'success')
      state.audited.add(a.personId);
    const breakGlass = a.breakGlass ?? grant?.breakGlass ?? false;
    return {
      actor: a.actor ?? actorOf(req.principal),
      action: a.action,
      resourceType: a.resource,
      resourceId: a.resourceId ?? null,
      personId: a.personId ?? null,
      purpose: a.purpose ?? (breakGlass ? (grant?.reason ?? null) : null),
      outcome: a.outcome ?? 'success',
      breakGlass,
      requestId: req.id,
      details:
        grant?.consentOverridden && a.personId
          ? { ...(a.details ?? {}), consentOverridden: true }
          : (a.details ?? null),
    };
  });
}
