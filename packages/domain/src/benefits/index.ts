// Public API of the BHYT benefit rules. Explicit names: `FacilityLevel` is also exported by
// `../synth/` (same union), so it is re-exported here as `EligibilityFacilityLevel`.
export type {
  Confidence,
  DatedRow,
  FacilityLevel as EligibilityFacilityLevel,
  FormerLevel,
  LegalSource,
  RouteStatus,
  TechnicalLevel,
  VisitKind,
} from './types.ts';
export { firstRowValidOn, formatSource, rowsValidOn } from './dated.ts';
export { BASE_SALARIES, baseSalaryOn, listBaseSalaries, type BaseSalaryRow } from './base-salary.ts';
export { FACILITY_DEFAULTS, facilityDefaults, type FacilityDefaultRow } from './facility-defaults.ts';
export {
  ROUTE_RULES,
  findRouteRule,
  listRouteRules,
  type RouteOutcome,
  type RoutePredicate,
  type RouteRule,
  type ScoreRange,
} from './route-rules.ts';
export { matchRouteRule, predicateHolds, type RouteFacts, type RouteMatch } from './route-match.ts';
export {
  COMMUNE_STATION_RULES,
  FIVE_YEARS_RULES,
  SMALL_COST_RULES,
  communeStationRuleOn,
  fiveYearsRuleOn,
  listFullBenefitRules,
  smallCostRuleOn,
  type CommuneStationRule,
  type FiveYearsRule,
  type FullBenefitRule,
  type SmallCostRule,
} from './full-benefit-rules.ts';
export type {
  Eligibility,
  EligibilityCard,
  EligibilityFacility,
  EligibilityInput,
  EligibilityVisit,
  FiveYearsStatus,
} from './eligibility-types.ts';
export { CARD_EXPIRY_WARNING_DAYS } from './card-checks.ts';
export { assessEligibility, eligibilityCardFromQr } from './eligibility.ts';
export { copayment, type Copayment, type CopaymentBasis, type CopaymentInput } from './copayment.ts';
export {
  QUEUE_ESTIMATE_LIMITS,
  estimateWaitMinutes,
  formatTicketNumber,
  type WaitEstimateInput,
} from './queue.ts';
