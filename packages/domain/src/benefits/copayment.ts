import type { Eligibility } from './eligibility-types.ts';

export interface CopaymentInput {
  readonly eligibility: Eligibility;
  /** Costs within the BHYT scope for this visit (THANH_TIEN_BH), VND; rounded to whole đồng. */
  readonly totalCovered: number;
  /**
   * Co-payments the person already made this calendar year (VND), when known from the portal; used by
   * the 5-consecutive-years rule (`eligibility.fiveYearsRule`).
   */
  readonly coPaidThisYear?: number;
}

export type CopaymentBasis = 'not_covered' | 'small_cost' | 'percent' | 'five_years_ceiling';

export interface Copayment {
  /** Fund share (T_BHTT), VND. */
  readonly fundPays: number;
  /** Patient share (T_BNCCT), VND; `fundPays + patientPays = totalCovered` (rounded). */
  readonly patientPays: number;
  /** Percent applied to the fund share (100 for a small cost). */
  readonly percent: number;
  readonly basis: CopaymentBasis;
}

/** `amount × percent / 100` rounded half up to whole đồng, exact for any safe integer amount. */
function percentOf(amount: number, percent: number): number {
  const basisPoints = BigInt(Math.round(percent * 100));
  return Number((BigInt(amount) * basisPoints + 5000n) / 10000n);
}

/**
 * Split the covered costs of one visit between the fund and the patient. The fund share is
 * `total × effectivePercent / 100` rounded half up to whole đồng (the patient pays the rest); a visit
 * costing strictly less than the small-cost threshold on a correct route is paid 100 %. Throws
 * RangeError for a negative or non-finite amount (a programming error, not user input).
 */
export function copayment({ eligibility, totalCovered, coPaidThisYear }: CopaymentInput): Copayment {
  if (!Number.isFinite(totalCovered) || totalCovered < 0) {
    throw new RangeError(`totalCovered must be a non-negative amount, got ${totalCovered}`);
  }
  const total = Math.round(totalCovered);
  if (eligibility.cardStatus !== 'valid') {
    return { fundPays: 0, patientPays: total, percent: 0, basis: 'not_covered' };
  }
  const threshold = eligibility.smallCostThreshold;
  if (eligibility.smallCostApplies && threshold !== null && total < threshold) {
    return { fundPays: total, patientPays: 0, percent: 100, basis: 'small_cost' };
  }
  const percent = Math.min(100, Math.max(0, eligibility.effectivePercent));
  const fundPays = percentOf(total, percent);
  const patientPays = total - fundPays;
  const ceiling = eligibility.fiveYearsRule.annualCoPaymentCeiling;
  if (
    eligibility.fiveYearsRule.canApply &&
    ceiling !== null &&
    coPaidThisYear !== undefined &&
    Number.isFinite(coPaidThisYear) &&
    patientPays > 0
  ) {
    const room = Math.max(0, ceiling - Math.max(0, Math.round(coPaidThisYear)));
    if (patientPays > room) {
      return { fundPays: total - room, patientPays: room, percent, basis: 'five_years_ceiling' };
    }
  }
  return { fundPays, patientPays, percent, basis: percent === 0 ? 'not_covered' : 'percent' };
}
