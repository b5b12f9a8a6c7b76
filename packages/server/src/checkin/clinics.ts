import type { EligibilityFacilityLevel } from '@suckhoe/domain';

/** A clinic (phòng khám) of a facility: one queue, one examination service for XML0. */
export interface Clinic {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string | null;
  /** MA_DICH_VU of the examination, the first chargeable item of the visit (XML0); null = not declared. */
  readonly serviceCode: string | null;
  readonly serviceName: string | null;
  /** The clinic's usual pace, used for wait estimates until enough patients were called in the last hour. */
  readonly minutesPerPatient: number;
}

type Entry = Omit<Clinic, 'nameEn'> & { readonly nameEn: string };

/**
 * Default clinics for a facility that has no rows in the `clinic` table, by facility level. Data, not
 * code: a facility declares its own clinics (and their service codes) in `clinic`.
 * Service codes: `02.03` "Khám Nội tổng hợp" and `10.19` "Khám Ngoại tổng hợp" are the codes of a
 * real 2026 Cần Thơ-area claim file (shared/samples/xml130/real-redacted, XML3); the other clinics'
 * codes are not known here and are left null (XML0 then lacks MA_DICH_VU and says so).
 */
// prettier-ignore
const HOSPITAL: readonly Entry[] = [
  { code: 'K01', name: 'Khám Nội', nameEn: 'Internal medicine', serviceCode: '02.03', serviceName: 'Khám Nội tổng hợp', minutesPerPatient: 6 },
  { code: 'K02', name: 'Khám Ngoại', nameEn: 'Surgery', serviceCode: '10.19', serviceName: 'Khám Ngoại tổng hợp', minutesPerPatient: 8 },
  { code: 'K03', name: 'Khám Nhi', nameEn: 'Paediatrics', serviceCode: null, serviceName: 'Khám Nhi', minutesPerPatient: 6 },
  { code: 'K04', name: 'Khám Sản phụ khoa', nameEn: 'Obstetrics and gynaecology', serviceCode: null, serviceName: 'Khám Phụ sản', minutesPerPatient: 10 },
  { code: 'K05', name: 'Khám Tai Mũi Họng', nameEn: 'Ear, nose and throat', serviceCode: null, serviceName: 'Khám Tai Mũi Họng', minutesPerPatient: 8 },
  { code: 'K06', name: 'Khám Răng Hàm Mặt', nameEn: 'Dentistry', serviceCode: null, serviceName: 'Khám Răng Hàm Mặt', minutesPerPatient: 12 },
  { code: 'K07', name: 'Khám Mắt', nameEn: 'Ophthalmology', serviceCode: null, serviceName: 'Khám Mắt', minutesPerPatient: 8 },
  { code: 'K08', name: 'Khám Y học cổ truyền', nameEn: 'Traditional medicine', serviceCode: null, serviceName: 'Khám Y học cổ truyền', minutesPerPatient: 10 },
];

// prettier-ignore
const STATION: readonly Entry[] = [
  { code: 'K01', name: 'Khám bệnh đa khoa', nameEn: 'General consultation', serviceCode: null, serviceName: 'Khám bệnh', minutesPerPatient: 8 },
  { code: 'K02', name: 'Khám và quản lý bệnh mạn tính', nameEn: 'Chronic disease follow-up', serviceCode: null, serviceName: 'Khám bệnh', minutesPerPatient: 8 },
  { code: 'K03', name: 'Khám thai, sức khỏe sinh sản', nameEn: 'Antenatal and reproductive health', serviceCode: null, serviceName: 'Khám thai', minutesPerPatient: 10 },
  { code: 'K04', name: 'Y học cổ truyền', nameEn: 'Traditional medicine', serviceCode: null, serviceName: 'Khám Y học cổ truyền', minutesPerPatient: 10 },
];

const CLINIC_DEFAULTS: Readonly<Record<EligibilityFacilityLevel, readonly Entry[]>> = {
  central_hospital: HOSPITAL,
  provincial_hospital: HOSPITAL,
  district_centre: HOSPITAL,
  commune_station: STATION,
  private_clinic: HOSPITAL.slice(0, 3),
};

export function defaultClinics(level: EligibilityFacilityLevel): readonly Clinic[] {
  return CLINIC_DEFAULTS[level];
}
