import data from '../data/admin-provinces-2026.json' with { type: 'json' };
import { normaliseNumericCode, type Validity } from './validity.ts';

/** A province-level unit of the 2025–2026 map (34 units; NQ 202/2025/QH15, codes QĐ 19/2025/QĐ-TTg). */
export interface Province extends Validity {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly fullNameEn: string;
  readonly codeName: string;
  readonly communeCount: number;
}

/** Source and legal basis of the 2026 province list (for "about the data" screens). */
export const PROVINCES_2026_SOURCE = {
  source: data.source,
  licence: data.licence,
  legalBasis: data.legalBasis,
} as const;

const provinces: readonly Province[] = data.rows.map((r) => ({
  ...r,
  validFrom: data.validFrom,
  validTo: data.validTo,
}));
const byCode = new Map(provinces.map((p) => [p.code, p]));

/** The 34 provinces of the 2026 map, in code order. */
export function listProvinces(): readonly Province[] {
  return provinces;
}

/** A 2026 province by its 2-digit code ("92", also "092" or " 92 "); undefined when unknown. */
export function findProvince(code: string): Province | undefined {
  const c = normaliseNumericCode(code, 2);
  return c === null ? undefined : byCode.get(c);
}
