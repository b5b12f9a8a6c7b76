import autocannon from 'autocannon';
import { get } from 'node:http';
import { benchConfig } from './config.ts';

export interface LoadOptions {
  /** Base URL on loopback, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Request paths, cycled through by every connection. */
  paths: readonly string[];
  headers?: Record<string, string>;
  connections?: number;
  durationS?: number;
  maxRequests?: number;
}

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rate: number;
  /** 2xx responses. */
  ok: number;
  /** Non-2xx responses plus connection errors and timeouts. */
  failed: number;
  p50: number;
  p99: number;
  durationS: number;
}

/**
 * HTTP load with autocannon's programmatic API, bounded by duration and by request count, against
 * loopback only. The load generator runs in one worker thread so that a server in this process
 * keeps the main thread (two cores: one serves, one loads).
 */
export async function httpLoad(o: LoadOptions): Promise<LoadResult> {
  const host = new URL(o.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    throw new Error(`benchmarks only target loopback, not ${host}`);
  }
  if (o.paths.length === 0) throw new Error('no request paths');
  const connections = o.connections ?? benchConfig.connections;
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
