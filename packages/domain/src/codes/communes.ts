import data from '../data/admin-communes-2026.json' with { type: 'json' };
import { normaliseNumericCode, type Validity } from './validity.ts';

/** A commune-level unit (xã / phường / đặc khu) of the two-level 2025–2026 map: 3,321 units. */
export interface Commune extends Validity {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly fullNameEn: string;
  /** 2026 province code. */
  readonly provinceCode: string;
}

const communes: readonly Commune[] = data.rows.map((r) => ({
  code: r[0] ?? '',
  name: r[1] ?? '',
  fullName: r[2] ?? '',
  fullNameEn: r[3] ?? '',
  provinceCode: r[4] ?? '',
  validFrom: data.validFrom,
  validTo: data.validTo,
}));
const byCode = new Map(communes.map((c) => [c.code, c]));
const byProvince = new Map<string, Commune[]>();
for (const c of communes) {
  const list = byProvince.get(c.provinceCode);
  if (list) list.push(c);
  else byProvince.set(c.provinceCode, [c]);
}

/** All 3,321 communes, in code order. */
export function listCommunes(): readonly Commune[] {
  return communes;
}

/** A commune by its 5-digit code ("31117"); shorter numeric codes are zero-padded. */
export function findCommune(code: string): Commune | undefined {
  const c = normaliseNumericCode(code, 5);
  return c === null ? undefined : byCode.get(c);
}

/** The communes of a 2026 province (2-digit code), in code order; empty for an unknown province. */
export function communesOfProvince(provinceCode: string): readonly Commune[] {
  const c = normaliseNumericCode(provinceCode, 2);
  return (c === null ? undefined : byProvince.get(c)) ?? [];
}
