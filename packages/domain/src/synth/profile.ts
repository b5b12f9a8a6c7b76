/**
 * A province profile: the data a synthetic population of one province is drawn from. Only Cần Thơ
 * (92) ships today (`cantho.ts`); see README.md for adding another province.
 */

export type FacilityLevel =
  'central_hospital' | 'provincial_hospital' | 'district_centre' | 'commune_station' | 'private_clinic';

/** A former (pre-07/2025) district: the catchment of one regional medical centre. */
export interface ProfileDistrict {
  /** Legacy 3-digit district code (GSO), e.g. `916` Ninh Kiều. */
  readonly code: string;
  readonly name: string;
  /** Legacy 2-digit province code of the district (92 Cần Thơ, 93 Hậu Giang, 94 Sóc Trăng…). */
  readonly legacyProvinceCode: string;
  /** Name of the district's medical centre ("Trung tâm Y tế khu vực Ninh Kiều"). */
  readonly centreName: string;
  /** 2026 commune where the centre stands. */
  readonly seatCommuneCode: string;
}

/** A 2026 commune of the province with its former district and an indicative population. */
export interface ProfileCommune {
  readonly code: string;
  readonly districtCode: string;
  /** Population as published in the source (may be flagged / implausible). */
  readonly population: number;
}

export interface ProfileHospital {
  readonly key: string;
  readonly name: string;
  readonly level: 'central_hospital' | 'provincial_hospital';
  readonly communeCode: string;
}

/** Ethnic mix as relative weights by GSO code (`01` Kinh, `04` Hoa, `05` Khơ-me…). */
export type EthnicMix = Readonly<Record<string, number>>;

export interface ProvinceProfile {
  readonly provinceCode: string;
  readonly name: string;
  /** Old CMND (9-digit) prefix used by the police of the area (Cần Thơ / Hậu Giang / Sóc Trăng: 36). */
  readonly cmndPrefix: string;
  readonly districts: readonly ProfileDistrict[];
  readonly communes: readonly ProfileCommune[];
  readonly hospitals: readonly ProfileHospital[];
  /** Ethnic mix by legacy province code, optionally overridden per legacy district code. */
  readonly ethnicMixByLegacyProvince: Readonly<Record<string, EthnicMix>>;
  readonly ethnicMixByDistrict: Readonly<Record<string, EthnicMix>>;
  /**
   * Where people living here were born when not in their own legacy province: relative weights of
   * 3-digit birth-registration codes (`0` + legacy province code, or a country code for abroad).
   */
  readonly migrantBirthplaces: Readonly<Record<string, number>>;
  /** Country codes (TT 07/2016 Phụ lục II numbering, UNCONFIRMED) for births registered abroad. */
  readonly abroadBirthplaces: Readonly<Record<string, number>>;
  /**
   * Sampling weights replacing source populations that are flagged or look truncated
   * (commune code → corrected population), each with its reason in the profile's comments.
   */
  readonly populationCorrections: Readonly<Record<string, number>>;
}
