import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/types.ts';
import { EVENT_COLUMNS, eventHash } from './chain.ts';
import { addMonths, ensurePartition, knownPartitions, monthOf, partitionName } from './partitions.ts';
import { AUDIT_ACTIONS, type AuditDetails, type AuditEvent, type AuditRecord } from './types.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONG_NUMBER = /\d{9,}/g; // personal IDs (12), CMND (9), BHXH numbers (10), BHYT digits
const BHYT_CODE = /\b[A-Z]{2}\d{13}\b/g;
const MAX_BATCH = 500;

/** A username that is a personal ID (citizen accounts) is never stored: only a short digest. */
export function safeActorName(name: string | null | undefined): string | null {
  if (!name) return null;
  return /\d{9,}/.test(name) ? `#${createHash('sha256').update(name).digest('hex').slice(0, 12)}` : name;
}

const HASH = /^[0-9a-f]{64}$/;
const redact = (s: string): string =>
  HASH.test(s) ? s : s.replace(LONG_NUMBER, '[redacted]').replace(BHYT_CODE, '[redacted]');

function cleanDetails(d: AuditDetails | null | undefined): Record<string, unknown> | null {
  if (!d) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d).slice(0, 30)) {
    if (typeof v === 'string') out[k] = redact(v).slice(0, 200);
    else if (Array.isArray(v))
      out[k] = (v as readonly (string | number)[])
        .slice(0, 50)
        .map((x) => (typeof x === 'string' ? redact(x).slice(0, 200) : x));
    else out[k] = v;
  }
  return out;
}

type Pending = Omit<AuditEvent, 'seq' | 'at' | 'prevHash' | 'hash'>;

/** Validate and normalise a record before it joins a batch (one bad record must not sink others). */
function normalise(r: AuditRecord): Pending {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(r.action))
    throw new Error(`unknown audit action ${r.action}`);
  const personId = r.personId ?? null;
  if (personId !== null && !UUID_RE.test(personId)) throw new Error('audit personId must be a platform id');
  return {
    actorKind: r.actor.kind,
    actorId: r.actor.id,
    actorName: safeActorName(r.actor.name),
    roles: [...r.actor.roles],
    facilityCode: r.actor.facilityCode,
    personId: personId?.toLowerCase() ?? null,
    action: r.action,
    resourceType: r.resourceType.slice(0, 60),
    resourceId: r.resourceId?.slice(0, 200) ?? null,
    purpose: r.purpose ? r.purpose.trim().slice(0, 500) : null,
    outcome: r.outcome ?? 'success',
    breakGlass: r.breakGlass ?? false,
    requestId: r.requestId ?? null,
    details: cleanDetails(r.details),
  };
}

/** Give each pending event the next seq after `head`, the time `at`, and its place in the hash chain. */
function chainEvents(
  pending: readonly Pending[],
  head: { seq: number; hash: string },
  at: string,
): AuditEvent[] {
  let seq = head.seq;
  let prevHash = head.hash;
  return pending.map((p) => {
    const e = { ...p, seq: ++seq, at, prevHash };
    const hash = eventHash(e);
    prevHash = hash;
    return { ...e, hash };
  });
}

/**
 * INSERT of a batch of events given as one array per column (parameters `$first`… in the order of
 * `eventArrays`) and their common time (`$at`). Arrays instead of a VALUES list keep the text the
 * same for every batch size.
 */
const insertEventsSql = (at: number, first: number): string => {
  const a = (i: number, type: string): string => `$${first + i}::${type}[]`;
  const types = ['bigint', ...Array<string>(11).fill('text'), 'boolean', 'text', 'text', 'text', 'text'];
  return `INSERT INTO audit_event (${EVENT_COLUMNS})
SELECT e.seq, $${at}::timestamptz, e.actor_kind, e.actor_id, e.actor_name, e.roles::text[], e.facility_code,
  e.person_id::uuid, e.action, e.resource_type, e.resource_id, e.purpose, e.outcome, e.break_glass, e.request_id,
  e.details::jsonb, e.prev_hash, e.hash
FROM unnest(${types.map((t, i) => a(i, t)).join(', ')})
  AS e(seq, actor_kind, actor_id, actor_name, roles, facility_code, person_id, action, resource_type, resource_id,
    purpose, outcome, break_glass, request_id, details, prev_hash, hash)`;
};

/** `{a,b}`: roles are plain identifiers (checked), so the array literal needs no quoting. */
function rolesLiteral(roles: readonly string[]): string {
  for (const r of roles)
    if (!/^[a-z_]+$/.test(r)) throw new Error(`audit role ${r} is not a plain identifier`);
  return `{${roles.join(',')}}`;
}

/** The events as one array per column, in the order `insertEventsSql` reads them. */
function eventArrays(events: readonly AuditEvent[]): unknown[][] {
  const col = <T>(f: (e: AuditEvent) => T): T[] => events.map(f);
  return [
    col((e) => e.seq),
    col((e) => e.actorKind),
    col((e) => e.actorId),
    col((e) => e.actorName),
    col((e) => rolesLiteral(e.roles)),
    col((e) => e.facilityCode),
    col((e) => e.personId),
    col((e) => e.action),
    col((e) => e.resourceType),
    col((e) => e.resourceId),
    col((e) => e.purpose),
    col((e) => e.outcome),
    col((e) => e.breakGlass),
    col((e) => e.requestId),
    col((e) => (e.details === null ? null : JSON.stringify(e.details))),
    col((e) => e.prevHash),
    col((e) => e.hash),
  ];
}

/**
 * Append events to the chain inside the caller's transaction: lock the chain head, give each event
 * the next seq and a time not before the previous event's (so seq order and time order agree,
 * which keeps monthly partitions contiguous ranges of seq), make sure its month's partition
 * exists, insert, move the head. Safe under any number of concurrent connections and servers.
 * Returns the events and the partition it made sure of (mark it known after commit).
 */
export async function appendInTransaction(
  tx: Queryable,
  records: readonly AuditRecord[],
  known: ReadonlySet<string> = new Set(),
): Promise<{ events: AuditEvent[]; partition: string | null }> {
  const pending = records.map(normalise);
  if (pending.length === 0) return { events: [], partition: null };
  const [head] = await tx.query<{ seq: number; hash: string; last_at: Date | string | null }>(
    'SELECT seq, hash, last_at FROM audit_chain_head WHERE id = 1 FOR UPDATE',
  );
  if (!head) throw new Error('audit chain head missing (migration 0002 not applied?)');
  const lastAt = head.last_at ? new Date(head.last_at).getTime() : 0;
  const atMs = Math.max(Date.now(), lastAt);
  const at = new Date(atMs).toISOString();
  const partition = await ensurePartition(tx, monthOf(new Date(atMs)), known);
  const events = chainEvents(pending, head, at);
  const last = events[events.length - 1]!;
  await tx.query(insertEventsSql(1, 2), [at, ...eventArrays(events)]);
  await tx.query('UPDATE audit_chain_head SET seq = $1, hash = $2, last_at = $3::timestamptz WHERE id = 1', [
    last.seq,
    last.hash,
    at,
  ]);
  return { events, partition };
}

/** Append events in their own transaction (no batching with other callers). */
export async function appendAuditNow(db: Db, records: readonly AuditRecord[]): Promise<AuditEvent[]> {
  const known = knownPartitions(db);
  const r = await db.transaction((tx) => appendInTransaction(tx, records, known));
  if (r.partition) known.add(r.partition);
  return r.events;
}

interface Waiting {
  records: AuditRecord[];
  resolve: (e: AuditEvent[]) => void;
  reject: (e: unknown) => void;
}

/** The chain head as this process last wrote or read it. */
interface Head {
  seq: number;
  hash: string;
  lastAtMs: number;
}

/**
 * One statement appends a batch and moves the head, on the condition that the head is still the one
 * this process knows: the UPDATE of `audit_chain_head` matches no row when another writer (another
 * server, or a caller's own transaction) moved it meanwhile, and then nothing is inserted. Arrays
 * instead of a VALUES list keep the text the same for every batch size (one prepared statement).
 */
const APPEND_IF_HEAD = `
WITH head AS (
  UPDATE audit_chain_head SET seq = $1, hash = $2, last_at = $3::timestamptz
  WHERE id = 1 AND seq = $4 AND hash = $5
  RETURNING 1
)
${insertEventsSql(3, 6)}
WHERE EXISTS (SELECT 1 FROM head)
RETURNING seq`;

/**
 * Group commit: while one append runs, later calls queue up and go together in the next one.
 * Latency stays one statement; throughput grows with load instead of queueing on the chain head
 * one request at a time. The common case is ONE round trip (no BEGIN, lock, UPDATE, COMMIT): the
 * head is remembered, and the conditional statement above fails safely when it is stale — then the
 * head is read again and the batch re-chained. A month without a known partition takes the locking
 * transaction (`appendAuditNow`), which creates it.
 */
class AuditWriter {
  private queue: Waiting[] = [];
  private busy = false;
  private head: Head | null = null;
  constructor(private readonly db: Db) {}

  append(records: AuditRecord[]): Promise<AuditEvent[]> {
    try {
      records.forEach(normalise);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      void this.pump();
    });
  }

  private async readHead(): Promise<Head> {
    const [h] = await this.db.query<{ seq: number; hash: string; last_at: Date | string | null }>(
      'SELECT seq, hash, last_at FROM audit_chain_head WHERE id = 1',
    );
    if (!h) throw new Error('audit chain head missing (migration 0002 not applied?)');
    return { seq: h.seq, hash: h.hash, lastAtMs: h.last_at ? new Date(h.last_at).getTime() : 0 };
  }

  private async write(records: readonly AuditRecord[]): Promise<AuditEvent[]> {
    const pending = records.map(normalise);
    const known = knownPartitions(this.db);
    for (let attempt = 0; attempt < 3; attempt++) {
      const head = this.head ?? (await this.readHead());
      const atMs = Math.max(Date.now(), head.lastAtMs);
      if (!known.has(partitionName(monthOf(new Date(atMs))))) break;
      const at = new Date(atMs).toISOString();
      const events = chainEvents(pending, head, at);
      const last = events[events.length - 1]!;
      const stored = await this.db.query(
        APPEND_IF_HEAD,
        [last.seq, last.hash, at, head.seq, head.hash, ...eventArrays(events)],
        { name: 'audit_append_if_head' },
      );
      if (stored.length === events.length) {
        this.head = { seq: last.seq, hash: last.hash, lastAtMs: atMs };
        return events;
      }
      this.head = null; // someone else moved the head: read it again and re-chain
    }
    this.head = null;
    return appendAuditNow(this.db, records);
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length > 0) {
        let n = 0;
        let count = 0;
        while (n < this.queue.length && (n === 0 || count + this.queue[n]!.records.length <= MAX_BATCH)) {
          count += this.queue[n]!.records.length;
          n++;
        }
        const batch = this.queue.splice(0, n);
        try {
          const stored = await this.write(batch.flatMap((w) => w.records));
          let i = 0;
          for (const w of batch) {
            w.resolve(stored.slice(i, i + w.records.length));
            i += w.records.length;
          }
        } catch (e) {
          this.head = null;
          for (const w of batch) w.reject(e);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

const writers = new WeakMap<Db, AuditWriter>();

/**
 * Append one or more audit events (CLI, jobs, and the request helper `req.audit` all end here).
 * Resolves once the events are committed: callers return personal data only after that.
 */
export function appendAudit(db: Db, records: AuditRecord | readonly AuditRecord[]): Promise<AuditEvent[]> {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = new AuditWriter(db)));
  return w.append(Array.isArray(records) ? [...(records as AuditRecord[])] : [records as AuditRecord]);
}

/** Make sure the current and next month's partitions exist (server start; cheap when they do). */
export async function ensureUpcomingPartitions(db: Db, now = new Date()): Promise<void> {
  const known = knownPartitions(db);
  const created: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT seq FROM audit_chain_head WHERE id = 1 FOR UPDATE');
    const m = monthOf(now);
    created.push(await ensurePartition(tx, m, known), await ensurePartition(tx, addMonths(m, 1), known));
  });
  for (const n of created) known.add(n);
}
