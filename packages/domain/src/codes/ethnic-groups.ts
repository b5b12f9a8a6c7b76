import data from '../data/ethnic-groups.json' with { type: 'json' };
import { normaliseNumericCode } from './validity.ts';

/** An ethnic group of the GSO list (QĐ 121-TCTK/PPCĐ, 1979): `MA_DANTOC` in the XML tables. */
export interface EthnicGroup {
  readonly code: string;
  readonly name: string;
  /** False for the two extension codes 55/56 seen in practice but not found in the GSO list. */
  readonly confirmed: boolean;
  readonly note: string | null;
}

const groups: readonly EthnicGroup[] = data.rows;
const byCode = new Map(groups.map((g) => [g.code, g]));

/** The 54 official groups plus the 2 unconfirmed extension codes, in code order. */
export function listEthnicGroups(): readonly EthnicGroup[] {
  return groups;
}

/** An ethnic group by its 2-digit code ("01" = Kinh; "1" is accepted too). */
export function findEthnicGroup(code: string): EthnicGroup | undefined {
  const c = normaliseNumericCode(code, 2);
  return c === null ? undefined : byCode.get(c);
}
