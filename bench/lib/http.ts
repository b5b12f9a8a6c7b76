import autocannon from 'autocannon';
import { get } from 'node:http';
import { benchConfig } from './config.ts';
import type { LoadGenerator, LoadOptions, LoadResult } from './load-types.ts';
import { wrkAvailable, wrkLoad } from './wrk.ts';

export type { LoadGenerator, LoadOptions, LoadResult };

/**
 * BENCH_LOAD_GENERATOR, else wrk when Debian's wrk is installed, else autocannon (check-in keeps
 * autocannon: its issue names it).
 */
export function loadGenerator(): LoadGenerator {
  const v = process.env.BENCH_LOAD_GENERATOR;
  if (v === 'wrk' || v === 'autocannon') return v;
  if (v) throw new RangeError(`BENCH_LOAD_GENERATOR must be wrk or autocannon, got ${v}`);
  return wrkAvailable() ? 'wrk' : 'autocannon';
}

/**
 * HTTP GET load against loopback only: with wrk in a process of its own (lib/wrk.ts; bounded by
 * duration), or with autocannon's programmatic API in one worker thread, so that a server in this
 * process keeps the main thread (bounded by duration and request count).
 */
export async function httpLoad(o: LoadOptions): Promise<LoadResult> {
  const host = new URL(o.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    throw new Error(`benchmarks only target loopback, not ${host}`);
  }
  if (o.paths.length === 0) throw new Error('no request paths');
  const connections = o.connections ?? benchConfig.connections;
  if ((o.generator ?? loadGenerator()) === 'wrk')
    return wrkLoad({ ...o, connections, durationS: o.durationS ?? benchConfig.durationS });
  const result = await autocannon({
    url: o.url,
    connections,
    duration: o.durationS ?? benchConfig.durationS,
    maxOverallRequests: Math.max(connections, o.maxRequests ?? benchConfig.maxRequests),
    headers: o.headers ?? {},
    requests: o.paths.map((path) => ({ method: 'GET' as const, path })),
    workers: 1,
    timeout: 10,
  });
  const ok = result['2xx'];
  return {
    rate: ok / result.duration,
    ok,
    failed: result.non2xx + result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    durationS: result.duration,
  };
}

/** Bytes of a GET response's body as sent on the wire (not decompressed), on loopback. */
export function httpGetBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => (n += c.length));
      res.on('end', () => {
        if ((res.statusCode ?? 0) >= 300) reject(new Error(`GET ${url} → ${res.statusCode ?? '?'}`));
        else resolve(n);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}
