/**
 * Ceiling: raw HTTP hello-world rate of Fastify on loopback with the harness's load settings.
 * Every HTTP figure measures this again beside itself; this script reports it on its own.
 */
import { benchConfig } from './lib/config.ts';
import { httpHelloCeiling } from './lib/ceilings.ts';
import { emit } from './lib/figure.ts';
import { RssSampler } from './lib/rss.ts';
import { note } from './lib/run.ts';

const rss = new RssSampler();
note(`▶ http-hello (${benchConfig.connections} connections, ${benchConfig.durationS} s)`);
const r = await httpHelloCeiling();
emit({
  bench: 'http-hello',
  value: r.rate,
  unit: 'req/s',
  ceiling: r.rate,
  ceilingUnit: 'req/s',
  engine: benchConfig.databaseUrl ? 'postgres' : 'pglite',
  n: r.ok,
  p50: r.p50,
  p99: r.p99,
  rssMb: rss.stop(),
});
