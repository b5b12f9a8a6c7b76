import { streamKey, type Rng, type Seed } from './prng.ts';
import { provinceModel, type ProvinceModel } from './province-model.ts';
import type { SynthFacility } from './types.ts';

export interface GenerateFacilitiesOptions {
  /** 2026 province code; only provinces with a profile (`92`) are supported. */
  readonly provinceCode: string;
  readonly seed: Seed;
}

/** Facilities plus the lookups person generation needs (station per commune, centre per former district). */
export interface FacilityPlan {
  readonly facilities: readonly SynthFacility[];
  readonly stationByCommune: ReadonlyMap<string, SynthFacility>;
  readonly centreByDistrict: ReadonlyMap<string, SynthFacility>;
}

/** Names for synthetic private clinics (fictional). */
const PRIVATE_CLINIC_NAMES = [
  'Phòng khám Đa khoa Tâm Đức',
  'Phòng khám Đa khoa An Phúc',
  'Phòng khám Đa khoa Minh Tâm',
  'Phòng khám Đa khoa Phước Thiện',
  'Phòng khám Đa khoa Hòa An',
  'Phòng khám Đa khoa Thiện Nhân',
  'Phòng khám Đa khoa Cửu Long',
  'Phòng khám Đa khoa Tây Đô',
  'Phòng khám Đa khoa Sông Hậu',
  'Phòng khám Đa khoa Bình An',
  'Phòng khám Đa khoa Nam Sông Hậu',
  'Phòng khám Đa khoa Hồng Phúc',
] as const;
const PRIVATE_CLINIC_COUNT = 6;

/** `count` distinct numbers from [lo, hi], ascending. */
function distinctSorted(rng: Rng, count: number, lo: number, hi: number): number[] {
  if (hi - lo + 1 < count) throw new RangeError(`Not enough facility numbers in ${lo}–${hi} for ${count}`);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(rng.range(lo, hi));
  return [...chosen].sort((a, b) => a - b);
}

function stationName(communeFullName: string): string {
  const [kind = '', ...rest] = communeFullName.split(' ');
  return `Trạm Y tế ${kind.toLocaleLowerCase('vi')} ${rest.join(' ')}`;
}

function plan(model: ProvinceModel, seed: Seed): FacilityPlan {
  const p = model.profile.provinceCode;
  const rng = streamKey(seed, `facility:${p}`).at(0);
  const code = (n: number): string => `${p}${String(n).padStart(3, '0')}`;
  const facilities: SynthFacility[] = [];
  const base = { provinceCode: p, status: 'active' as const };

  const hospitals = [...model.profile.hospitals].sort(
    (a, b) => Number(b.level === 'central_hospital') - Number(a.level === 'central_hospital'),
  );
  const hospitalNumbers = distinctSorted(rng, hospitals.length, 1, 40);
  hospitals.forEach((h, i) => {
    facilities.push({
      ...base,
      code: code(hospitalNumbers[i] ?? 0),
      name: h.name,
      level: h.level,
      communeCode: h.communeCode,
      parentCode: null,
    });
  });

  const centreByDistrict = new Map<string, SynthFacility>();
  const centreNumbers = distinctSorted(rng, model.profile.districts.length, 41, 99);
  model.profile.districts.forEach((d, i) => {
    const f: SynthFacility = {
      ...base,
      code: code(centreNumbers[i] ?? 0),
      name: d.centreName,
      level: 'district_centre',
      communeCode: d.seatCommuneCode,
      parentCode: null,
    };
    facilities.push(f);
    centreByDistrict.set(d.code, f);
  });

  const stationByCommune = new Map<string, SynthFacility>();
  const communes = [...model.communes].sort((a, b) => a.code.localeCompare(b.code));
  const stationNumbers = distinctSorted(rng, communes.length, 100, 899);
  communes.forEach((c, i) => {
    const f: SynthFacility = {
      ...base,
      code: code(stationNumbers[i] ?? 0),
      name: stationName(c.fullName),
      level: 'commune_station',
      communeCode: c.code,
      parentCode: centreByDistrict.get(c.district.code)?.code ?? null,
    };
    facilities.push(f);
    stationByCommune.set(c.code, f);
  });

  const names = new Set<string>();
  while (names.size < PRIVATE_CLINIC_COUNT) names.add(rng.pick(PRIVATE_CLINIC_NAMES));
  const clinicNumbers = distinctSorted(rng, PRIVATE_CLINIC_COUNT, 900, 999);
  const urban = model.communes.filter((c) => c.urban);
  [...names].forEach((name, i) => {
    facilities.push({
      ...base,
      code: code(clinicNumbers[i] ?? 0),
      name,
      level: 'private_clinic',
      communeCode: rng.pick(urban.length > 0 ? urban : model.communes).code,
      parentCode: null,
    });
  });
  return { facilities, stationByCommune, centreByDistrict };
}

/** Facilities and lookups for a province and seed (deterministic). */
export function facilityPlan(options: GenerateFacilitiesOptions): FacilityPlan {
  return plan(provinceModel(options.provinceCode), options.seed);
}

/**
 * The health facilities of a province: central and provincial hospitals, one medical centre per
 * former district, one health station per commune, a few private clinics. Codes are the province
 * code + 3 digits, unique, and the same for the same seed.
 */
export function generateFacilities(options: GenerateFacilitiesOptions): SynthFacility[] {
  return [...facilityPlan(options).facilities];
}
