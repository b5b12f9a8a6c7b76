import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadOptions, LoadResult } from './load-types.ts';

/** Is Debian's `wrk` (package wrk) on PATH? */
export function wrkAvailable(): boolean {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

/** A Lua long-bracket string literal (paths and header values never hold `]==]`). */
function luaString(s: string): string {
  if (s.includes(']==]')) throw new Error('value not representable in the wrk script');
  return `[==[${s}]==]`;
}

/**
 * The wrk script: every request takes the next path (one list per wrk thread), with the headers;
 * at the end, one JSON line with the counts and the latency percentiles (microseconds).
 */
function script(paths: readonly string[], headers: Record<string, string>): string {
  const ps = paths.map(luaString).join(',\n  ');
  const hs = Object.entries(headers)
    .map(([k, v]) => `[ ${luaString(k)} ] = ${luaString(v)}`)
    .join(',\n  ');
  return `local paths = {
  ${ps}
}
local headers = {
  ${hs}
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\n{"requests":%d,"durationUs":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50Us":%d,"p99Us":%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;
}

interface WrkSummary {
  requests: number;
  durationUs: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  p50Us: number;
  p99Us: number;
}

/**
 * GET load with wrk in a process of its own (one thread: a C client that does not copy or decode
 * response bodies — autocannon appends every body to a JavaScript string, which costs this 2-core
 * machine ≈ 0.02 ms per KiB of response, a third of the CPU at health-book sizes). Non-2xx/3xx
 * responses (wrk's status errors), socket errors and timeouts count as failed.
 */
export async function wrkLoad(
  o: LoadOptions & { connections: number; durationS: number },
): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'skh-wrk-'));
  try {
    const file = join(dir, 'load.lua');
    writeFileSync(file, script(o.paths, o.headers ?? {}));
    const args = ['-t1', `-c${o.connections}`, `-d${o.durationS}s`, '--timeout', '10s', '-s', file, o.url];
    const { out, err } = await new Promise<{ out: string; err: string }>((resolve, reject) => {
      const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? resolve({ out: stdout, err: stderr })
          : reject(new Error(`wrk exited with ${code}: ${stderr.trim()}`)),
      );
    });
    const line = out.split('\n').find((l) => l.startsWith('{"requests"'));
    // A script error leaves wrk running its default request: no summary line, the error on stderr.
    if (!line || err.trim()) throw new Error(`wrk: ${err.trim() || 'no summary'}\n${out}`);
    const s = JSON.parse(line) as WrkSummary;
    const failed = s.connect + s.read + s.write + s.status + s.timeout;
    const durationS = s.durationUs / 1e6;
    const ok = Math.max(0, s.requests - s.status);
    return {
      rate: ok / durationS,
      ok,
      failed,
      p50: Math.round(s.p50Us / 100) / 10,
      p99: Math.round(s.p99Us / 100) / 10,
      durationS,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
