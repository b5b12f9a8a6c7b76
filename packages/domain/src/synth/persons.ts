import { communePlaces, drawAddressLine, type CommunePlaces } from './addresses.ts';
import { drawCard, drawObjectGroup } from './bhyt.ts';
import { isIsoDate } from './dates.ts';
import { facilityPlan, type FacilityPlan } from './facilities.ts';
import {
  composeHousehold,
  nameStyleOf,
  type HouseholdCore,
  type HouseholdRole,
  type MemberCore,
} from './households.ts';
import { CMND_PREFIX_BY_BIRTHPLACE, IndexNumbers, PersonalIdAllocator } from './identifiers.ts';
import { composeFullName, drawPersonalNames } from './names.ts';
import { drawMobile } from './phone.ts';
import { streamKey, type Rng, type Seed, type StreamKey } from './prng.ts';
import { provinceModel, type ModelCommune, type ProvinceModel } from './province-model.ts';
import type { SynthBhytCard, SynthPerson } from './types.ts';
import { synthUuid } from './uuid.ts';

/** Reference day of generated data when the caller gives none (ages, card validity). */
export const DEFAULT_AS_OF = '2026-11-01';

export interface GeneratePersonsOptions {
  /** 2026 province code; only provinces with a profile (`92`) are supported. */
  readonly provinceCode: string;
  /** Number of persons to yield. */
  readonly count: number;
  readonly seed: Seed;
  /**
   * Index of the first person to yield (default 0). Person `i` is the same whatever the start, so
   * a large population can be produced in chunks; skipping costs O(startIndex) (the personal-ID
   * counters of the skipped persons are replayed, without building them).
   */
  readonly startIndex?: number;
  /** Reference day `YYYY-MM-DD` for ages and card validity (default `DEFAULT_AS_OF`). */
  readonly asOf?: string;
}

/** A generated resident with their household role (extra, not part of the Person JSON). */
export interface SynthResident extends SynthPerson {
  readonly householdRole: HouseholdRole;
}

class Context {
  readonly model: ProvinceModel;
  readonly asOf: string;
  readonly facilities: FacilityPlan;
  readonly householdKey: StreamKey;
  readonly personKey: StreamKey;
  readonly phoneKey: StreamKey;
  readonly addressKey: StreamKey;
  readonly placesKey: StreamKey;
  readonly personIdKey: StreamKey;
  readonly householdIdKey: StreamKey;
  readonly ids: PersonalIdAllocator;
  readonly numbers: IndexNumbers;
  private readonly places = new Map<string, CommunePlaces>();

  constructor(options: GeneratePersonsOptions) {
    this.model = provinceModel(options.provinceCode);
    this.asOf = options.asOf ?? DEFAULT_AS_OF;
    if (!isIsoDate(this.asOf)) throw new RangeError(`asOf must be YYYY-MM-DD, got ${this.asOf}`);
    const p = this.model.profile.provinceCode;
    this.facilities = facilityPlan({ provinceCode: p, seed: options.seed });
    const key = (label: string): StreamKey => streamKey(options.seed, `${label}:${p}`);
    this.householdKey = key('household');
    this.personKey = key('person');
    this.phoneKey = key('phone');
    this.addressKey = key('address');
    this.placesKey = key('places');
    this.personIdKey = key('person-uuid');
    this.householdIdKey = key('household-uuid');
    this.ids = new PersonalIdAllocator(key('personal-id'));
    this.numbers = new IndexNumbers(key('numbers'));
  }

  placesOf(commune: ModelCommune): CommunePlaces {
    let places = this.places.get(commune.code);
    if (!places) {
      places = communePlaces(this.placesKey.child(commune.code).at(0), commune);
      this.places.set(commune.code, places);
    }
    return places;
  }

  household(h: number): HouseholdCore {
    return composeHousehold(this.householdKey.at(h), this.model, this.asOf);
  }

  phoneOf(index: number): string {
    return drawMobile(this.phoneKey.at(index));
  }

  initialFacility(rng: Rng, commune: ModelCommune): string {
    const station = this.facilities.stationByCommune.get(commune.code);
    const centre = this.facilities.centreByDistrict.get(commune.district.code);
    const x = rng.float();
    if (x < 0.65 && station) return station.code;
    if (x < 0.72) {
      const siblings = this.model.communesByDistrict.get(commune.district.code) ?? [];
      const other =
        siblings.length > 0 ? this.facilities.stationByCommune.get(rng.pick(siblings).code) : undefined;
      if (other) return other.code;
    }
    return (centre ?? station)?.code ?? `${this.model.profile.provinceCode}000`;
  }
}

/** Position of the member whose phone a child or an old person gives (mother, else head). */
function guardianPosition(members: readonly MemberCore[], k: number): number | null {
  const m = members[k];
  if (!m) return null;
  if (m.age < 15) {
    const mother = members.findIndex((x) => (x.role === 'head' || x.role === 'spouse') && x.sex === 'female');
    const guardian = mother !== -1 ? mother : 0;
    return guardian === k ? null : guardian;
  }
  return null;
}

function buildPerson(
  ctx: Context,
  hh: HouseholdCore,
  h: number,
  firstIndex: number,
  k: number,
  personalId: string,
): SynthResident {
  const member = hh.members[k];
  if (!member) throw new RangeError(`Household ${h} has no member ${k}`);
  const index = firstIndex + k;
  const rng = ctx.personKey.at(index);
  const birthYear = Number(member.birthDate.slice(0, 4));
  const names = drawPersonalNames(
    rng,
    member.sex,
    birthYear,
    nameStyleOf(member.ethnicCode),
    member.motherFamilyName ?? undefined,
  );
  const fullName = composeFullName(member.familyName, names);

  const guardian = guardianPosition(hh.members, k);
  let phone = ctx.phoneOf(guardian === null ? index : firstIndex + guardian);
  if (guardian === null && member.age >= 75 && member.role !== 'head' && rng.chance(0.6))
    phone = ctx.phoneOf(firstIndex);

  const addressRng = ctx.addressKey.at(h);
  const line = drawAddressLine(addressRng, ctx.placesOf(hh.commune));

  const group = drawObjectGroup(rng, {
    age: member.age,
    sex: member.sex,
    birthDate: member.birthDate,
    status: hh.status,
  });
  let bhyt: SynthBhytCard | null = null;
  if (group !== null) {
    const legacy = hh.commune.district.legacyProvinceCode;
    const domestic = member.birthplace.startsWith('0');
    const prefix = domestic && rng.chance(0.1) ? member.birthplace.slice(1) : legacy;
    bhyt = drawCard(rng, {
      group,
      holder: { age: member.age, sex: member.sex, birthDate: member.birthDate, status: hh.status },
      provinceCode: ctx.model.profile.provinceCode,
      bhxhNumber: ctx.numbers.bhxhNumber(prefix, index),
      initialFacilityCode: ctx.initialFacility(rng, hh.commune),
      asOf: ctx.asOf,
    });
  }

  let oldCmnd: string | null = null;
  if (birthYear < 1990 && rng.chance(0.55)) {
    const prefix = rng.chance(0.85)
      ? ctx.model.profile.cmndPrefix
      : (CMND_PREFIX_BY_BIRTHPLACE[member.birthplace] ?? ctx.model.profile.cmndPrefix);
    oldCmnd = ctx.numbers.cmndNumber(prefix, index);
  }

  return {
    id: synthUuid(ctx.personIdKey, index),
    index,
    personalId,
    fullName,
    birthDate: member.birthDate,
    sex: member.sex,
    ethnicCode: member.ethnicCode,
    address: { provinceCode: ctx.model.profile.provinceCode, communeCode: hh.commune.code, line },
    phone,
    householdId: synthUuid(ctx.householdIdKey, h),
    householdRole: member.role,
    bhyt,
    oldCmnd,
  };
}

/**
 * Stream synthetic residents of a province: households of 1–6 persons sharing an address, with
 * a realistic age pyramid, names, personal IDs, BHYT cards (≈ 9 % without), phones. Memory stays
 * flat however many are generated. Deterministic for (seed, provinceCode, asOf, index).
 */
export function* generatePersons(options: GeneratePersonsOptions): Generator<SynthResident, void, undefined> {
  const start = options.startIndex ?? 0;
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`startIndex must be ≥ 0, got ${start}`);
  if (!Number.isSafeInteger(options.count) || options.count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${options.count}`);
  }
  const ctx = new Context(options);
  const end = start + options.count;
  let index = 0;
  for (let h = 0; index < end; h++) {
    const hh = ctx.household(h);
    const firstIndex = index;
    for (let k = 0; k < hh.members.length && index < end; k++, index++) {
      const m = hh.members[k];
      if (!m) continue;
      const personalId = ctx.ids.next(m.birthplace, m.sex, Number(m.birthDate.slice(0, 4)));
      if (index >= start) yield buildPerson(ctx, hh, h, firstIndex, k, personalId);
    }
  }
}
