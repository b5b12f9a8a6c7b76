import { findLegacyProvince } from './legacy-provinces.ts';
import { findProvince } from './provinces.ts';
import { isValidOn } from './validity.ts';

/** A province code resolved against the 2026 map or, failing that, the legacy 63-province map. */
export interface ProvinceMatch {
  readonly code: string;
  readonly name: string;
  readonly era: '2026' | 'legacy';
}

/**
 * Resolve a 2-digit province code found on a document (BHYT card, facility code, address) whose era
 * is not known. Without `onDate` the 2026 map wins and the legacy map is the fallback (most codes
 * exist in both: "92" is Cần Thơ in both, "91" is An Giang in 2026 but Kiên Giang before). With
 * `onDate` (`YYYY-MM-DD`) only the map valid on that day is used.
 */
export function matchProvinceCode(code: string, onDate?: string): ProvinceMatch | undefined {
  const current = findProvince(code);
  const legacy = findLegacyProvince(code);
  if (onDate !== undefined) {
    if (current && isValidOn(current, onDate)) return { code: current.code, name: current.name, era: '2026' };
    if (legacy && isValidOn(legacy, onDate)) return { code: legacy.code, name: legacy.name, era: 'legacy' };
    return undefined;
  }
  if (current) return { code: current.code, name: current.name, era: '2026' };
  if (legacy) return { code: legacy.code, name: legacy.name, era: 'legacy' };
  return undefined;
}
