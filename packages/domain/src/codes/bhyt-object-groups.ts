import data from '../data/bhyt-object-groups.json' with { type: 'json' };

/**
 * A BHYT object group (first two letters of the card code). The list is the 43 codes VNeID accepts;
 * real cards carry others too (e.g. `AK`), so an unknown group is a warning, never a refusal.
 */
export interface BhytObjectGroup {
  readonly code: string;
  /** Vietnamese label — UNCONFIRMED against QĐ 1351/QĐ-BHXH. */
  readonly label: string;
  /** Benefit level usually printed with this group — UNCONFIRMED; the card's own digit wins. */
  readonly typicalBenefitLevel: number;
}

const groups: readonly BhytObjectGroup[] = data.rows;
const byCode = new Map(groups.map((g) => [g.code, g]));

export function listBhytObjectGroups(): readonly BhytObjectGroup[] {
  return groups;
}

/** A BHYT object group by its 2-letter code, case-insensitive ("dn" → DN); undefined when unknown. */
export function findBhytObjectGroup(code: string): BhytObjectGroup | undefined {
  return byCode.get(code.trim().toUpperCase());
}
