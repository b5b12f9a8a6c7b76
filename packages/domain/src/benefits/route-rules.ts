import type { DatedRow, FormerLevel, RouteStatus, TechnicalLevel, VisitKind } from './types.ts';

/** A facility score band (NĐ 188/2025 scores): `min` inclusive, `below` exclusive, null = open. */
export interface ScoreRange {
  readonly min: number | null;
  readonly below: number | null;
  /** Whether a facility without a published score (provisionally classified) falls in this band. */
  readonly unscored: boolean;
}

/**
 * The conditions of a route rule, as data. Every field present must hold; an absent field means
 * "any". The facts are computed from the visit by `route-match.ts`.
 */
export interface RoutePredicate {
  readonly visitKind?: readonly VisitKind[];
  /** This facility is the card's registered primary-care facility (MA_DKBD). */
  readonly atRegisteredFacility?: boolean;
  readonly hasReferral?: boolean;
  /** Declared temporary residence near this facility (TT 01/2025/TT-BYT Đ4). */
  readonly temporaryResidence?: boolean;
  /** This facility is in the province of the registered facility (first 2 characters of the codes). */
  readonly sameProvince?: boolean;
  /** The facility's tuyến before 2025 (for the old rules: its tuyến at the time). */
  readonly line?: readonly FormerLevel[];
  readonly technicalLevel?: readonly TechnicalLevel[];
  readonly score?: ScoreRange;
}

export interface RouteOutcome {
  readonly routeStatus: RouteStatus;
  /** Share of the card's benefit the fund pays on this route (0–100). */
  readonly routePercent: number;
  /**
   * Likely XML `MA_DOITUONG_KCB` (QĐ 824/2023 vendor table, xml130.md §6.2); only a hint for the
   * check-in XML0 — the code is chosen after the episode ends from the official list (QĐ 3276/2025).
   */
  readonly maDoiTuongKcb: string | null;
  /** Vietnamese line for the desk screen. */
  readonly reason: string;
}

/** One row: valid-time + source + confidence, conditions (`when`) and outcome (`then`). */
export interface RouteRule extends DatedRow {
  readonly when: RoutePredicate;
  readonly then: RouteOutcome;
}

const LAW_2014 = 'Luật BHYT 25/2008/QH12, sửa đổi bởi Luật 46/2014/QH13';
const LAW_2024 = 'Luật BHYT, sửa đổi bởi Luật 51/2024/QH15';
const LAW_ANY = 'Luật BHYT 25/2008/QH12 (sửa đổi 2014, 2024)';
const ND_188 = 'NĐ 188/2025/NĐ-CP';
const TT_01 = 'TT 01/2025/TT-BYT';

const OLD_FROM = '2015-01-01';
const OLD_TO = '2024-12-31';
const NEW_FROM = '2025-01-01';
const FIFTY_FROM = '2026-07-01';

/**
 * The route rules, FIRST MATCH WINS among the rows valid on the visit date; each era ends with a
 * catch-all row so every visit gets a rule. To amend: close a row (`validTo`) and add its successor
 * in the same position; never edit the meaning of an existing id.
 */
export const ROUTE_RULES: readonly RouteRule[] = [
  // ── Any date ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'EMERGENCY',
    validFrom: null,
    validTo: null,
    source: { document: LAW_ANY, article: 'Đ22 k5 (as amended); Đ28' },
    confidence: 'secondary',
    when: { visitKind: ['emergency'] },
    then: {
      routeStatus: 'emergency',
      routePercent: 100,
      maDoiTuongKcb: '2',
      reason: 'Cấp cứu: được khám chữa bệnh tại bất kỳ cơ sở nào, hưởng như đúng tuyến',
    },
  },
  {
    id: 'REGISTERED_FACILITY',
    validFrom: null,
    validTo: null,
    source: { document: LAW_ANY, article: 'Đ26' },
    confidence: 'secondary',
    when: { atRegisteredFacility: true },
    then: {
      routeStatus: 'correct',
      routePercent: 100,
      maDoiTuongKcb: '1.1',
      reason: 'Đúng tuyến: đăng ký KCB ban đầu tại cơ sở này',
    },
  },
  // ── Referral ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'REFERRAL_OLD',
    validFrom: null,
    validTo: OLD_TO,
    source: { document: LAW_2014, article: 'Đ22 k1; Đ28' },
    confidence: 'secondary',
    when: { hasReferral: true },
    then: {
      routeStatus: 'referral',
      routePercent: 100,
      maDoiTuongKcb: '1.3',
      reason: 'Đúng tuyến: có giấy chuyển tuyến',
    },
  },
  {
    id: 'REFERRAL_NEW',
    validFrom: NEW_FROM,
    validTo: null,
    source: { document: TT_01, article: 'Đ12' },
    confidence: 'secondary',
    when: { hasReferral: true },
    then: {
      routeStatus: 'referral',
      routePercent: 100,
      maDoiTuongKcb: '1.3',
      reason: 'Đúng tuyến: có phiếu chuyển cơ sở khám bệnh, chữa bệnh',
    },
  },
  // ── Old "thông tuyến" rules (Luật BHYT 2014 Đ22), until 31/12/2024 ────────────────────────
  {
    id: 'OLD_SAME_PROVINCE_COMMUNE_DISTRICT',
    validFrom: '2016-01-01',
    validTo: OLD_TO,
    source: { document: LAW_2014, article: 'Đ22 k4' },
    confidence: 'secondary',
    note: 'The law also requires the card to be registered at a commune/district facility; the registered facility level is not known here and is assumed to be one.',
    when: { sameProvince: true, line: ['commune', 'district'] },
    then: {
      routeStatus: 'correct',
      routePercent: 100,
      maDoiTuongKcb: '1.2',
      reason: 'Thông tuyến xã – huyện trong tỉnh: hưởng như đúng tuyến',
    },
  },
  {
    id: 'OLD_DISTRICT_NATIONWIDE_2015',
    validFrom: OLD_FROM,
    validTo: '2015-12-31',
    source: { document: LAW_2014, article: 'Đ22 k3 c' },
    confidence: 'unconfirmed',
    note: 'Not in the research notes; 70 % in 2015 per the text of Đ22 k3 c as commonly quoted.',
    when: { line: ['district'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 70,
      maDoiTuongKcb: null,
      reason: 'Trái tuyến tại bệnh viện tuyến huyện (năm 2015)',
    },
  },
  {
    id: 'OLD_DISTRICT_NATIONWIDE',
    validFrom: '2016-01-01',
    validTo: OLD_TO,
    source: { document: LAW_2014, article: 'Đ22 k3 c' },
    confidence: 'secondary',
    when: { line: ['district'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 100,
      maDoiTuongKcb: '3.3',
      reason: 'Thông tuyến huyện toàn quốc: tự đi khám chữa bệnh tại tuyến huyện',
    },
  },
  {
    id: 'OLD_PROVINCIAL_INPATIENT_2015',
    validFrom: OLD_FROM,
    validTo: '2020-12-31',
    source: { document: LAW_2014, article: 'Đ22 k3 b' },
    confidence: 'unconfirmed',
    note: 'Not in the research notes; 60 % of inpatient costs 2015–2020 per the text of Đ22 k3 b as commonly quoted.',
    when: { line: ['provincial'], visitKind: ['inpatient'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 60,
      maDoiTuongKcb: null,
      reason: 'Trái tuyến nội trú tại bệnh viện tuyến tỉnh (2015–2020)',
    },
  },
  {
    id: 'OLD_PROVINCIAL_INPATIENT',
    validFrom: '2021-01-01',
    validTo: OLD_TO,
    source: { document: LAW_2014, article: 'Đ22 k3 b' },
    confidence: 'secondary',
    when: { line: ['provincial'], visitKind: ['inpatient'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 100,
      maDoiTuongKcb: '3.2',
      reason: 'Thông tuyến tỉnh: tự đi điều trị nội trú tại bệnh viện tuyến tỉnh',
    },
  },
  {
    id: 'OLD_PROVINCIAL_OUTPATIENT',
    validFrom: OLD_FROM,
    validTo: OLD_TO,
    source: { document: LAW_2014, article: 'Đ22 k3 b' },
    confidence: 'secondary',
    when: { line: ['provincial'], visitKind: ['outpatient'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 0,
      maDoiTuongKcb: '3.5',
      reason: 'Trái tuyến ngoại trú tại bệnh viện tuyến tỉnh: quỹ BHYT không thanh toán',
    },
  },
  {
    id: 'OLD_CENTRAL_INPATIENT',
    validFrom: OLD_FROM,
    validTo: OLD_TO,
    source: { document: LAW_2014, article: 'Đ22 k3 a' },
    confidence: 'secondary',
    when: { line: ['central'], visitKind: ['inpatient'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 40,
      maDoiTuongKcb: null,
      reason: 'Trái tuyến nội trú tại bệnh viện tuyến trung ương',
    },
  },
  {
    id: 'OLD_OTHER',
    validFrom: OLD_FROM,
    validTo: OLD_TO,
    source: { document: LAW_2014, article: 'Đ22 k3' },
    confidence: 'secondary',
    when: {},
    then: {
      routeStatus: 'self_referral',
      routePercent: 0,
      maDoiTuongKcb: null,
      reason: 'Trái tuyến: quỹ BHYT không thanh toán lần khám chữa bệnh này',
    },
  },
  // ── New regime (Luật 51/2024, NĐ 188/2025), from 01/01/2025 ──────────────────────────────
  {
    id: 'NEW_TEMPORARY_RESIDENCE',
    validFrom: NEW_FROM,
    validTo: null,
    source: { document: TT_01, article: 'Đ4' },
    confidence: 'secondary',
    note: 'Temporary residence < 30 days declared via VNeID counts as in-area; applied at cấp ban đầu facilities.',
    when: { temporaryResidence: true, technicalLevel: ['ban_dau'] },
    then: {
      routeStatus: 'correct',
      routePercent: 100,
      maDoiTuongKcb: null,
      reason: 'Tạm trú đã khai báo: khám tại cơ sở cấp ban đầu nơi tạm trú, hưởng như đúng tuyến',
    },
  },
  {
    id: 'NEW_PRIMARY_SAME_PROVINCE',
    validFrom: NEW_FROM,
    validTo: null,
    source: { document: LAW_2024, article: 'Đ22' },
    confidence: 'unconfirmed',
    note: 'Inferred: continues the same-province commune thông tuyến of the old Đ22 k4.',
    when: { sameProvince: true, technicalLevel: ['ban_dau'] },
    then: {
      routeStatus: 'correct',
      routePercent: 100,
      maDoiTuongKcb: null,
      reason: 'Cơ sở cấp ban đầu trong tỉnh: hưởng như đúng tuyến',
    },
  },
  {
    id: 'NEW_BASIC_FORMER_DISTRICT_SAME_PROVINCE',
    validFrom: NEW_FROM,
    validTo: null,
    source: { document: LAW_2024, article: 'Đ22' },
    confidence: 'unconfirmed',
    note: 'Inferred: continues the same-province district thông tuyến of the old Đ22 k4.',
    when: { sameProvince: true, technicalLevel: ['co_ban'], line: ['district'] },
    then: {
      routeStatus: 'correct',
      routePercent: 100,
      maDoiTuongKcb: null,
      reason: 'Cơ sở cấp cơ bản (trước đây tuyến huyện) trong tỉnh: hưởng như đúng tuyến',
    },
  },
  {
    id: 'NEW_PRIMARY_NATIONWIDE',
    validFrom: NEW_FROM,
    validTo: null,
    source: { document: LAW_2024, article: 'Đ22' },
    confidence: 'unconfirmed',
    note: 'Inferred: cấp ban đầu anywhere; the research notes do not state it.',
    when: { technicalLevel: ['ban_dau'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 100,
      maDoiTuongKcb: null,
      reason: 'Tự đi khám chữa bệnh tại cơ sở cấp ban đầu ngoài tỉnh',
    },
  },
  {
    id: 'NEW_BASIC_FORMER_DISTRICT',
    validFrom: NEW_FROM,
    validTo: null,
    source: { document: LAW_2024, article: 'Đ22' },
    confidence: 'unconfirmed',
    note: 'Inferred: continues "district nationwide 100 %" for basic-level facilities that were district level.',
    when: { technicalLevel: ['co_ban'], line: ['district'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 100,
      maDoiTuongKcb: null,
      reason: 'Tự đi khám chữa bệnh tại cơ sở cấp cơ bản (trước đây tuyến huyện)',
    },
  },
  {
    id: 'NEW_BASIC_INPATIENT',
    validFrom: NEW_FROM,
    validTo: null,
    source: { document: LAW_2024, article: 'Đ22' },
    confidence: 'unconfirmed',
    note: 'Inferred: continues "provincial inpatient 100 %" for basic-level facilities.',
    when: { technicalLevel: ['co_ban'], visitKind: ['inpatient'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 100,
      maDoiTuongKcb: null,
      reason: 'Tự đi điều trị nội trú tại cơ sở cấp cơ bản',
    },
  },
  {
    id: 'NEW_SPECIALISED_FORMER_PROVINCIAL_INPATIENT',
    validFrom: NEW_FROM,
    validTo: null,
    source: { document: LAW_2024, article: 'Đ22' },
    confidence: 'unconfirmed',
    note: 'Inferred: continues "provincial inpatient 100 %" for specialised-level facilities that were provincial.',
    when: {
      technicalLevel: ['chuyen_sau'],
      line: ['provincial', 'district', 'commune'],
      visitKind: ['inpatient'],
    },
    then: {
      routeStatus: 'self_referral',
      routePercent: 100,
      maDoiTuongKcb: null,
      reason: 'Tự đi điều trị nội trú tại cơ sở cấp chuyên sâu (trước đây tuyến tỉnh)',
    },
  },
  {
    id: 'NEW_SPECIALISED_INPATIENT',
    validFrom: NEW_FROM,
    validTo: null,
    source: { document: LAW_2024, article: 'Đ22' },
    confidence: 'unconfirmed',
    note: 'Inferred: continues "central inpatient 40 %" for specialised-level facilities.',
    when: { technicalLevel: ['chuyen_sau'], visitKind: ['inpatient'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 40,
      maDoiTuongKcb: null,
      reason: 'Tự đi điều trị nội trú tại cơ sở cấp chuyên sâu',
    },
  },
  {
    id: 'NEW_OUTPATIENT_BASIC_FORMER_PROVINCIAL_50',
    validFrom: FIFTY_FROM,
    validTo: null,
    source: { document: ND_188, article: 'Đ19 k3' },
    confidence: 'secondary',
    when: { technicalLevel: ['co_ban'], line: ['provincial', 'central'], visitKind: ['outpatient'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 50,
      maDoiTuongKcb: null,
      reason: 'Tự đi khám ngoại trú tại cơ sở cấp cơ bản trước đây là tuyến tỉnh/trung ương',
    },
  },
  {
    id: 'NEW_OUTPATIENT_BASIC_FORMER_PROVINCIAL_0',
    validFrom: NEW_FROM,
    validTo: '2026-06-30',
    source: { document: ND_188, article: 'Đ19 k3' },
    confidence: 'unconfirmed',
    note: 'Inferred: the 50 % of Đ19 k3 starts 01/07/2026; before that provincial outpatient stays at 0 % (old rule).',
    when: { technicalLevel: ['co_ban'], line: ['provincial', 'central'], visitKind: ['outpatient'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 0,
      maDoiTuongKcb: null,
      reason:
        'Tự đi khám ngoại trú tại cơ sở trước đây là tuyến tỉnh/trung ương: quỹ chưa thanh toán (50 % từ 01/07/2026)',
    },
  },
  {
    id: 'NEW_OUTPATIENT_SPECIALISED_FORMER_PROVINCIAL_50',
    validFrom: FIFTY_FROM,
    validTo: null,
    source: { document: ND_188, article: 'Đ19 k4' },
    confidence: 'secondary',
    when: { technicalLevel: ['chuyen_sau'], line: ['provincial'], visitKind: ['outpatient'] },
    then: {
      routeStatus: 'self_referral',
      routePercent: 50,
      maDoiTuongKcb: null,
      reason: 'Tự đi khám ngoại trú tại cơ sở cấp chuyên sâu trước đây là tuyến tỉnh',
    },
  },
  {
    id: 'NEW_OUTPATIENT_BASIC_50_70',
    validFrom: FIFTY_FROM,
    validTo: null,
    source: { document: ND_188, article: 'Đ19 k2' },
    confidence: 'secondary',
    when: {
      technicalLevel: ['co_ban'],
      score: { min: 50, below: 70, unscored: false },
      visitKind: ['outpatient'],
    },
    then: {
      routeStatus: 'self_referral',
      routePercent: 50,
      maDoiTuongKcb: null,
      reason: 'Tự đi khám ngoại trú tại cơ sở cấp cơ bản có điểm từ 50 đến dưới 70',
    },
  },
  {
    id: 'NEW_OUTPATIENT_BASIC_UNDER_50',
    validFrom: '2025-07-01',
    validTo: null,
    source: { document: ND_188, article: 'Đ19 k1' },
    confidence: 'secondary',
    note: 'Clause number inferred (the notes cite Đ19 for k2–k4 only); dated from NĐ 188 coming into force.',
    when: {
      technicalLevel: ['co_ban'],
      score: { min: null, below: 50, unscored: true },
      visitKind: ['outpatient'],
    },
    then: {
      routeStatus: 'self_referral',
      routePercent: 100,
      maDoiTuongKcb: null,
      reason: 'Tự đi khám ngoại trú tại cơ sở cấp cơ bản dưới 50 điểm (hoặc tạm xếp cấp cơ bản)',
    },
  },
  {
    id: 'NEW_OTHER',
    validFrom: NEW_FROM,
    validTo: null,
    source: { document: LAW_2024, article: 'Đ22' },
    confidence: 'secondary',
    when: {},
    then: {
      routeStatus: 'self_referral',
      routePercent: 0,
      maDoiTuongKcb: null,
      reason: 'Tự đi khám chữa bệnh không đúng quy định: quỹ BHYT không thanh toán lần khám này',
    },
  },
];

const byId = new Map(ROUTE_RULES.map((r) => [r.id, r]));

export function listRouteRules(): readonly RouteRule[] {
  return ROUTE_RULES;
}

export function findRouteRule(id: string): RouteRule | undefined {
  return byId.get(id);
}
