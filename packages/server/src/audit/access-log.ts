import type { Queryable } from '../db/types.ts';

export interface AccessLogEntry {
  seq: number;
  at: string;
  action: string;
  resourceType: string;
  outcome: string;
  breakGlass: boolean;
  purpose: string | null;
  actor: {
    kind: string;
    /** Staff member's full name (or username), "HIS" system name; null when anonymous. */
    name: string | null;
    roles: string[];
    facilityCode: string | null;
    facilityName: string | null;
  };
}

interface Row {
  seq: number;
  at: Date | string;
  action: string;
  resource_type: string;
  outcome: string;
  break_glass: boolean;
  purpose: string | null;
  actor_kind: string;
  actor_name: string | null;
  full_name: string | null;
  roles: string[];
  facility_code: string | null;
  facility_name: string | null;
  [k: string]: unknown;
}

/**
 * Who touched a person's record, newest first: reads, searches that found them, break-glass,
 * failed logins on their account, consent changes. Includes the records merged into this one.
 * `excludeActorId` hides the person's own actions (a citizen reading their own book).
 */
export async function accessLog(
  db: Queryable,
  personId: string,
  opts: { limit: number; offset: number; excludeActorId?: string | null; breakGlassOnly?: boolean },
): Promise<{ items: AccessLogEntry[]; total: number }> {
  const where = [
    `e.person_id = ANY(ARRAY(
       WITH RECURSIVE ids(id) AS (SELECT $1::uuid UNION SELECT p.id FROM person p JOIN ids ON p.merged_into = ids.id)
       SELECT id FROM ids))`,
  ];
  const params: unknown[] = [personId];
  if (opts.excludeActorId) {
    params.push(opts.excludeActorId);
    where.push(`e.actor_id IS DISTINCT FROM $${params.length}`);
  }
  if (opts.breakGlassOnly) where.push('e.break_glass');
  const w = where.join(' AND ');
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_event e WHERE ${w}`,
    params,
  );
  const rows = await db.query<Row>(
    `SELECT e.seq, e.at, e.action, e.resource_type, e.outcome, e.break_glass, e.purpose, e.actor_kind, e.actor_name,
            u.full_name, e.roles, e.facility_code, f.name AS facility_name
     FROM audit_event e
     LEFT JOIN app_user u ON e.actor_kind = 'user' AND u.id::text = e.actor_id
     LEFT JOIN facility f ON f.code = e.facility_code
     WHERE ${w} ORDER BY e.at DESC, e.seq DESC LIMIT ${opts.limit} OFFSET ${opts.offset}`,
    params,
  );
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      action: r.action,
      resourceType: r.resource_type,
      outcome: r.outcome,
      breakGlass: r.break_glass,
      purpose: r.purpose,
      actor: {
        kind: r.actor_kind,
        name: r.actor_kind === 'anonymous' ? null : (r.full_name ?? r.actor_name),
        roles: [...r.roles],
        facilityCode: r.facility_code,
        facilityName: r.facility_name,
      },
    })),
  };
}
