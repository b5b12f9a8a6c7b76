/** What an HTTP load run takes and gives (lib/http.ts with autocannon, lib/wrk.ts). */

export type LoadGenerator = 'autocannon' | 'wrk';

export interface LoadOptions {
  /** Base URL on loopback, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Request paths, cycled through by every connection. */
  paths: readonly string[];
  headers?: Record<string, string>;
  connections?: number;
  durationS?: number;
  maxRequests?: number;
  /** The load generator (default: loadGenerator()). */
  generator?: LoadGenerator;
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
