import type { BhytCode } from '../identifiers/bhyt-code.ts';
import type { CardValidity } from '../identifiers/bhyt-qr.ts';
import type { Problem } from '../problem.ts';
import type {
  Confidence,
  FacilityLevel,
  FormerLevel,
  RouteStatus,
  TechnicalLevel,
  VisitKind,
} from './types.ts';

/** A parsed BHYT card as the desk knows it (from the QR via `eligibilityCardFromQr`, or the portal). */
export interface EligibilityCard {
  readonly code: BhytCode;
  /** `YYYY-MM-DD`, inclusive; null/absent when unknown (a typed code not yet checked on the portal). */
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
  /** MA_DKBD, 5 characters (`92001`; `PP000` for a temporary newborn code). */
  readonly initialFacilityCode?: string | null;
  /** Day 5 consecutive years of participation are reached (`YYYY-MM-DD`). */
  readonly fiveYearsFrom?: string | null;
}

/** The facility where the person checks in (from the facility registry). */
export interface EligibilityFacility {
  /** MA_CSKCB, 5 characters. */
  readonly code: string;
  /** 2-digit province code. */
  readonly provinceCode: string;
  readonly level: FacilityLevel;
  /** Published technical level (NĐ 188/2025 Đ35 k2 e); assumed from `level` when absent. */
  readonly technicalLevel?: TechnicalLevel;
  /** Published score; absent = not scored / provisionally classified. */
  readonly score?: number;
  /** Tuyến before 2025; assumed from `level` when absent. */
  readonly formerLevel?: FormerLevel;
}

export interface EligibilityVisit {
  readonly kind: VisitKind;
  /** A valid referral (giấy chuyển tuyến / phiếu chuyển cơ sở KCB) is presented. */
  readonly hasReferral: boolean;
  /** Declared temporary residence near this facility (< 30 days, VNeID; TT 01/2025 Đ4). */
  readonly temporaryResidence?: boolean;
}

export interface EligibilityInput {
  readonly card: EligibilityCard;
  /** `YYYY-MM-DD`. */
  readonly visitDate: string;
  readonly facility: EligibilityFacility;
  readonly visit: EligibilityVisit;
}

export interface FiveYearsStatus {
  /** The 5-consecutive-years rule can apply to this visit (date reached, route allows it, card valid). */
  readonly canApply: boolean;
  readonly from: string | null;
  /** Co-payments in the calendar year above this amount (VND) are paid by the fund; null when unknown. */
  readonly annualCoPaymentCeiling: number | null;
  /** Id of the rule row; null when no row covers the visit date. */
  readonly rule: string | null;
}

export interface Eligibility {
  readonly visitDate: string;
  readonly cardStatus: CardValidity;
  /** 1–5 from the card code; null when only the 10-digit mã số BHXH is known. */
  readonly benefitLevel: number | null;
  /** Percent the fund pays for the card's level (80/95/100); null when the level is unknown. */
  readonly fundPaysPercent: number | null;
  readonly routeStatus: RouteStatus;
  /** Id of the route-rule row applied (`route-rules.ts`), `NO_RULE` when none covers the date. */
  readonly routeRule: string;
  readonly routeRuleConfidence: Confidence;
  /** Share of the benefit the fund pays on this route, as the dated rules say (100, 70, 60, 50, 40, 0). */
  readonly routeBenefitPercent: number;
  /** Id of a 100 %-whatever-the-level row applied (commune station), else null. */
  readonly fullBenefitRule: string | null;
  /** Level percent used: `fundPaysPercent`, or 100 under `fullBenefitRule`, or 0 when unknown. */
  readonly levelPercentApplied: number;
  /** Fund share of covered costs (0–100, 2 decimals: 95 × 50 % = 47.5); 0 when the card is not valid. */
  readonly effectivePercent: number;
  /** Base salary / mức tham chiếu on the visit date (VND); null when no row covers the date. */
  readonly baseSalary: number | null;
  /** Visits costing strictly less are paid 100 % when `smallCostApplies` (15 % of the base salary). */
  readonly smallCostThreshold: number | null;
  readonly smallCostApplies: boolean;
  readonly fiveYearsRule: FiveYearsStatus;
  /** Likely XML MA_DOITUONG_KCB (hint for XML0, QĐ 824/2023 codes); null when not known. */
  readonly maDoiTuongKcb: string | null;
  readonly warnings: readonly Problem[];
  /** Vietnamese explanation lines for the desk screen, in reading order. */
  readonly reasons: readonly string[];
}
