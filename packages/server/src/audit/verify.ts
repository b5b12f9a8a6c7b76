import type { Queryable } from '../db/types.ts';
import { EVENT_COLUMNS, eventHash, rowToEvent, type EventRow } from './chain.ts';
import { GENESIS_HASH } from './types.ts';

export interface BrokenLink {
  seq: number;
  at: string | null;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Events checked. */
  checked: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** The retention checkpoint verification started from (older events were dropped). */
  fromCheckpoint: { toSeq: number; partition: string } | null;
  broken?: BrokenLink;
}

interface CheckpointRow {
  partition: string;
  from_seq: number;
  to_seq: number;
  last_hash: string;
  [k: string]: unknown;
}

/**
 * Walk the whole chain in seq order: every event must follow the previous one (no gap), name its
 * hash as `prev_hash`, and hash to its stored `hash`; the chain head must point at the last one.
 * Starts from the latest retention checkpoint when old partitions were dropped. Stops at the
 * first broken link and names it.
 */
export async function verifyAuditChain(
  db: Queryable,
  opts: { batchSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<VerifyResult> {
  const batch = opts.batchSize ?? 5000;
  const checkpoints = await db.query<CheckpointRow>(
    'SELECT partition, from_seq, to_seq, last_hash FROM audit_checkpoint ORDER BY to_seq',
  );
  let expected = 1;
  let prev = GENESIS_HASH;
  for (const cp of checkpoints) {
    if (cp.from_seq !== expected) {
      return fail(0, null, null, null, {
        seq: expected,
        at: null,
        reason: `retention checkpoint ${cp.partition} starts at #${cp.from_seq}, expected #${expected}`,
      });
    }
    expected = cp.to_seq + 1;
    prev = cp.last_hash;
  }
  const last = checkpoints.at(-1);
  const fromCheckpoint = last ? { toSeq: last.to_seq, partition: last.partition } : null;

  let checked = 0;
  let firstSeq: number | null = null;
  let lastSeq: number | null = null;
  for (;;) {
    const rows = await db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM audit_event WHERE seq >= $1 ORDER BY seq LIMIT ${batch}`,
      [expected],
    );
    for (const r of rows) {
      const e = rowToEvent(r);
      if (e.seq !== expected) {
        return fail(checked, firstSeq, lastSeq, fromCheckpoint, {
          seq: expected,
          at: null,
          reason: `event #${expected}${e.seq > expected + 1 ? `–#${e.seq - 1}` : ''} missing (removed?)`,
        });
      }
      if (e.prevHash !== prev) {
        return fail(checked, firstSeq, lastSeq, fromCheckpoint, {
          seq: e.seq,
          at: e.at,
          reason: 'prev_hash does not match the previous event (removed or reordered)',
        });
      }
      if (eventHash(e) !== e.hash) {
        return fail(checked, firstSeq, lastSeq, fromCheckpoint, {
          seq: e.seq,
          at: e.at,
          reason: 'content does not match its hash (changed after it was written)',
        });
      }
      prev = e.hash;
      firstSeq ??= e.seq;
      lastSeq = e.seq;
      expected++;
      checked++;
    }
    opts.onProgress?.(checked);
    if (rows.length < batch) break;
  }
  const [head] = await db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_chain_head WHERE id = 1',
  );
  if (!head || head.seq !== expected - 1 || head.hash !== prev) {
    return fail(checked, firstSeq, lastSeq, fromCheckpoint, {
      seq: expected,
      at: null,
      reason: `the chain head is at #${head?.seq ?? '?'} but the events end at #${expected - 1} (events removed from the end?)`,
    });
  }
  const retention = await checkRetentionEvents(db, checkpoints);
  if (retention) return fail(checked, firstSeq, lastSeq, fromCheckpoint, retention);
  return { ok: true, checked, firstSeq, lastSeq, fromCheckpoint };
}

/** Each checkpoint was itself written into the chain as a `retention` event; a forged one was not. */
async function checkRetentionEvents(
  db: Queryable,
  cps: readonly CheckpointRow[],
): Promise<BrokenLink | null> {
  if (cps.length === 0) return null;
  const rows = await db.query<{ seq: number; at: Date; details: Record<string, unknown> | null }>(
    "SELECT seq, at, details FROM audit_event WHERE action = 'retention' ORDER BY seq",
  );
  const byTo = new Map(rows.map((r) => [Number(r.details?.toSeq), r]));
  for (const [i, cp] of cps.entries()) {
    const ev = byTo.get(cp.to_seq);
    if (ev && ev.details?.lastHash !== cp.last_hash) {
      return {
        seq: ev.seq,
        at: new Date(ev.at).toISOString(),
        reason: `checkpoint ${cp.partition} differs from its retention event`,
      };
    }
    if (!ev && i === cps.length - 1) {
      return {
        seq: cp.to_seq,
        at: null,
        reason: `checkpoint ${cp.partition} has no retention event in the chain (forged?)`,
      };
    }
  }
  return null;
}

function fail(
  checked: number,
  firstSeq: number | null,
  lastSeq: number | null,
  fromCheckpoint: VerifyResult['fromCheckpoint'],
  broken: BrokenLink,
): VerifyResult {
  return { ok: false, checked, firstSeq, lastSeq, fromCheckpoint, broken };
}
