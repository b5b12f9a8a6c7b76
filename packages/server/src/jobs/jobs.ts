import { writeAnchor } from '../audit/anchor.ts';
import { pruneAudit } from '../audit/retention.ts';
import { ensureUpcomingPartitions } from '../audit/store.ts';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/types.ts';

/**
 * The server's scheduled jobs — DATA: a job is a name, when it applies, and what it does. Each returns
 * a short summary for the log (counts, partition names, seq numbers: never personal data).
 */
export interface Job {
  readonly name: string;
  readonly enabled: (config: Config) => boolean;
  readonly run: (db: Db, config: Config, now: Date) => Promise<string>;
}

export const JOBS: readonly Job[] = [
  {
    // The current and next month's audit partitions (events of a new month never wait for DDL).
    name: 'audit_partitions',
    enabled: () => true,
    run: async (db, _config, now) => {
      await ensureUpcomingPartitions(db, now);
      return 'current and next month ready';
    },
  },
  {
    // Retention, only when AUDIT_RETENTION_MONTHS is set explicitly (same as `suckhoe audit prune`).
    name: 'audit_retention',
    enabled: (c) => c.security.auditPruneMonths !== null,
    run: async (db, c, now) => {
      const dropped = await pruneAudit(db, c.security.auditPruneMonths!, now);
      return dropped.length === 0
        ? 'nothing to drop'
        : `dropped ${dropped.map((d) => `${d.partition} (${d.events} events)`).join(', ')}`;
    },
  },
  {
    // An external anchor of the chain head (audit/anchor.ts), when AUDIT_ANCHOR_FILE is set.
    name: 'audit_anchor',
    enabled: (c) => c.security.auditAnchorFile !== null,
    run: async (db, c, now) => {
      const a = await writeAnchor(db, {
        file: c.security.auditAnchorFile!,
        key: c.security.auditAnchorKey,
        now,
      });
      return `anchored #${a.seq}${a.mac ? ' (signed)' : ' (unsigned)'}`;
    },
  },
];
