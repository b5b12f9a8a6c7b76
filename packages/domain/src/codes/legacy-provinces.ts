import data from '../data/admin-provinces-legacy.json' with { type: 'json' };
import { normaliseNumericCode, type Validity } from './validity.ts';

/**
 * A province of the 63-province map (valid until 2025-06-30). Still needed: personal ID numbers carry
 * the legacy code of the place of birth registration, and pre-07/2025 documents use these codes.
 */
export interface LegacyProvince extends Validity {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly fullNameEn: string;
  readonly codeName: string;
  readonly districtCount: number;
  /** `0` + code: the 3-digit birth-registration prefix of the 12-digit personal ID number. */
  readonly cccdBirthplaceCode: string;
}

export const LEGACY_PROVINCES_SOURCE = {
  source: data.source,
  licence: data.licence,
  legalBasis: data.legalBasis,
} as const;

const provinces: readonly LegacyProvince[] = data.rows.map((r) => ({
  ...r,
  validFrom: data.validFrom,
  validTo: data.validTo,
}));
const byCode = new Map(provinces.map((p) => [p.code, p]));
const byBirthplace = new Map(provinces.map((p) => [p.cccdBirthplaceCode, p]));

/** The 63 legacy provinces, in code order. */
export function listLegacyProvinces(): readonly LegacyProvince[] {
  return provinces;
}

/** A legacy province by its 2-digit code ("91" = Kiên Giang); also accepts the 3-digit "091". */
export function findLegacyProvince(code: string): LegacyProvince | undefined {
  const c = normaliseNumericCode(code, 2);
  return c === null ? undefined : byCode.get(c);
}

/** A legacy province by the exact 3-digit personal-ID prefix ("092" = Cần Thơ). */
export function findLegacyProvinceByBirthplaceCode(code: string): LegacyProvince | undefined {
  return byBirthplace.get(code.trim());
}
