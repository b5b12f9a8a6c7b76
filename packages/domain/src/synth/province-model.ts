import { findCommune } from '../codes/communes.ts';
import { CANTHO_PROFILE } from './cantho.ts';
import type { EthnicMix, ProfileDistrict, ProvinceProfile } from './profile.ts';
import { WeightedTable } from './weighted.ts';

/** A commune ready for sampling: names from the code list, district, weights. */
export interface ModelCommune {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  /** A ward (phường): street addresses; otherwise hamlets (ấp). */
  readonly urban: boolean;
  readonly district: ProfileDistrict;
  /** Weight used for sampling residents (population, corrected where the source is implausible). */
  readonly weight: number;
  readonly ethnicity: WeightedTable<string>;
}

export interface ProvinceModel {
  readonly profile: ProvinceProfile;
  readonly communes: readonly ModelCommune[];
  readonly communeTable: WeightedTable<ModelCommune>;
  readonly communeByCode: ReadonlyMap<string, ModelCommune>;
  readonly communesByDistrict: ReadonlyMap<string, readonly ModelCommune[]>;
  readonly migrantBirthplaces: WeightedTable<string>;
  readonly abroadBirthplaces: WeightedTable<string>;
}

const PROFILES: ReadonlyMap<string, ProvinceProfile> = new Map([
  [CANTHO_PROFILE.provinceCode, CANTHO_PROFILE],
]);
const cache = new Map<string, ProvinceModel>();

/** Province codes with a synthetic-population profile. */
export function supportedProvinces(): readonly string[] {
  return [...PROFILES.keys()];
}

export function findProvinceProfile(provinceCode: string): ProvinceProfile | undefined {
  return PROFILES.get(provinceCode);
}

const mixTable = (mix: EthnicMix): WeightedTable<string> => new WeightedTable(Object.entries(mix));

/** Sampling weights of the communes of a profile: the source population, or its correction. */
export function communeWeights(profile: ProvinceProfile): ReadonlyMap<string, number> {
  return new Map(
    profile.communes.map((c) => [c.code, profile.populationCorrections[c.code] ?? c.population]),
  );
}

/** The sampling model of a province; throws RangeError for a province without a profile. */
export function provinceModel(provinceCode: string): ProvinceModel {
  const cached = cache.get(provinceCode);
  if (cached) return cached;
  const profile = PROFILES.get(provinceCode);
  if (!profile) {
    throw new RangeError(
      `No synthetic-population profile for province ${provinceCode} (supported: ${supportedProvinces().join(', ')})`,
    );
  }
  const districts = new Map(profile.districts.map((d) => [d.code, d]));
  const weights = communeWeights(profile);
  const mixByProvince = new Map(
    Object.entries(profile.ethnicMixByLegacyProvince).map(([k, v]) => [k, mixTable(v)] as const),
  );
  const mixByDistrict = new Map(
    Object.entries(profile.ethnicMixByDistrict).map(([k, v]) => [k, mixTable(v)] as const),
  );
  const communes: ModelCommune[] = profile.communes.map((c) => {
    const unit = findCommune(c.code);
    const district = districts.get(c.districtCode);
    if (!unit || unit.provinceCode !== profile.provinceCode) {
      throw new Error(`Profile ${profile.provinceCode}: commune ${c.code} is not in the 2026 code list`);
    }
    if (!district) throw new Error(`Profile ${profile.provinceCode}: unknown district ${c.districtCode}`);
    const ethnicity = mixByDistrict.get(district.code) ?? mixByProvince.get(district.legacyProvinceCode);
    if (!ethnicity) throw new Error(`Profile ${profile.provinceCode}: no ethnic mix for ${district.code}`);
    return {
      code: c.code,
      name: unit.name,
      fullName: unit.fullName,
      urban: unit.fullName.startsWith('Phường'),
      district,
      weight: weights.get(c.code) ?? 0,
      ethnicity,
    };
  });
  const communesByDistrict = new Map<string, ModelCommune[]>();
  for (const c of communes) {
    const list = communesByDistrict.get(c.district.code);
    if (list) list.push(c);
    else communesByDistrict.set(c.district.code, [c]);
  }
  const model: ProvinceModel = {
    profile,
    communes,
    communeTable: new WeightedTable(communes.map((c) => [c, c.weight] as const)),
    communeByCode: new Map(communes.map((c) => [c.code, c])),
    communesByDistrict,
    migrantBirthplaces: new WeightedTable(Object.entries(profile.migrantBirthplaces)),
    abroadBirthplaces: new WeightedTable(Object.entries(profile.abroadBirthplaces)),
  };
  cache.set(provinceCode, model);
  return model;
}
