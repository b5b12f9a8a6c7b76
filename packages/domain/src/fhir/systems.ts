/**
 * Identifier systems and code systems of the FHIR view, as data. Each URI is a public contract:
 * once a client stores it, it must never change. Where the community VN Core IG of HL7 Vietnam
 * (fhir.hl7.org.vn/core, draft 0.x, 2026) defines a NamingSystem we use its URI; where it does not,
 * the platform defines one under https://fhir.suckhoe.vn (stated per row).
 */

export const PLATFORM_BASE = 'https://fhir.suckhoe.vn';

export interface IdentifierSystem {
  /** The registry's identifier system (person_identifier.system), or a platform-only key. */
  readonly key: string;
  readonly uri: string;
  readonly label: string;
  /** v2-0203 identifier type code. */
  readonly typeCode: string;
  readonly source: string;
}

const VN_CORE = 'HL7 Vietnam VN Core IG (draft), NamingSystem';

export const IDENTIFIER_SYSTEMS: readonly IdentifierSystem[] = [
  {
    key: 'personalId',
    uri: 'http://fhir.hl7.org.vn/core/sid/cccd',
    label: 'Số định danh cá nhân (CCCD)',
    typeCode: 'NI',
    source: `${VN_CORE} vn-cccd-ns`,
  },
  {
    key: 'cmnd',
    uri: 'http://fhir.hl7.org.vn/core/sid/cmnd',
    label: 'Chứng minh nhân dân (cũ)',
    typeCode: 'NNVNM',
    source: `${VN_CORE} vn-cmnd-ns (retired)`,
  },
  {
    key: 'bhyt',
    uri: 'http://fhir.hl7.org.vn/core/sid/bhyt',
    label: 'Mã thẻ BHYT',
    typeCode: 'SB',
    source: `${VN_CORE} (SearchParameter vn-sp-coverage-bhyt)`,
  },
  {
    key: 'bhxh',
    uri: `${PLATFORM_BASE}/sid/bhxh`,
    label: 'Mã số BHXH',
    typeCode: 'SB',
    source: 'platform (no VN Core NamingSystem found)',
  },
  {
    key: 'passport',
    uri: 'http://fhir.hl7.org.vn/core/sid/passport',
    label: 'Hộ chiếu',
    typeCode: 'PPN',
    source: `${VN_CORE} vn-passport-ns`,
  },
  {
    key: 'cancelledPersonalId',
    uri: `${PLATFORM_BASE}/sid/cancelled-personal-id`,
    label: 'Số định danh đã hủy',
    typeCode: 'NI',
    source: 'platform',
  },
  {
    key: 'bhytTemp',
    uri: `${PLATFORM_BASE}/sid/bhyt-temporary`,
    label: 'Mã thẻ BHYT tạm (trẻ sơ sinh)',
    typeCode: 'SB',
    source: 'platform',
  },
  {
    key: 'vneid',
    uri: 'http://fhir.hl7.org.vn/core/sid/vneid',
    label: 'Tài khoản VNeID',
    typeCode: 'AN',
    source: `${VN_CORE} vn-vneid-ns (retired)`,
  },
  {
    key: 'platform',
    uri: `${PLATFORM_BASE}/sid/person`,
    label: 'Mã người dân trên nền tảng',
    typeCode: 'PI',
    source: 'platform',
  },
];

const BY_KEY = new Map(IDENTIFIER_SYSTEMS.map((s) => [s.key, s]));
const BY_URI = new Map(IDENTIFIER_SYSTEMS.map((s) => [s.uri, s]));

export const identifierSystemByKey = (key: string): IdentifierSystem | undefined => BY_KEY.get(key);
export const identifierSystemByUri = (uri: string): IdentifierSystem | undefined => BY_URI.get(uri);

/** Other identifier systems of the platform (facilities, practitioners, episodes, documents). */
export const SID = {
  facility: 'http://fhir.hl7.org.vn/core/sid/ma-cskcb',
  practitioner: 'http://fhir.hl7.org.vn/core/sid/cchn',
  maLk: 'http://fhir.hl7.org.vn/core/sid/ma-lk',
  referralNo: `${PLATFORM_BASE}/sid/so-chuyen-tuyen`,
  appointmentNo: `${PLATFORM_BASE}/sid/so-giay-hen`,
  documentNo: `${PLATFORM_BASE}/sid/so-chung-tu`,
  envelope: `${PLATFORM_BASE}/sid/xml-envelope-sha256`,
  facilityPatient: `${PLATFORM_BASE}/sid/ma-bn`,
} as const;

/** Code systems. */
export const CS = {
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd9cm: 'http://hl7.org/fhir/sid/icd-9-cm',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  ucum: 'http://unitsofmeasure.org',
  v2IdType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  diagnosisRole: 'http://terminology.hl7.org/CodeSystem/diagnosis-role',
  organizationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  medicationRequestCategory: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
  documentClass: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
  v3RoleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  dischargeDisposition: 'http://terminology.hl7.org/CodeSystem/discharge-disposition',
  /** XML 130 code lists, one CodeSystem per list: `${xml130}/MA_LOAI_KCB`. */
  xml130: `${PLATFORM_BASE}/CodeSystem/xml130`,
  /** DMDC service codes (MA_DICH_VU) and drug codes (MA_THUOC) as the facility sent them. */
  serviceCode: `${PLATFORM_BASE}/CodeSystem/ma-dich-vu`,
  drugCode: `${PLATFORM_BASE}/CodeSystem/ma-thuoc`,
  labIndicator: `${PLATFORM_BASE}/CodeSystem/ma-chi-so`,
  documentKind: `${PLATFORM_BASE}/CodeSystem/xml130-document`,
  facilityLevel: `${PLATFORM_BASE}/CodeSystem/facility-level`,
} as const;

/** Extensions. */
export const EXT = {
  province: 'http://fhir.hl7.org.vn/core/StructureDefinition/vn-ext-province',
  commune: `${PLATFORM_BASE}/StructureDefinition/commune-code`,
  ethnicity: 'http://fhir.hl7.org.vn/core/StructureDefinition/vn-ext-ethnicity',
  provenance: `${PLATFORM_BASE}/StructureDefinition/xml130-provenance`,
} as const;

/** Label of an identifier system: the registry's, else the URI itself. */
export function identifierLabel(system: string): string {
  return BY_KEY.get(system)?.label ?? BY_URI.get(system)?.label ?? system;
}
