import type { Rng } from './prng.ts';
import { WeightedTable } from './weighted.ts';

/**
 * Vietnamese mobile prefixes (10-digit numbers since the 2018 renumbering), weighted roughly by
 * operator market share: Viettel 03x/086/096–098, VinaPhone 081–085/088/091/094,
 * MobiFone 070/076–079/089/090/093, Vietnamobile 052/056/058/092, Gmobile 059/099, iTel 087.
 */
export const MOBILE_PREFIXES = new WeightedTable<string>([
  ...['032', '033', '034', '035', '036', '037', '038', '039'].map((p) => [p, 4] as const),
  ['086', 4],
  ['096', 7],
  ['097', 7],
  ['098', 7],
  ...['081', '082', '083', '084', '085'].map((p) => [p, 2.4] as const),
  ['088', 2.5],
  ['091', 4],
  ['094', 3.5],
  ['070', 2],
  ...['076', '077', '078', '079'].map((p) => [p, 1.6] as const),
  ['089', 2],
  ['090', 4.5],
  ['093', 3.5],
  ['052', 0.6],
  ['056', 0.6],
  ['058', 0.6],
  ['092', 1.2],
  ['059', 0.4],
  ['099', 0.4],
  ['087', 0.8],
]);

/** A 10-digit mobile number. */
export function drawMobile(rng: Rng): string {
  return MOBILE_PREFIXES.pick(rng) + rng.digits(7);
}
