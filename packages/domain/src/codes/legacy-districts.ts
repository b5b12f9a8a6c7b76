import data from '../data/admin-districts-legacy.json' with { type: 'json' };
import { normaliseNumericCode, type Validity } from './validity.ts';

/**
 * A district of the three-level map (696 units, abolished 2025-07-01). Kept for historic data such as
 * `MAHUYEN_CU_TRU` in 2024-era XML.
 */
export interface LegacyDistrict extends Validity {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly fullNameEn: string;
  /** Legacy (63-province) province code. */
  readonly provinceCode: string;
}

const districts: readonly LegacyDistrict[] = data.rows.map((r) => ({
  code: r[0] ?? '',
  name: r[1] ?? '',
  fullName: r[2] ?? '',
  fullNameEn: r[3] ?? '',
  provinceCode: r[4] ?? '',
  validFrom: data.validFrom,
  validTo: data.validTo,
}));
const byCode = new Map(districts.map((d) => [d.code, d]));

/** All 696 legacy districts, in code order. */
export function listLegacyDistricts(): readonly LegacyDistrict[] {
  return districts;
}

/** A legacy district by its 3-digit code ("916" = Ninh Kiều); undefined when unknown. */
export function findLegacyDistrict(code: string): LegacyDistrict | undefined {
  const c = normaliseNumericCode(code, 3);
  return c === null ? undefined : byCode.get(c);
}

/** The districts of a legacy province (2-digit code), in code order. */
export function districtsOfLegacyProvince(provinceCode: string): readonly LegacyDistrict[] {
  const c = normaliseNumericCode(provinceCode, 2);
  return districts.filter((d) => d.provinceCode === c);
}
