import data from '../data/bhyt-benefit-levels.json' with { type: 'json' };

/** Meaning of the 3rd character of a BHYT card code (1–5). Percentages are UNCONFIRMED (see data/README.md). */
export interface BenefitLevel {
  readonly level: number;
  /** Share of covered costs the fund pays, in percent (80, 95 or 100). */
  readonly fundPaysPercent: number;
  readonly scope: string;
}

const levels: readonly BenefitLevel[] = data.rows;
const byLevel = new Map(levels.map((l) => [l.level, l]));

export function listBenefitLevels(): readonly BenefitLevel[] {
  return levels;
}

/** The benefit level for a digit (1–5, as number or one-character string); undefined otherwise. */
export function benefitLevel(digit: number | string): BenefitLevel | undefined {
  const n = typeof digit === 'number' ? digit : /^\s*\d\s*$/.test(digit) ? Number(digit) : Number.NaN;
  return byLevel.get(n);
}
