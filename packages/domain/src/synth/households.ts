import { AGE_WEIGHTS, AgeSampler, drawAge, maleShareAt, MAX_AGE } from './age.ts';
import { addYears, fromEpochDay, toEpochDay } from './dates.ts';
import { drawFamilyName, type NameStyle, type Sex } from './names.ts';
import type { Rng } from './prng.ts';
import type { ModelCommune, ProvinceModel } from './province-model.ts';
import { WeightedTable } from './weighted.ts';

/**
 * Household composition: the cheap "core" of each member (role, sex, birth date, birth
 * registration place) drawn from the household's own stream. Everything else about a person
 * (names, card, phone) is drawn later from the person's stream.
 */

export type HouseholdRole = 'head' | 'spouse' | 'child' | 'grandchild' | 'parent' | 'relative' | 'single';

export interface MemberCore {
  readonly role: HouseholdRole;
  readonly sex: Sex;
  readonly age: number;
  readonly birthDate: string;
  /** 3-digit birth-registration code (personal ID prefix). */
  readonly birthplace: string;
  readonly ethnicCode: string;
  readonly familyName: string;
  /** The mother's family name when she lives in the household (used by some parents as a middle name). */
  readonly motherFamilyName: string | null;
}

/** Social status that decides state-paid BHYT groups (HN poor, CN near-poor, DT ethnic minority in hardship). */
export type HouseholdStatus = 'poor' | 'near_poor' | 'ethnic_hardship' | 'ordinary';

export interface HouseholdCore {
  readonly commune: ModelCommune;
  readonly ethnicCode: string;
  readonly status: HouseholdStatus;
  readonly members: readonly MemberCore[];
}

/** Name tables to use for an ethnic group (05 Khơ-me, 04 Hoa, otherwise Kinh). */
export function nameStyleOf(ethnicCode: string): NameStyle {
  return ethnicCode === '05' ? 'khmer' : ethnicCode === '04' ? 'hoa' : 'kinh';
}

/** Household size distribution (Vietnam 2019 census: mean ≈ 3.5 persons) [indicative]. */
export const HOUSEHOLD_SIZES = new WeightedTable<number>([
  [1, 12],
  [2, 20],
  [3, 22],
  [4, 25],
  [5, 13],
  [6, 8],
]);

/** Births registered after the 2025 merger carry the new province's code. */
const MERGER_DAY = '2025-07-01';

/**
 * Children and grandchildren are drawn from the pyramid times these per-band factors (0–4, 5–9, …),
 * calibrated by simulation so that the population as a whole follows the national pyramid
 * (household rules alone over-produce small children).
 */
export const CHILD_AGE_FACTORS: readonly number[] = [
  0.43, 0.66, 0.95, 1.24, 1.14, 0.54, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
];

const CHILD_AGES = new AgeSampler(
  AGE_WEIGHTS.map((w, age) => w * (CHILD_AGE_FACTORS[Math.floor(age / 5)] ?? 1)),
);

const clampAge = (a: number): number => Math.max(0, Math.min(MAX_AGE, Math.round(a)));

export function birthDateFor(rng: Rng, age: number, asOf: string): string {
  const hi = toEpochDay(addYears(asOf, -age));
  const lo = toEpochDay(addYears(asOf, -(age + 1))) + 1;
  return fromEpochDay(lo + rng.int(hi - lo + 1));
}

function birthplaceFor(
  rng: Rng,
  model: ProvinceModel,
  commune: ModelCommune,
  birthDate: string,
  age: number,
): string {
  if (birthDate >= MERGER_DAY) return `0${model.profile.provinceCode}`;
  const x = rng.float();
  if (age >= 18 && x < 0.004) return model.abroadBirthplaces.pick(rng);
  if (x < (age >= 18 ? 0.1 : 0.04)) return model.migrantBirthplaces.pick(rng);
  return `0${commune.district.legacyProvinceCode}`;
}

const other = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');

interface Draft {
  role: HouseholdRole;
  sex: Sex;
  age: number;
}

function draftMembers(rng: Rng, size: number): Draft[] {
  if (size === 1) {
    const age = drawAge(rng, 18, MAX_AGE);
    return [{ role: 'single', sex: rng.chance(maleShareAt(age) - 0.06) ? 'male' : 'female', age }];
  }
  const headAge = drawAge(rng, 23, 90);
  const head: Draft = { role: 'head', sex: rng.chance(0.72) ? 'male' : 'female', age: headAge };
  const out: Draft[] = [head];
  const spouseP = size === 2 ? 0.62 : 0.86;
  if (headAge < 88 && rng.chance(spouseP)) {
    const gap = rng.normal(3.5, 3);
    const age = clampAge(head.sex === 'male' ? headAge - gap : headAge + gap);
    out.push({ role: 'spouse', sex: other(head.sex), age: Math.max(18, age) });
  }
  const parentP = size >= 4 ? 0.32 : size === 3 ? 0.14 : out.length === 1 ? 0.3 : 0;
  if (out.length < size && headAge <= 62 && rng.chance(parentP)) {
    const age = drawAge(rng, headAge + 20, Math.min(MAX_AGE, headAge + 38));
    out.push({ role: 'parent', sex: rng.chance(0.3) ? 'male' : 'female', age });
  }
  const mother = out.find((m) => m.sex === 'female' && m.role !== 'parent') ?? head;
  const m = mother.age;
  // Young parents cannot have many children yet: about one per 3 years since the mother was 20.
  let childSlots = Math.max(1, Math.floor((m - 19) / 3));
  while (out.length < size) {
    if (headAge >= 55 && rng.chance(0.3)) {
      const age = CHILD_AGES.draw(rng, 0, Math.max(0, Math.min(17, headAge - 42)));
      out.push({ role: 'grandchild', sex: rng.chance(maleShareAt(age)) ? 'male' : 'female', age });
    } else if (childSlots > 0) {
      childSlots--;
      const age = CHILD_AGES.draw(rng, Math.max(0, m - 44), Math.max(0, m - 20));
      out.push({ role: 'child', sex: rng.chance(maleShareAt(age)) ? 'male' : 'female', age });
    } else {
      const age = drawAge(rng, Math.max(15, headAge - 10), Math.min(MAX_AGE, headAge + 10));
      out.push({ role: 'relative', sex: rng.chance(maleShareAt(age)) ? 'male' : 'female', age });
    }
  }
  return out;
}

function statusOf(rng: Rng, commune: ModelCommune, ethnicCode: string): HouseholdStatus {
  const x = rng.float();
  if (x < 0.025) return 'poor';
  if (x < 0.06) return 'near_poor';
  if (ethnicCode !== '01' && commune.district.legacyProvinceCode === '94' && x < 0.5)
    return 'ethnic_hardship';
  return 'ordinary';
}

/** Compose household `rng`'s members for a province model at reference day `asOf`. */
export function composeHousehold(rng: Rng, model: ProvinceModel, asOf: string): HouseholdCore {
  const commune = model.communeTable.pick(rng);
  const ethnicCode = commune.ethnicity.pick(rng);
  const status = statusOf(rng, commune, ethnicCode);
  const size = HOUSEHOLD_SIZES.pick(rng);
  const drafts = draftMembers(rng, size);
  const ethnic = drafts.map((d) =>
    d.role === 'spouse' && rng.chance(0.08) ? commune.ethnicity.pick(rng) : ethnicCode,
  );
  const family = drafts.map((d, i) => drawFamilyName(rng, nameStyleOf(ethnic[i] ?? ethnicCode)));
  // Children carry the father's family name: the male head, else a male spouse, else the head's.
  const fatherIndex = drafts.findIndex((d) => (d.role === 'head' || d.role === 'spouse') && d.sex === 'male');
  const paternal = family[fatherIndex === -1 ? 0 : fatherIndex] ?? family[0] ?? '';
  const motherIndex = drafts.findIndex(
    (d) => (d.role === 'head' || d.role === 'spouse') && d.sex === 'female',
  );
  const maternal = motherIndex === -1 ? null : (family[motherIndex] ?? null);
  const members = drafts.map((d, i): MemberCore => {
    const birthDate = birthDateFor(rng, d.age, asOf);
    const birthplace = birthplaceFor(rng, model, commune, birthDate, d.age);
    let familyName = family[i] ?? paternal;
    if (d.role === 'child' || d.role === 'grandchild') familyName = paternal;
    else if (d.role === 'parent' && d.sex === 'male') familyName = family[0] ?? familyName;
    else if (d.role === 'relative' && rng.chance(0.6)) familyName = family[0] ?? familyName;
    const motherFamilyName = d.role === 'child' ? maternal : null;
    return {
      role: d.role,
      sex: d.sex,
      age: d.age,
      birthDate,
      birthplace,
      ethnicCode: ethnic[i] ?? ethnicCode,
      familyName,
      motherFamilyName,
    };
  });
  return { commune, ethnicCode, status, members };
}
