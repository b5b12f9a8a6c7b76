import type { FacilityLevel } from './profile.ts';

export type { FacilityLevel } from './profile.ts';

export type SynthSex = 'male' | 'female';

export interface SynthAddress {
  /** 2026 province code (`92`). */
  readonly provinceCode: string;
  /** 2026 5-digit commune code. */
  readonly communeCode: string;
  /** House number and street, or hamlet ("45/12 Trần Hưng Đạo, khu vực 3"; "Tổ 4, ấp Tân Long A"). */
  readonly line: string;
}

export interface SynthBhytCard {
  /** 15 characters: object group (2 letters), benefit level (1–5), province (2 digits), mã số BHXH (10 digits). */
  readonly code: string;
  readonly objectGroup: string;
  readonly benefitLevel: number;
  /** 10-digit mã số BHXH, unique per person. */
  readonly bhxhNumber: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** MA_DKBD: the facility of first registration (a commune station or district centre). */
  readonly initialFacilityCode: string;
  /** "Thời điểm đủ 5 năm liên tục" printed on the card, or null. */
  readonly fiveYearsFrom: string | null;
}

/**
 * A person record. Generated residents always have a personal ID, household and phone; the
 * near-duplicate records of `generateDuplicateSet` may lack them (hence the nullable fields).
 */
export interface SynthPersonRecord {
  /** Deterministic UUID from seed + index. */
  readonly id: string;
  readonly personalId: string | null;
  readonly fullName: string;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly sex: SynthSex;
  /** GSO ethnic code (`01` Kinh, `04` Hoa, `05` Khơ-me…). */
  readonly ethnicCode: string;
  readonly address: SynthAddress;
  readonly phone: string | null;
  readonly householdId: string | null;
  readonly bhyt: SynthBhytCard | null;
  /** Old 9-digit CMND, for some adults born before 1990. */
  readonly oldCmnd: string | null;
}

/** A generated resident. */
export interface SynthPerson extends SynthPersonRecord {
  readonly personalId: string;
  readonly phone: string;
  readonly householdId: string;
  /** Position in the generated stream (0-based); `id` is derived from it. */
  readonly index: number;
}

export interface SynthFacility {
  /** 5 characters: province code + 3 digits; unique and stable for a seed. */
  readonly code: string;
  readonly name: string;
  readonly level: FacilityLevel;
  readonly provinceCode: string;
  readonly communeCode: string;
  /** Stations → their district centre; centres, hospitals and clinics → null (the Sở Y tế). */
  readonly parentCode: string | null;
  readonly status: 'active';
}
