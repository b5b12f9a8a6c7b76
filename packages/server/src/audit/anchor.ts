import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Queryable } from '../db/types.ts';
import { canonicalJson } from './chain.ts';
import { GENESIS_HASH } from './types.ts';

/**
 * External anchors of the audit chain. A superuser could rewrite the whole chain from a changed event
 * on, recomputing every hash, and `verifyAuditChain` would pass. An anchor is a copy of the chain head
 * (seq, hash, time) kept OUTSIDE the database — one JSON line appended to a file (best on another
 * machine or an append-only mount) — signed with an HMAC key the database never sees. A rewritten
 * chain no longer holds the anchored hash at the anchored seq, and a forged anchor has no valid HMAC.
 */
export interface Anchor {
  /** Format version. */
  readonly v: 1;
  readonly seq: number;
  readonly hash: string;
  /** When the anchor was taken (ISO, UTC). */
  readonly at: string;
  /** HMAC-SHA256 (hex) of the canonical JSON of { v, seq, hash, at } with AUDIT_ANCHOR_KEY; absent when unsigned. */
  readonly mac?: string;
}

export interface AnchorProblem {
  /** Line of the anchor file (1-based). */
  line: number;
  seq: number | null;
  reason: string;
}

export interface AnchorVerifyResult {
  ok: boolean;
  /** Anchors in the file. */
  anchors: number;
  /** Anchors compared with the chain (the rest point at events dropped by retention). */
  matched: number;
  /** Anchors whose events were dropped by retention (no checkpoint at exactly that seq). */
  pruned: number;
  /** Signed anchors whose HMAC was not checked (no key given). */
  unchecked: number;
  problems: AnchorProblem[];
}

const HASH = /^[0-9a-f]{64}$/;

function mac(key: string, a: Pick<Anchor, 'v' | 'seq' | 'hash' | 'at'>): string {
  return createHmac('sha256', key)
    .update(canonicalJson({ v: a.v, seq: a.seq, hash: a.hash, at: a.at }))
    .digest('hex');
}

function macMatches(key: string, a: Anchor): boolean {
  const want = Buffer.from(mac(key, a), 'hex');
  const got = Buffer.from(a.mac ?? '', 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The current chain head (what an anchor records). */
export async function chainHead(db: Queryable): Promise<{ seq: number; hash: string }> {
  const [h] = await db.query<{ seq: number | string; hash: string }>(
    'SELECT seq, hash FROM audit_chain_head WHERE id = 1',
  );
  if (!h) throw new Error('audit_chain_head is missing (database not migrated?)');
  return { seq: Number(h.seq), hash: h.hash };
}

/**
 * Append the current chain head to `file` as one JSON line (the file and its folder are created,
 * mode 600; existing lines are never rewritten). Signed when `key` is given.
 */
export async function writeAnchor(
  db: Queryable,
  opts: { file: string; key?: string | null; now?: Date },
): Promise<Anchor> {
  const head = await chainHead(db);
  const body = { v: 1 as const, seq: head.seq, hash: head.hash, at: (opts.now ?? new Date()).toISOString() };
  const anchor: Anchor = opts.key ? { ...body, mac: mac(opts.key, body) } : body;
  await mkdir(dirname(opts.file), { recursive: true, mode: 0o700 });
  await appendFile(opts.file, `${JSON.stringify(anchor)}\n`, { flag: 'a', mode: 0o600 });
  return anchor;
}

function parseLine(text: string): Anchor | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (v === null || typeof v !== 'object') return 'not an anchor object';
  const a = v as Record<string, unknown>;
  if (a.v !== 1) return `unknown anchor version ${JSON.stringify(a.v)}`;
  if (typeof a.seq !== 'number' || !Number.isSafeInteger(a.seq) || a.seq < 0)
    return 'seq is not a whole number';
  if (typeof a.hash !== 'string' || !HASH.test(a.hash)) return 'hash is not 64 hex digits';
  if (typeof a.at !== 'string' || Number.isNaN(Date.parse(a.at))) return 'at is not a time';
  if (a.mac !== undefined && typeof a.mac !== 'string') return 'mac is not a string';
  return a as unknown as Anchor;
}

/**
 * Check every anchor in `file` against the chain in the database: the event at the anchored seq must
 * still carry the anchored hash (after retention: the checkpoint ending at that seq), and the chain
 * must reach that far. With `key`, every anchor must carry a valid HMAC (an unsigned line is refused:
 * whoever can write the file could otherwise replace signed anchors with unsigned ones).
 */
export async function verifyAnchors(
  db: Queryable,
  file: string,
  opts: { key?: string | null } = {},
): Promise<AnchorVerifyResult> {
  const text = await readFile(file, 'utf8');
  const problems: AnchorProblem[] = [];
  const anchors: { line: number; a: Anchor }[] = [];
  let unchecked = 0;
  let total = 0;
  for (const [i, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue;
    total++;
    const line = i + 1;
    const a = parseLine(raw);
    if (typeof a === 'string') {
      problems.push({ line, seq: null, reason: `unreadable anchor: ${a}` });
      continue;
    }
    if (opts.key) {
      if (a.mac === undefined) {
        problems.push({ line, seq: a.seq, reason: 'unsigned anchor, but AUDIT_ANCHOR_KEY is set' });
        continue;
      }
      if (!macMatches(opts.key, a)) {
        problems.push({
          line,
          seq: a.seq,
          reason: 'HMAC does not match (anchor forged or changed, or another key)',
        });
        continue;
      }
    } else if (a.mac !== undefined) {
      unchecked++;
    }
    anchors.push({ line, a });
  }

  if (total === 0)
    problems.push({ line: 0, seq: null, reason: 'the anchor file holds no anchors (emptied?)' });
  const head = await chainHead(db);
  const checkpoints = await db.query<{ to_seq: number | string; last_hash: string }>(
    'SELECT to_seq, last_hash FROM audit_checkpoint',
  );
  const prunedTo = Math.max(0, ...checkpoints.map((c) => Number(c.to_seq)));
  const cpHash = new Map(checkpoints.map((c) => [Number(c.to_seq), c.last_hash]));
  const wanted = [...new Set(anchors.map(({ a }) => a.seq).filter((s) => s > prunedTo && s <= head.seq))];
  const stored = new Map<number, string>();
  for (let i = 0; i < wanted.length; i += 1000) {
    const rows = await db.query<{ seq: number | string; hash: string }>(
      'SELECT seq, hash FROM audit_event WHERE seq = ANY($1::bigint[])',
      [wanted.slice(i, i + 1000)],
    );
    for (const r of rows) stored.set(Number(r.seq), r.hash);
  }

  let matched = 0;
  let pruned = 0;
  for (const { line, a } of anchors) {
    const fail = (reason: string): void => {
      problems.push({ line, seq: a.seq, reason });
    };
    if (a.seq === 0) {
      if (a.hash === GENESIS_HASH) matched++;
      else fail('an anchor of the empty chain must carry the genesis hash');
      continue;
    }
    if (a.seq > head.seq) {
      fail(
        `the chain ends at #${head.seq} but was anchored at #${a.seq} on ${a.at} (events removed from the end?)`,
      );
      continue;
    }
    if (a.seq <= prunedTo) {
      const cp = cpHash.get(a.seq);
      if (cp === undefined) pruned++;
      else if (cp === a.hash) matched++;
      else fail(`retention checkpoint at #${a.seq} differs from the anchor of ${a.at}`);
      continue;
    }
    const h = stored.get(a.seq);
    if (h === undefined) fail(`event #${a.seq}, anchored on ${a.at}, is missing from the chain`);
    else if (h !== a.hash) {
      fail(
        `event #${a.seq} no longer has the hash anchored on ${a.at}: the chain was rewritten at or before #${a.seq}`,
      );
    } else matched++;
  }
  problems.sort((x, y) => x.line - y.line);
  return { ok: problems.length === 0, anchors: total, matched, pruned, unchecked, problems };
}
