import { firstRowValidOn } from './dated.ts';
import type { DatedRow, FacilityLevel, RouteStatus } from './types.ts';

/**
 * Cases where the fund pays 100 % of covered costs whatever the card's level (Luật BHYT Đ22 k1):
 * care at a commune health station, a visit cheaper than a share of the base salary, and 5
 * consecutive years of participation once the year's co-payments exceed some months of base salary.
 * They apply only on the routes listed in `routeStatuses`.
 */
interface FullBenefitBase extends DatedRow {
  readonly routeStatuses: readonly RouteStatus[];
}

export interface CommuneStationRule extends FullBenefitBase {
  readonly kind: 'commune_station';
  readonly facilityLevels: readonly FacilityLevel[];
}

export interface SmallCostRule extends FullBenefitBase {
  readonly kind: 'small_cost';
  /** Threshold = this percent of the base salary; a visit costing strictly less is paid 100 %. */
  readonly percentOfBaseSalary: number;
}

export interface FiveYearsRule extends FullBenefitBase {
  readonly kind: 'five_years';
  /** Co-payments in a calendar year above this many months of base salary → 100 % to 31/12. */
  readonly monthsOfBaseSalary: number;
}

export type FullBenefitRule = CommuneStationRule | SmallCostRule | FiveYearsRule;

const ON_CORRECT_ROUTE: readonly RouteStatus[] = ['correct', 'referral', 'emergency'];

export const COMMUNE_STATION_RULES: readonly CommuneStationRule[] = [
  {
    id: 'FULL_COMMUNE_STATION',
    kind: 'commune_station',
    validFrom: '2015-01-01',
    validTo: null,
    source: { document: 'Luật BHYT 25/2008/QH12, sửa đổi bởi Luật 46/2014/QH13', article: 'Đ22 k1 đ' },
    confidence: 'secondary',
    note: 'Kept after Luật 51/2024 per the research notes (vn-health.md §3.3); wording of the amended clause not checked.',
    facilityLevels: ['commune_station'],
    routeStatuses: ON_CORRECT_ROUTE,
  },
];

export const SMALL_COST_RULES: readonly SmallCostRule[] = [
  {
    id: 'FULL_SMALL_COST',
    kind: 'small_cost',
    validFrom: '2015-01-01',
    validTo: null,
    source: { document: 'Luật BHYT Đ22 k1 d; NĐ 146/2018/NĐ-CP; NĐ 188/2025/NĐ-CP', article: null },
    confidence: 'secondary',
    note: 'Whether it also applies to self-referral paid 100 % (thông tuyến) is not confirmed; not applied.',
    percentOfBaseSalary: 15,
    routeStatuses: ON_CORRECT_ROUTE,
  },
];

export const FIVE_YEARS_RULES: readonly FiveYearsRule[] = [
  {
    id: 'FULL_FIVE_YEARS',
    kind: 'five_years',
    validFrom: '2015-01-01',
    validTo: null,
    source: { document: 'Luật BHYT Đ22 k1 e; NĐ 188/2025/NĐ-CP', article: 'Đ18 (NĐ 188)' },
    confidence: 'secondary',
    note: 'Excludes self-referral ("trừ trường hợp tự đi KCB không đúng tuyến").',
    monthsOfBaseSalary: 6,
    routeStatuses: ON_CORRECT_ROUTE,
  },
];

export function communeStationRuleOn(onDate: string): CommuneStationRule | undefined {
  return firstRowValidOn(COMMUNE_STATION_RULES, onDate);
}

export function smallCostRuleOn(onDate: string): SmallCostRule | undefined {
  return firstRowValidOn(SMALL_COST_RULES, onDate);
}

export function fiveYearsRuleOn(onDate: string): FiveYearsRule | undefined {
  return firstRowValidOn(FIVE_YEARS_RULES, onDate);
}

/** All full-benefit rows (for "about the rules" screens and table checks). */
export function listFullBenefitRules(): readonly FullBenefitRule[] {
  return [...COMMUNE_STATION_RULES, ...SMALL_COST_RULES, ...FIVE_YEARS_RULES];
}
