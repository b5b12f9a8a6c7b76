import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ on Linux

/**
 * CPU seconds used so far by a local PostgreSQL cluster — its postmaster and every child (backends,
 * walwriter, …, plus exited children through the postmaster's cutime/cstime), read from /proc. Other
 * clusters on the machine are not counted. Null where there is no /proc or the server is not local:
 * the figure only means something when the PostgreSQL server runs on this machine.
 */
export function postgresCpuSeconds(postmasterPid: number | null): number | null {
  if (postmasterPid === null) return null;
  let dirs: string[];
  try {
    dirs = readdirSync('/proc');
  } catch {
    return null;
  }
  let ticks = 0;
  let found = false;
  for (const d of dirs) {
    if (!/^\d+$/.test(d)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${d}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const close = stat.lastIndexOf(')');
    const f = stat.slice(close + 2).split(' ');
    // f[1] is the parent pid
    if (Number(d) !== postmasterPid && Number(f[1]) !== postmasterPid) continue;
    ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    found = true;
  }
  return found ? ticks / CLOCK_TICKS : null;
}

/** Milliseconds of local PostgreSQL CPU per operation between two readings, or null. */
export function postgresCpuPerOp(before: number | null, after: number | null, ops: number): number | null {
  if (before === null || after === null || ops <= 0) return null;
  return ((after - before) * 1000) / ops;
}

/** The postmaster's pid of the server `db` is connected to, when it runs on this machine. */
export async function localPostmasterPid(db: {
  query<T extends Record<string, unknown>>(sql: string): Promise<T[]>;
}): Promise<number | null> {
  try {
    const [r] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    if (!r) return null;
    const status = readFileSync(`/proc/${r.pid}/status`, 'utf8');
    const m = /^PPid:\s+(\d+)/m.exec(status);
    return m ? Number(m[1]) : null;
  } catch {
    return null; // not local (or PGlite: no backend process)
  }
}
