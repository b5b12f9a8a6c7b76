import { findBhytObjectGroup } from '../codes/bhyt-object-groups.ts';
import { addDays, addMonths, addYears, fromEpochDay, isoDate, toEpochDay } from './dates.ts';
import type { HouseholdStatus } from './households.ts';
import type { Rng } from './prng.ts';
import type { SynthBhytCard } from './types.ts';
import { WeightedTable } from './weighted.ts';

/**
 * Choice of a BHYT object group (and so the benefit digit) from age, sex and household status,
 * and the card's validity. Shares are plausible guesses tuned so that about 9 % of the population
 * has no card (national coverage ≈ 93–94 % in 2024–2025), not official statistics.
 */

const NONE = '--';

/** Working-age adults (18–59) not covered through household status. */
const WORKING = new WeightedTable<string>([
  ['DN', 25],
  ['HC', 5],
  ['CH', 2],
  ['HX', 0.7],
  ['TK', 0.5],
  ['NN', 0.3],
  ['XK', 0.6],
  ['QN', 0.6],
  ['CA', 0.5],
  ['TN', 0.4],
  ['NO', 0.1],
  ['HD', 0.05],
  ['GD', 44],
  ['GB', 3],
  [NONE, 16],
]);

function elderlyTable(age: number, sex: 'male' | 'female', birthYear: number): WeightedTable<string> {
  const rows: [string, number][] = [
    ['HT', 22],
    ['TC', 1.5],
    ['TS', 1],
    ['XB', 0.5],
    ['PV', 0.2],
    ['GD', 50],
    [NONE, 5],
  ];
  if (birthYear <= 1958) rows.push(['CB', sex === 'male' ? 12 : 1.5]);
  if (birthYear <= 1957) rows.push(['KC', 1]);
  if (birthYear <= 1955) rows.push(['CC', 1]);
  if (birthYear <= 1960) rows.push(['CK', 1]);
  if (age >= 80) rows.push(['BT', 60], ['CT', 3]);
  return new WeightedTable(rows);
}

const elderlyCache = new Map<string, WeightedTable<string>>();

export interface CardHolder {
  readonly age: number;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
  readonly status: HouseholdStatus;
}

/** The object group of a person's card, or null when the person has no card. */
export function drawObjectGroup(rng: Rng, holder: CardHolder): string | null {
  const { age, status } = holder;
  if (age < 6) return rng.chance(0.995) ? 'TE' : null;
  if (status === 'poor' && rng.chance(0.97)) return 'HN';
  if (status === 'ethnic_hardship' && rng.chance(0.95)) return 'DT';
  if (status === 'near_poor' && rng.chance(0.85)) return 'CN';
  if (age < 18) return rng.chance(0.97) ? 'HS' : null;
  if (age <= 22 && rng.chance(0.35)) return 'SV';
  let group: string;
  if (age < 60) group = WORKING.pick(rng);
  else {
    const birthYear = Number(holder.birthDate.slice(0, 4));
    const key = `${String(age >= 80)}:${holder.sex}:${String(birthYear <= 1955)}${String(birthYear <= 1957)}${String(birthYear <= 1958)}${String(birthYear <= 1960)}`;
    let table = elderlyCache.get(key);
    if (!table) {
      table = elderlyTable(age, holder.sex, birthYear);
      elderlyCache.set(key, table);
    }
    group = table.pick(rng);
  }
  return group === NONE ? null : group;
}

/** Groups whose cards run for calendar years (pupils, students, state-paid groups). */
const CALENDAR_YEAR = new Set(['HS', 'SV', 'HN', 'CN', 'DT', 'BT', 'CT']);
/** Groups with multi-year cards (pensioners, people with merit and their relatives, veterans). */
const MULTI_YEAR = new Set(['HT', 'CC', 'CK', 'CB', 'KC', 'TS', 'TC', 'XB', 'PV']);

export interface CardRequest {
  readonly group: string;
  readonly holder: CardHolder;
  readonly provinceCode: string;
  readonly bhxhNumber: string;
  readonly initialFacilityCode: string;
  readonly asOf: string;
}

/** Benefit digit of a group from the code list; 4 (80 %) for a group missing from it. */
export function benefitDigitOf(group: string): number {
  return findBhytObjectGroup(group)?.typicalBenefitLevel ?? 4;
}

/** A card with validity around `asOf`; about 3 % of non-child cards have already expired. */
export function drawCard(rng: Rng, req: CardRequest): SynthBhytCard {
  const { group, holder, asOf } = req;
  const year = Number(asOf.slice(0, 4));
  let validFrom: string;
  let validTo: string;
  if (group === 'TE') {
    validFrom = holder.birthDate;
    validTo = addDays(addYears(holder.birthDate, 6), -1);
  } else {
    const expired = rng.chance(0.03);
    if (CALENDAR_YEAR.has(group)) {
      const y = expired ? year - 1 : year;
      validFrom = isoDate(y, 1, 1);
      validTo = isoDate(y, 12, 31);
    } else if (MULTI_YEAR.has(group)) {
      const start = year - rng.int(3) - (expired ? 3 : 0);
      validFrom = isoDate(start, 1, 1);
      validTo = isoDate(expired ? year - 1 : start + 2 + rng.int(2), 12, 31);
      if (!expired && validTo < asOf) validTo = isoDate(year, 12, 31);
    } else {
      // Twelve-month cards starting on the first of a month in the last year.
      const monthStart = `${asOf.slice(0, 7)}-01`;
      validFrom = addMonths(monthStart, -rng.int(12) - (expired ? 12 : 0));
      validTo = addDays(addMonths(validFrom, 12), -1);
    }
  }
  let fiveYearsFrom: string | null = null;
  if (group !== 'TE' && holder.age >= 11 && rng.chance(0.45)) {
    const lo = Math.max(toEpochDay(addYears(holder.birthDate, 11)), toEpochDay(addYears(asOf, -8)));
    const hi = toEpochDay(validTo);
    if (lo <= hi) {
      const d = fromEpochDay(lo + rng.int(hi - lo + 1));
      fiveYearsFrom = `${d.slice(0, 7)}-01` < holder.birthDate ? d : `${d.slice(0, 7)}-01`;
    }
  }
  const benefitLevel = benefitDigitOf(group);
  return {
    code: `${group}${benefitLevel}${req.provinceCode}${req.bhxhNumber}`,
    objectGroup: group,
    benefitLevel,
    bhxhNumber: req.bhxhNumber,
    validFrom,
    validTo,
    initialFacilityCode: req.initialFacilityCode,
    fiveYearsFrom,
  };
}
