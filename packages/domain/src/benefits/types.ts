import type { Validity } from '../codes/validity.ts';

/** How a facility is run / what it was called in the old "tuyến" system (input from the facility registry). */
export type FacilityLevel =
  'central_hospital' | 'provincial_hospital' | 'district_centre' | 'commune_station' | 'private_clinic';

/** Technical level (cấp chuyên môn kỹ thuật) of Luật KCB 15/2023 used by the BHYT rules from 2025. */
export type TechnicalLevel = 'ban_dau' | 'co_ban' | 'chuyen_sau';

/** The facility's "tuyến" before 01/01/2025 (trung ương / tỉnh / huyện / xã). */
export type FormerLevel = 'central' | 'provincial' | 'district' | 'commune';

export type VisitKind = 'outpatient' | 'inpatient' | 'emergency';

/**
 * `correct`: đúng tuyến (registered facility, same-province thông tuyến, temporary residence);
 * `referral`: with a giấy chuyển tuyến / phiếu chuyển cơ sở KCB; `emergency`: cấp cứu;
 * `self_referral`: tự đi KCB không đúng tuyến (the route percent says what the fund still pays).
 */
export type RouteStatus = 'correct' | 'referral' | 'emergency' | 'self_referral';

/**
 * How sure we are of a row: `confirmed` = checked against the primary legal text; `secondary` = taken
 * from secondary sources (news, vendor documentation, research notes); `unconfirmed` = flagged
 * [unconfirmed] in the research notes or inferred — check before relying on it.
 */
export type Confidence = 'confirmed' | 'secondary' | 'unconfirmed';

/** Where a row comes from: the legal document and, when known, its article/clause. */
export interface LegalSource {
  /** E.g. "Luật BHYT 25/2008/QH12, sửa đổi bởi Luật 46/2014/QH13". */
  readonly document: string;
  /** E.g. "Đ22 k3 c"; null when the article is not known. */
  readonly article: string | null;
}

/** A row of a dated rule table: valid-time (ISO, inclusive, null = open), legal source, confidence. */
export interface DatedRow extends Validity {
  /** Stable id, referenced from results (`routeRule`) and tests; never reuse an id for another meaning. */
  readonly id: string;
  readonly source: LegalSource;
  readonly confidence: Confidence;
  /** Free-text remark for maintainers (why the row looks like this, what is unsure). */
  readonly note?: string;
}
