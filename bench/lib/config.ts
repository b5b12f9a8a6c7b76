/**
 * Benchmark knobs from the environment, with defaults sized so that `npm run bench` finishes in
 * well under 10 minutes on a 2-core machine (see bench/README.md).
 */
function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new RangeError(`${name} must be a positive integer, got ${raw}`);
  return n;
}

export const benchConfig = {
  /** Persons in the generated province the HTTP and DB benchmarks run against. */
  persons: int('BENCH_PERSONS', 50_000),
  /** Persons in the person-matching benchmark (the duplicate set is drawn from them). */
  matchingPersons: int('BENCH_MATCHING_PERSONS', 10_000),
  /** Seconds per HTTP load figure. */
  durationS: int('BENCH_DURATION', 8),
  /** Upper bound of requests per HTTP load figure. */
  maxRequests: int('BENCH_MAX_REQUESTS', 2_000_000),
  /** Concurrent HTTP connections. */
  connections: int('BENCH_CONNECTIONS', 16),
  /** Seed of the generated province. */
  seed: int('BENCH_SEED', 1),
  /** PostgreSQL server (a database is created per script and dropped after); PGlite always runs. */
  databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
};
