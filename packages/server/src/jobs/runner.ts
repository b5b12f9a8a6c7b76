import { redactText } from '../auth/redact.ts';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/types.ts';
import { JOBS, type Job } from './jobs.ts';

/** The advisory-lock key all servers share for the job run ('SKHJOBS1' as a 64-bit number). */
export const JOBS_LOCK_KEY = 0x534b484a4f425331n;

export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobOutcome {
  name: string;
  ok: boolean;
  /** Summary (success) or the error message with identifier-like numbers masked. */
  summary: string;
}

export type JobRun = { ran: true; jobs: JobOutcome[] } | { ran: false; reason: 'running' | 'locked' };

const inFlight = new WeakMap<Db, Promise<JobRun>>();

/**
 * Run every enabled job once. Only one run at a time: within this process (a run still going), and
 * across servers sharing a PostgreSQL database (`pg_try_advisory_xact_lock`, held by a transaction
 * open for the whole run and released when it ends — also when the process dies). An embedded
 * PGlite database belongs to one process, so the in-process guard is all it needs. A failing job is
 * reported and the others still run; this never throws for a job's failure.
 */
export function runJobsOnce(
  db: Db,
  config: Config,
  opts: { now?: Date; jobs?: readonly Job[] } = {},
): Promise<JobRun> {
  const running = inFlight.get(db);
  if (running) return Promise.resolve({ ran: false, reason: 'running' });
  const run = locked(db, () => runAll(db, config, opts.jobs ?? JOBS, opts.now ?? new Date())).finally(() => {
    inFlight.delete(db);
  });
  inFlight.set(db, run);
  return run;
}

async function locked(db: Db, fn: () => Promise<JobOutcome[]>): Promise<JobRun> {
  if (db.engine === 'pglite') return { ran: true, jobs: await fn() };
  return db.transaction(async (tx): Promise<JobRun> => {
    const [r] = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1::bigint) AS ok', [
      JOBS_LOCK_KEY.toString(),
    ]);
    if (r?.ok !== true) return { ran: false, reason: 'locked' };
    return { ran: true, jobs: await fn() };
  });
}

async function runAll(db: Db, config: Config, jobs: readonly Job[], now: Date): Promise<JobOutcome[]> {
  const out: JobOutcome[] = [];
  for (const job of jobs) {
    if (!job.enabled(config)) continue;
    try {
      out.push({ name: job.name, ok: true, summary: await job.run(db, config, now) });
    } catch (e) {
      out.push({
        name: job.name,
        ok: false,
        summary: redactText(e instanceof Error ? e.message : String(e)),
      });
    }
  }
  return out;
}

export interface Scheduler {
  /** Stop the timers and wait for a run in progress (server close). */
  stop(): Promise<void>;
}

/**
 * Run the jobs at start and then every JOBS_INTERVAL_MINUTES (0 = never). Timers are unref'd (they
 * never keep the process alive); errors are logged (job name and a masked message), never thrown.
 */
export function startJobs(db: Db, config: Config, log: JobLog): Scheduler {
  const minutes = config.security.jobsIntervalMinutes;
  if (minutes === 0) return { stop: () => Promise.resolve() };
  let stopped = false;
  let current: Promise<void> | null = null;
  const tick = (): void => {
    if (stopped || current) return;
    current = runJobsOnce(db, config)
      .then(
        (r) => {
          if (!r.ran) {
            log.info({ jobs: r.reason }, 'scheduled jobs skipped (another run holds the lock)');
            return;
          }
          for (const j of r.jobs) {
            if (j.ok) log.info({ job: j.name, result: j.summary }, 'scheduled job done');
            else log.error({ job: j.name, error: j.summary }, 'scheduled job failed');
          }
        },
        (e: unknown) => {
          log.error(
            { error: redactText(e instanceof Error ? e.message : String(e)) },
            'scheduled jobs could not run',
          );
        },
      )
      .finally(() => {
        current = null;
      });
  };
  const first = setTimeout(tick, 0);
  const every = setInterval(tick, minutes * 60_000);
  first.unref();
  every.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await current;
    },
  };
}
