/**
 * What an audit event records. Actions are data: a capability that needs a new one adds it here.
 * Never put personal data other than `personId` into an event (no names, no personal IDs, no
 * card numbers): `details` is for counts, codes and flags.
 */
export const AUDIT_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'merge',
  'export',
  'import',
  'login',
  'login_failed',
  'logout',
  'token_refresh',
  'token_reuse',
  'break_glass',
  'care_start',
  'consent_create',
  'consent_revoke',
  'retention',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'denied', 'error'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export type ActorKind = 'user' | 'apiKey' | 'system' | 'anonymous';

export interface AuditActor {
  kind: ActorKind;
  id: string | null;
  name: string | null;
  roles: readonly string[];
  facilityCode: string | null;
}

export type AuditDetails = Record<string, string | number | boolean | null | readonly (string | number)[]>;

/** One event to append (the chain adds seq, time and hashes). */
export interface AuditRecord {
  actor: AuditActor;
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  personId?: string | null;
  purpose?: string | null;
  outcome?: AuditOutcome;
  breakGlass?: boolean;
  requestId?: string | null;
  details?: AuditDetails | null;
}

/** A stored event, exactly the fields the hash covers (plus the hashes). */
export interface AuditEvent {
  seq: number;
  at: string;
  actorKind: ActorKind;
  actorId: string | null;
  actorName: string | null;
  roles: string[];
  facilityCode: string | null;
  personId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  purpose: string | null;
  outcome: AuditOutcome;
  breakGlass: boolean;
  requestId: string | null;
  details: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
