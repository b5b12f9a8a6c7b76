import type { Rng } from './prng.ts';

/** A table of items with relative weights, sampled by binary search over cumulative weights. */
export class WeightedTable<T> {
  readonly items: readonly T[];
  readonly weights: readonly number[];
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('WeightedTable: no entries');
    this.items = entries.map((e) => e[0]);
    this.weights = entries.map((e) => e[1]);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`WeightedTable: bad weight ${w}`);
      sum += w;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new RangeError('WeightedTable: weights sum to zero');
    this.total = sum;
  }

  /** Draw one item. */
  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }

  /** Share of an item's weight in the total (for tests and documentation). */
  share(predicate: (item: T) => boolean): number {
    let s = 0;
    this.items.forEach((item, i) => {
      if (predicate(item)) s += this.weights[i] ?? 0;
    });
    return s / this.total;
  }
}

/** Build a table from an object `{ item: weight }`. */
export function tableOf(weights: Readonly<Record<string, number>>): WeightedTable<string> {
  return new WeightedTable(Object.entries(weights));
}
