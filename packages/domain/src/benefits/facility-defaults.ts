import type { Confidence, FacilityLevel, FormerLevel, TechnicalLevel } from './types.ts';

/**
 * What to assume about a facility when the registry does not say: its tuyến before 2025 and its
 * technical level under Luật KCB 15/2023. Facilities must publish their level and score (NĐ 188/2025
 * Đ35 k2 e), so the registry should carry them; these defaults only keep the desk working meanwhile.
 * An assumption that decides the route rule is reported as a warning.
 */
export interface FacilityDefaultRow {
  readonly level: FacilityLevel;
  readonly formerLevel: FormerLevel;
  readonly formerLevelConfidence: Confidence;
  readonly technicalLevel: TechnicalLevel;
  readonly technicalLevelConfidence: Confidence;
  readonly note: string;
}

export const FACILITY_DEFAULTS: readonly FacilityDefaultRow[] = [
  {
    level: 'central_hospital',
    formerLevel: 'central',
    formerLevelConfidence: 'secondary',
    technicalLevel: 'chuyen_sau',
    technicalLevelConfidence: 'unconfirmed',
    note: 'Central hospitals are normally classified chuyên sâu.',
  },
  {
    level: 'provincial_hospital',
    formerLevel: 'provincial',
    formerLevelConfidence: 'secondary',
    technicalLevel: 'co_ban',
    technicalLevelConfidence: 'unconfirmed',
    note: 'Provincial hospitals became cơ bản or chuyên sâu; the route rules give the same result for both when the former level is provincial.',
  },
  {
    level: 'district_centre',
    formerLevel: 'district',
    formerLevelConfidence: 'secondary',
    technicalLevel: 'co_ban',
    technicalLevelConfidence: 'unconfirmed',
    note: 'District hospitals / health centres are normally (provisionally) cơ bản.',
  },
  {
    level: 'commune_station',
    formerLevel: 'commune',
    formerLevelConfidence: 'secondary',
    technicalLevel: 'ban_dau',
    technicalLevelConfidence: 'secondary',
    note: 'Commune health stations are cấp ban đầu.',
  },
  {
    level: 'private_clinic',
    formerLevel: 'commune',
    formerLevelConfidence: 'unconfirmed',
    technicalLevel: 'ban_dau',
    technicalLevelConfidence: 'unconfirmed',
    note: 'Clinics are usually cấp ban đầu; their former tuyến varied (xã or huyện equivalent) — set it in the registry.',
  },
];

const byLevel = new Map(FACILITY_DEFAULTS.map((r) => [r.level, r]));

/** Defaults for a facility level; undefined only for a level missing from the table. */
export function facilityDefaults(level: FacilityLevel): FacilityDefaultRow | undefined {
  return byLevel.get(level);
}
