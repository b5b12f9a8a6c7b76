import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { note } from './run.ts';

/**
 * Run `fn`, and when BENCH_PROFILE_DIR is set, record a V8 CPU profile of this thread (the server's)
 * while it runs: `<dir>/<name>.cpuprofile`, for Chrome DevTools or any cpuprofile viewer. Only the
 * measured phase is profiled — not the data load or the ceiling — so the profile shows the route.
 */
export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    note(`  profile: ${file}`);
  }
}
