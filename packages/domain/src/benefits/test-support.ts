// Shared fixtures for the benefits tests (not exported from index.ts).
import { parseBhytCode, type BhytCode } from '../identifiers/bhyt-code.ts';
import type {
  EligibilityCard,
  EligibilityFacility,
  EligibilityInput,
  EligibilityVisit,
} from './eligibility-types.ts';

export function code(text: string, initialFacilityCode?: string): BhytCode {
  const r = parseBhytCode(text, initialFacilityCode === undefined ? {} : { initialFacilityCode });
  if (!r.ok) throw new Error(`fixture card code ${text} does not parse`);
  return r.value;
}

/** Level-4 (80 %) card registered at 92001 (Cần Thơ), valid 2010–2030. */
export const CARD: EligibilityCard = {
  code: code('HS4920123456789'),
  validFrom: '2010-01-01',
  validTo: '2030-12-31',
  initialFacilityCode: '92001',
  fiveYearsFrom: null,
};

export const FACILITIES = {
  registered: { code: '92001', provinceCode: '92', level: 'district_centre' },
  communeSame: { code: '92123', provinceCode: '92', level: 'commune_station' },
  communeOther: { code: '79123', provinceCode: '79', level: 'commune_station' },
  districtSame: { code: '92002', provinceCode: '92', level: 'district_centre' },
  districtOther: { code: '79002', provinceCode: '79', level: 'district_centre' },
  provincialOther: { code: '79003', provinceCode: '79', level: 'provincial_hospital' },
  provincialSpecialised: {
    code: '79004',
    provinceCode: '79',
    level: 'provincial_hospital',
    technicalLevel: 'chuyen_sau',
  },
  central: { code: '01001', provinceCode: '01', level: 'central_hospital', technicalLevel: 'chuyen_sau' },
  privateBasicUnscored: {
    code: '79005',
    provinceCode: '79',
    level: 'private_clinic',
    technicalLevel: 'co_ban',
    formerLevel: 'commune',
  },
} as const satisfies Record<string, EligibilityFacility>;

export type FacilityName = keyof typeof FACILITIES;

export const OUTPATIENT: EligibilityVisit = { kind: 'outpatient', hasReferral: false };
export const INPATIENT: EligibilityVisit = { kind: 'inpatient', hasReferral: false };
export const EMERGENCY: EligibilityVisit = { kind: 'emergency', hasReferral: false };

export function input(
  visitDate: string,
  facility: EligibilityFacility,
  visit: EligibilityVisit = OUTPATIENT,
  card: Partial<EligibilityCard> = {},
): EligibilityInput {
  return { card: { ...CARD, ...card }, visitDate, facility, visit };
}
