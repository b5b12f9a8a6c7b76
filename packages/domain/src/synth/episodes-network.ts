/**
 * Where people of a commune go for care (their station, their former district's medical centre, the
 * hospitals of their former province by specialty, a private clinic) and who works there (licence
 * codes and names of the staff that sign the synthetic records).
 */
import type { Specialty } from './episodes-conditions.ts';
import { facilityPlan, type FacilityPlan } from './facilities.ts';
import { streamKey, type Rng, type Seed, type StreamKey } from './prng.ts';
import { provinceModel, type ProvinceModel } from './province-model.ts';
import type { SynthFacility } from './types.ts';

const SPECIALTY_PATTERNS: readonly (readonly [Specialty, RegExp])[] = [
  ['paediatric', /Nhi/],
  ['obstetric', /Phụ sản|Sản/],
  ['cardio', /Tim mạch/],
  ['eye', /Mắt/],
  ['skin', /Da liễu/],
  ['lung', /Lao/],
  ['general', /Đa khoa/],
];

/** Names of the (fictional) staff who sign records; licence codes are generated per facility. */
const STAFF_NAMES = [
  'Nguyễn Văn Hùng',
  'Trần Thị Mỹ Linh',
  'Lê Hoàng Phúc',
  'Phạm Thị Ngọc Hân',
  'Huỳnh Minh Trí',
  'Võ Thị Thanh Thảo',
  'Đặng Quốc Bảo',
  'Bùi Thị Kim Ngân',
  'Dương Văn Khải',
  'Lâm Thị Bích Tuyền',
  'Châu Minh Tâm',
  'Ngô Thị Hồng Nhung',
  'Trương Công Danh',
  'Thạch Thị Sa Rinh',
  'Lý Văn Sơn',
  'Tạ Thị Diễm My',
] as const;

export interface Staff {
  /** Practising-licence codes (MA_BAC_SI / NGUOI_THUC_HIEN), e.g. `004512/CT-CCHN`. */
  readonly codes: readonly string[];
  readonly names: readonly string[];
  /** Head of the facility (MA_TTDV). */
  readonly head: string;
}

export type Role = 'station' | 'centre' | 'hospital' | 'clinic';

export function roleOf(f: SynthFacility): Role {
  switch (f.level) {
    case 'commune_station':
      return 'station';
    case 'district_centre':
      return 'centre';
    case 'private_clinic':
      return 'clinic';
    case 'central_hospital':
    case 'provincial_hospital':
      return 'hospital';
  }
}

export class CareNetwork {
  readonly plan: FacilityPlan;
  readonly model: ProvinceModel;
  private readonly hospitals: readonly { f: SynthFacility; specialties: Specialty[]; legacy: string }[];
  private readonly clinics: readonly SynthFacility[];
  private readonly staffKey: StreamKey;
  private readonly staffCache = new Map<string, Staff>();

  constructor(provinceCode: string, seed: Seed) {
    this.plan = facilityPlan({ provinceCode, seed });
    this.model = provinceModel(provinceCode);
    this.staffKey = streamKey(seed, `staff:${provinceCode}`);
    this.hospitals = this.plan.facilities
      .filter((f) => roleOf(f) === 'hospital')
      .map((f) => ({
        f,
        specialties: SPECIALTY_PATTERNS.filter(([, re]) => re.test(f.name)).map(([s]) => s),
        legacy: this.legacyOf(f.communeCode),
      }));
    this.clinics = this.plan.facilities.filter((f) => roleOf(f) === 'clinic');
  }

  private legacyOf(communeCode: string): string {
    return (
      this.model.communeByCode.get(communeCode)?.district.legacyProvinceCode ??
      this.model.profile.provinceCode
    );
  }

  station(communeCode: string): SynthFacility {
    const s = this.plan.stationByCommune.get(communeCode);
    if (!s) throw new RangeError(`No station for commune ${communeCode}`);
    return s;
  }

  centre(communeCode: string): SynthFacility {
    const district = this.model.communeByCode.get(communeCode)?.district.code ?? '';
    return this.plan.centreByDistrict.get(district) ?? this.station(communeCode);
  }

  /** A hospital of this specialty, preferring those of the patient's former province. */
  hospital(communeCode: string, specialty: Specialty, rng: Rng): SynthFacility {
    const legacy = this.legacyOf(communeCode);
    const of = (s: Specialty) => this.hospitals.filter((h) => h.specialties.includes(s));
    const candidates = of(specialty).length > 0 ? of(specialty) : of('general');
    const local = candidates.filter((h) => h.legacy === legacy);
    const pool = local.length > 0 ? local : candidates;
    if (pool.length === 0) return this.centre(communeCode);
    // Specialised hospitals do not take general patients from far away; the central hospital takes some.
    return rng.pick(pool).f;
  }

  clinic(rng: Rng): SynthFacility {
    return rng.pick(this.clinics);
  }

  /** The referral target from `from` for a patient of `communeCode`. */
  referralTarget(from: SynthFacility, communeCode: string, specialty: Specialty, rng: Rng): SynthFacility {
    const role = roleOf(from);
    if (role === 'station' || role === 'clinic') {
      return rng.chance(0.7) ? this.centre(communeCode) : this.hospital(communeCode, specialty, rng);
    }
    if (role === 'centre') return this.hospital(communeCode, specialty, rng);
    const central = this.hospitals.find((h) => h.f.level === 'central_hospital');
    return central && central.f.code !== from.code ? central.f : this.hospital(communeCode, 'general', rng);
  }

  staff(f: SynthFacility): Staff {
    let s = this.staffCache.get(f.code);
    if (!s) {
      const role = roleOf(f);
      const n = role === 'hospital' ? 12 : role === 'centre' ? 6 : role === 'clinic' ? 3 : 2;
      const rng = this.staffKey.child(f.code).at(0);
      const codes = Array.from(
        { length: n },
        () => `${String(rng.range(1, 15000)).padStart(6, '0')}/CT-CCHN`,
      );
      const names = Array.from({ length: n }, () => rng.pick(STAFF_NAMES));
      s = { codes, names, head: codes[0] ?? '000001/CT-CCHN' };
      this.staffCache.set(f.code, s);
    }
    return s;
  }
}
