import { firstRowValidOn } from './dated.ts';
import type { DatedRow } from './types.ts';

/**
 * Lương cơ sở (base salary), called "mức tham chiếu" by Luật 51/2024/QH15 for BHYT purposes; equal to
 * the base salary until the Government decides otherwise. The BHYT thresholds derive from it: 15 % =
 * small-cost threshold, 6 months = 5-years co-payment ceiling (see `full-benefit-rules.ts`).
 */
export interface BaseSalaryRow extends DatedRow {
  /** VND per month. */
  readonly amount: number;
}

/**
 * Dated table, oldest first, contiguous (each `validTo` is the day before the next `validFrom`).
 * A new decree = close the last row (`validTo`) and append one.
 */
export const BASE_SALARIES: readonly BaseSalaryRow[] = [
  {
    id: 'LCS_2013_07',
    validFrom: '2013-07-01',
    validTo: '2016-04-30',
    amount: 1_150_000,
    source: { document: 'NĐ 66/2013/NĐ-CP', article: 'Đ3' },
    confidence: 'unconfirmed',
    note: 'Not in the shared research notes; from general knowledge of the decrees.',
  },
  {
    id: 'LCS_2016_05',
    validFrom: '2016-05-01',
    validTo: '2017-06-30',
    amount: 1_210_000,
    source: { document: 'NĐ 47/2016/NĐ-CP', article: 'Đ3' },
    confidence: 'unconfirmed',
    note: 'Not in the shared research notes; from general knowledge of the decrees.',
  },
  {
    id: 'LCS_2017_07',
    validFrom: '2017-07-01',
    validTo: '2018-06-30',
    amount: 1_300_000,
    source: { document: 'NĐ 47/2017/NĐ-CP', article: 'Đ3' },
    confidence: 'unconfirmed',
    note: 'Not in the shared research notes; from general knowledge of the decrees.',
  },
  {
    id: 'LCS_2018_07',
    validFrom: '2018-07-01',
    validTo: '2019-06-30',
    amount: 1_390_000,
    source: { document: 'NĐ 72/2018/NĐ-CP', article: 'Đ3' },
    confidence: 'unconfirmed',
    note: 'Not in the shared research notes; from general knowledge of the decrees.',
  },
  {
    id: 'LCS_2019_07',
    validFrom: '2019-07-01',
    validTo: '2023-06-30',
    amount: 1_490_000,
    source: { document: 'NĐ 38/2019/NĐ-CP', article: 'Đ3' },
    confidence: 'unconfirmed',
    note: 'Not in the shared research notes; from general knowledge of the decrees (frozen 2020–2023).',
  },
  {
    id: 'LCS_2023_07',
    validFrom: '2023-07-01',
    validTo: '2024-06-30',
    amount: 1_800_000,
    source: { document: 'NĐ 24/2023/NĐ-CP', article: 'Đ3' },
    confidence: 'secondary',
  },
  {
    id: 'LCS_2024_07',
    validFrom: '2024-07-01',
    validTo: '2026-06-30',
    amount: 2_340_000,
    source: { document: 'NĐ 73/2024/NĐ-CP', article: 'Đ3' },
    confidence: 'secondary',
    note: 'vn-health.md §3.3: 15 % = 351,000 VND quoted in public HIS code and news.',
  },
  {
    id: 'LCS_2026_07',
    validFrom: '2026-07-01',
    validTo: null,
    amount: 2_530_000,
    source: { document: 'Decree number not found (one public project document)', article: null },
    confidence: 'unconfirmed',
    note: 'vn-health.md §3.3 / §10 item 7: [unconfirmed]; replace the source when the decree is known.',
  },
];

/** The base-salary row in force on a day (`YYYY-MM-DD`), or undefined before the first row. */
export function baseSalaryOn(onDate: string): BaseSalaryRow | undefined {
  return firstRowValidOn(BASE_SALARIES, onDate);
}

export function listBaseSalaries(): readonly BaseSalaryRow[] {
  return BASE_SALARIES;
}
