/**
 * The one output format of every benchmark: one JSON line per figure, keys in this order.
 * `ceiling` is the machine's own limit for the same kind of work, measured in the same run, so a
 * figure is read as a ratio (`value / ceiling`), not as an absolute.
 */
export type BenchEngine = 'pglite' | 'postgres';

export interface Figure {
  /** Name of the figure, `<script>.<what>` (e.g. `persons-search.identifier`). */
  bench: string;
  value: number;
  /** `req/s`, `rows/s`, `episodes/s`, `ms`, `ratio`… */
  unit: string;
  ceiling: number;
  ceilingUnit: string;
  /** Database engine of the run (figures that touch no database carry the run's engine). */
  engine: BenchEngine;
  /** Number of operations measured (requests, rows, records). */
  n: number;
  /** Latency percentiles in milliseconds (null when the figure has no per-operation latency). */
  p50: number | null;
  p99: number | null;
  /** Peak resident set size of the process during the measurement, MiB. */
  rssMb: number;
}

export const FIGURE_KEYS = [
  'bench',
  'value',
  'unit',
  'ceiling',
  'ceilingUnit',
  'engine',
  'n',
  'p50',
  'p99',
  'rssMb',
] as const satisfies readonly (keyof Figure)[];

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Significant rounding: rates to whole units, small values (ratios, ms) to 3–4 digits. */
function tidy(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`figure value must be finite, got ${x}`);
  if (Math.abs(x) >= 100) return Math.round(x);
  if (Math.abs(x) >= 1) return round(x, 2);
  return round(x, 4);
}

/** The JSON line of a figure (no newline). Throws on a malformed figure. */
export function formatFigure(f: Figure): string {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(f.bench)) throw new RangeError(`bad bench name ${f.bench}`);
  if (!(['pglite', 'postgres'] as readonly string[]).includes(f.engine)) {
    throw new RangeError(`bad engine ${f.engine}`);
  }
  if (!f.unit || !f.ceilingUnit) throw new RangeError('unit and ceilingUnit are required');
  if (!Number.isSafeInteger(f.n) || f.n < 0) throw new RangeError(`n must be a count, got ${f.n}`);
  const ordered: Figure = {
    bench: f.bench,
    value: tidy(f.value),
    unit: f.unit,
    ceiling: tidy(f.ceiling),
    ceilingUnit: f.ceilingUnit,
    engine: f.engine,
    n: f.n,
    p50: f.p50 === null ? null : tidy(f.p50),
    p99: f.p99 === null ? null : tidy(f.p99),
    rssMb: Math.round(f.rssMb),
  };
  return JSON.stringify(ordered);
}

/** Parse a line printed by a benchmark; null when the line is not a figure. */
export function parseFigure(line: string): Figure | null {
  const t = line.trim();
  if (!t.startsWith('{')) return null;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length !== FIGURE_KEYS.length || keys.some((k, i) => k !== FIGURE_KEYS[i])) return null;
  const num = (k: string): boolean => typeof o[k] === 'number' && Number.isFinite(o[k]);
  const numOrNull = (k: string): boolean => o[k] === null || num(k);
  const ok =
    typeof o.bench === 'string' &&
    num('value') &&
    typeof o.unit === 'string' &&
    num('ceiling') &&
    typeof o.ceilingUnit === 'string' &&
    (o.engine === 'pglite' || o.engine === 'postgres') &&
    num('n') &&
    numOrNull('p50') &&
    numOrNull('p99') &&
    num('rssMb');
  return ok ? (o as unknown as Figure) : null;
}

/** Print a figure on stdout (progress and notes go to stderr). */
export function emit(f: Figure): void {
  process.stdout.write(`${formatFigure(f)}\n`);
}
