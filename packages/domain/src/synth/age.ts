import type { Rng } from './prng.ts';

/**
 * Age structure of Vietnam's population, 5-year bands, in percent of the total (both sexes),
 * rounded from the GSO population projections / UN World Population Prospects estimates for
 * 2024–2025 (indicative; about 24 % under 15 and 14 % aged 60+).
 */
export const AGE_BANDS: readonly (readonly [from: number, share: number])[] = [
  [0, 6.9],
  [5, 7.9],
  [10, 8.0],
  [15, 7.1],
  [20, 6.8],
  [25, 7.2],
  [30, 8.0],
  [35, 8.2],
  [40, 7.6],
  [45, 6.9],
  [50, 6.1],
  [55, 5.4],
  [60, 4.6],
  [65, 3.6],
  [70, 2.4],
  [75, 1.4],
  [80, 0.9],
  [85, 0.6],
  [90, 0.25],
  [95, 0.08],
];

export const MAX_AGE = 99;

/** Share of each single year of age (uniform within a band), index = age. */
export const AGE_WEIGHTS: readonly number[] = Array.from({ length: MAX_AGE + 1 }, (_, age) => {
  const band = AGE_BANDS[Math.min(Math.floor(age / 5), AGE_BANDS.length - 1)];
  return (band?.[1] ?? 0) / 5;
});

/** Draws single years of age in a range, proportionally to per-age weights (inverse CDF). */
export class AgeSampler {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(MAX_AGE + 2);
    for (let a = 0; a <= MAX_AGE; a++) this.cumulative[a + 1] = (this.cumulative[a] ?? 0) + (weights[a] ?? 0);
  }

  /** An age in [lo, hi] (clamped to 0–MAX_AGE). */
  draw(rng: Rng, lo: number, hi: number): number {
    const a = Math.max(0, Math.min(lo, MAX_AGE));
    const b = Math.max(a, Math.min(hi, MAX_AGE));
    const from = this.cumulative[a] ?? 0;
    const to = this.cumulative[b + 1] ?? 0;
    const x = from + rng.float() * (to - from);
    let l = a;
    let h = b;
    while (l < h) {
      const mid = (l + h) >>> 1;
      if ((this.cumulative[mid + 1] ?? 0) > x) h = mid;
      else l = mid + 1;
    }
    return l;
  }
}

export const PYRAMID = new AgeSampler(AGE_WEIGHTS);

/** An age in [lo, hi] drawn from the national pyramid restricted to that range. */
export function drawAge(rng: Rng, lo: number, hi: number): number {
  return PYRAMID.draw(rng, lo, hi);
}

/** Probability that a person of this age is male (sex ratio at birth ≈ 112; women outlive men). */
export function maleShareAt(age: number): number {
  if (age < 15) return 0.528;
  if (age < 40) return 0.51;
  if (age < 60) return 0.495;
  if (age < 70) return 0.465;
  if (age < 80) return 0.42;
  return 0.36;
}
