/** XML1 totals against the detail tables (xml130.md §10.3), as data. */
import type { Condition } from '../registry/types.ts';
import type { RuleSpec } from './types.ts';

export interface TotalTerm {
  readonly table: 'XML1' | 'XML2' | 'XML3';
  readonly field: string;
  readonly sign?: -1;
  /** Only rows for which this holds (detail tables). */
  readonly where?: Condition;
}

export interface TotalRule extends RuleSpec {
  /** XML1 field holding the declared total. */
  readonly field: string;
  /** The expected value is the sum of these (detail tables summed over their rows). */
  readonly terms: readonly TotalTerm[];
  /** Allowed absolute difference in VND (real files differ by 0.01 from per-row rounding, §10.3 #36). */
  readonly tolerance: number;
}

const MESSAGE = 'Tổng {field} của XML1 = {value} khác {formula} = {computed} (chênh {difference}).';

function total(
  field: string,
  terms: readonly TotalTerm[],
  formula: string,
  spec: string,
  severity: 'error' | 'warning' = 'error',
): TotalRule {
  return {
    field,
    terms,
    tolerance: 0.01,
    code: 'TOTAL_MISMATCH',
    severity,
    description: `XML1.${field} = ${formula} (±0.01)`,
    message: MESSAGE.replace('{formula}', formula),
    spec,
    sources: ['S1', 'S6', 'S7'],
  };
}

const both = (field: string, where?: Condition): TotalTerm[] =>
  where === undefined
    ? [
        { table: 'XML2', field },
        { table: 'XML3', field },
      ]
    : [
        { table: 'XML2', field, where },
        { table: 'XML3', field, where },
      ];

export const TOTAL_RULES = {
  TOTAL_T_THUOC: total(
    'T_THUOC',
    [{ table: 'XML2', field: 'THANH_TIEN_BV' }],
    'Σ XML2.THANH_TIEN_BV',
    '§10.3 #29',
  ),
  TOTAL_T_VTYT: total(
    'T_VTYT',
    [{ table: 'XML3', field: 'THANH_TIEN_BV', where: { op: 'in', field: 'MA_NHOM', values: ['10'] } }],
    'Σ XML3.THANH_TIEN_BV (MA_NHOM 10)',
    '§10.3 #30',
  ),
  TOTAL_T_TONGCHI_BV: total(
    'T_TONGCHI_BV',
    both('THANH_TIEN_BV'),
    'Σ THANH_TIEN_BV (XML2 + XML3)',
    '§10.3 #31',
  ),
  TOTAL_T_TONGCHI_BH: total(
    'T_TONGCHI_BH',
    both('THANH_TIEN_BH'),
    'Σ THANH_TIEN_BH (XML2 + XML3)',
    '§10.3 #32',
  ),
  TOTAL_T_BNTT: total('T_BNTT', both('T_BNTT'), 'Σ T_BNTT (XML2 + XML3)', '§10.3 #33'),
  TOTAL_T_BNCCT: total('T_BNCCT', both('T_BNCCT'), 'Σ T_BNCCT (XML2 + XML3)', '§10.3 #33'),
  TOTAL_T_NGUONKHAC: total('T_NGUONKHAC', both('T_NGUONKHAC'), 'Σ T_NGUONKHAC (XML2 + XML3)', '§10.3 #33'),
  TOTAL_T_BHTT: total(
    'T_BHTT',
    [
      { table: 'XML1', field: 'T_TONGCHI_BH' },
      { table: 'XML1', field: 'T_BNCCT', sign: -1 },
    ],
    'T_TONGCHI_BH − T_BNCCT',
    '§10.3 #34',
  ),
  // Real files send 0 here although Σ T_BHTT(MA_PTTT = 1) > 0, and [S6] lists many exclusions: warning only.
  TOTAL_T_BHTT_GDV: total(
    'T_BHTT_GDV',
    both('T_BHTT', { op: 'in', field: 'MA_PTTT', values: ['1'] }),
    'Σ T_BHTT (MA_PTTT = 1)',
    '§10.3 #35',
    'warning',
  ),
} as const satisfies Record<string, TotalRule>;
