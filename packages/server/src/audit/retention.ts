import type { Db } from '../db/types.ts';
import { addMonths, knownPartitions, listPartitions, monthOf, type Month } from './partitions.ts';
import { appendInTransaction } from './store.ts';

export interface DroppedPartition {
  partition: string;
  fromSeq: number | null;
  toSeq: number | null;
  events: number;
}

const before = (a: Month, b: Month): boolean => a.year * 12 + a.month < b.year * 12 + b.month;

/**
 * Retention: drop the monthly partitions that ended more than `olderThanMonths` months ago, oldest
 * first. Before a partition goes, a checkpoint row records the seq range and the hash of its last
 * event, and a `retention` event is appended to the chain, so the remaining chain still verifies
 * from that point (and a forged checkpoint does not).
 */
export async function pruneAudit(
  db: Db,
  olderThanMonths: number,
  now = new Date(),
): Promise<DroppedPartition[]> {
  const cutoff = addMonths(monthOf(now), -olderThanMonths);
  const old = (await listPartitions(db)).filter((p) => before(p.month, cutoff));
  const dropped: DroppedPartition[] = [];
  for (const p of old) {
    const d = await db.transaction(async (tx): Promise<DroppedPartition> => {
      await tx.query('SELECT seq FROM audit_chain_head WHERE id = 1 FOR UPDATE');
      const [r] = await tx.query<{ lo: number | null; hi: number | null; n: number }>(
        `SELECT min(seq) AS lo, max(seq) AS hi, count(*)::int AS n FROM ${p.name}`,
      );
      const out = { partition: p.name, fromSeq: r?.lo ?? null, toSeq: r?.hi ?? null, events: r?.n ?? 0 };
      if (out.events > 0) {
        const [prev] = await tx.query<{ to_seq: number }>(
          'SELECT to_seq FROM audit_checkpoint ORDER BY to_seq DESC LIMIT 1',
        );
        const expectedFrom = (prev ? prev.to_seq : 0) + 1;
        if (
          Number(out.fromSeq) !== expectedFrom ||
          Number(out.toSeq) - Number(out.fromSeq) + 1 !== out.events
        ) {
          throw new Error(
            `${p.name} holds #${out.fromSeq}–#${out.toSeq} (${out.events} events), expected to start at #${expectedFrom}: run \`suckhoe audit verify\` first`,
          );
        }
        const [last] = await tx.query<{ hash: string }>(`SELECT hash FROM ${p.name} WHERE seq = $1`, [
          out.toSeq,
        ]);
        await tx.query(
          'INSERT INTO audit_checkpoint (partition, from_seq, to_seq, last_hash, events) VALUES ($1, $2, $3, $4, $5)',
          [p.name, out.fromSeq, out.toSeq, last!.hash, out.events],
        );
        // The checkpoint goes into the chain too, in the same transaction: a forged one would not be there.
        await appendInTransaction(tx, [
          {
            actor: { kind: 'system', id: null, name: 'retention', roles: [], facilityCode: null },
            action: 'retention',
            resourceType: 'AuditPartition',
            resourceId: p.name,
            details: { fromSeq: out.fromSeq, toSeq: out.toSeq, events: out.events, lastHash: last!.hash },
          },
        ]);
      }
      await tx.exec(`ALTER TABLE audit_event DETACH PARTITION ${p.name}; DROP TABLE ${p.name}`);
      return out;
    });
    knownPartitions(db).delete(p.name);
    dropped.push(d);
  }
  return dropped;
}
