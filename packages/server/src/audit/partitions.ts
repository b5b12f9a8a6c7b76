import type { Queryable } from '../db/types.ts';

/**
 * Monthly partitions of `audit_event` (UTC months), named `audit_event_YYYY_MM`. They are created
 * ahead on demand — the writer ensures the month of every event it appends, and server start
 * ensures the current and the next month — so an insert never waits for DDL in the common case.
 */
export interface Month {
  year: number;
  month: number; // 1–12
}

export const monthOf = (d: Date): Month => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 });

export const addMonths = (m: Month, n: number): Month => {
  const i = m.year * 12 + (m.month - 1) + n;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
};

const pad = (n: number): string => String(n).padStart(2, '0');
export const partitionName = (m: Month): string => `audit_event_${m.year}_${pad(m.month)}`;
const monthStart = (m: Month): string => `${m.year}-${pad(m.month)}-01 00:00:00+00`;

const PARTITION_RE = /^audit_event_(\d{4})_(\d{2})$/;

/** Partitions known to exist, per database handle (no catalogue query on every append). */
const known = new WeakMap<object, Set<string>>();

export function knownPartitions(db: object): Set<string> {
  let set = known.get(db);
  if (!set) known.set(db, (set = new Set()));
  return set;
}

/**
 * Create the partition of `m` unless it exists (idempotent; run under the chain lock). Returns its
 * name; the caller marks it known only after its transaction committed.
 */
export async function ensurePartition(
  tx: Queryable,
  m: Month,
  knownNames: ReadonlySet<string>,
): Promise<string> {
  const name = partitionName(m);
  if (knownNames.has(name)) return name;
  const [row] = await tx.query<{ r: string | null }>('SELECT to_regclass($1)::text AS r', [name]);
  if (!row?.r) {
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF audit_event FOR VALUES FROM ('${monthStart(m)}') TO ('${monthStart(addMonths(m, 1))}')`,
    );
  }
  return name;
}

export interface PartitionInfo {
  name: string;
  month: Month;
}

/** Existing partitions, oldest first. */
export async function listPartitions(db: Queryable): Promise<PartitionInfo[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'audit_event'::regclass ORDER BY c.relname`,
  );
  return rows.flatMap((r) => {
    const m = PARTITION_RE.exec(r.name);
    return m ? [{ name: r.name, month: { year: Number(m[1]), month: Number(m[2]) } }] : [];
  });
}
