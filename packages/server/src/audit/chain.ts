import { createHash } from 'node:crypto';
import type { AuditEvent } from './types.ts';

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** hash = SHA-256( previous hash ‖ canonical JSON of the event without its hashes ). */
export function eventHash(e: Omit<AuditEvent, 'hash'> & { hash?: string }): string {
  const { prevHash, hash: _stored, ...body } = e;
  return createHash('sha256').update(prevHash).update(canonicalJson(body)).digest('hex');
}

/** Column list and row mapping shared by the writer, the verifier and the access log. */
export const EVENT_COLUMNS =
  'seq, at, actor_kind, actor_id, actor_name, roles, facility_code, person_id, action, resource_type, resource_id, purpose, outcome, break_glass, request_id, details, prev_hash, hash';

export interface EventRow {
  seq: number;
  at: Date | string;
  actor_kind: AuditEvent['actorKind'];
  actor_id: string | null;
  actor_name: string | null;
  roles: string[];
  facility_code: string | null;
  person_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  purpose: string | null;
  outcome: AuditEvent['outcome'];
  break_glass: boolean;
  request_id: string | null;
  details: Record<string, unknown> | string | null;
  prev_hash: string;
  hash: string;
  [k: string]: unknown;
}

export function rowToEvent(r: EventRow): AuditEvent {
  return {
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    roles: [...r.roles],
    facilityCode: r.facility_code,
    personId: r.person_id,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    purpose: r.purpose,
    outcome: r.outcome,
    breakGlass: r.break_glass,
    requestId: r.request_id,
    details:
      typeof r.details === 'string'
        ? (JSON.parse(r.details) as Record<string, unknown>)
        : (r.details ?? null),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
