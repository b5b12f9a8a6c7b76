import { readFileSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ on Linux

/**
 * CPU seconds used so far by this process's main thread alone (the server, in the benches that run it
 * in process; the load generator has a worker thread of its own — lib/http.ts), read from
 * /proc/self/task/<pid>/stat. 10 ms resolution: for phases of seconds. Null without /proc.
 */
export function mainThreadCpuSeconds(): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime: fields 14 and 15 of stat(5), 11 and 12 after the state field
  return (Number(f[11]) + Number(f[12])) / CLOCK_TICKS;
}
