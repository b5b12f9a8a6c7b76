/**
 * Observation codes the health book recognises (LOINC, http://loinc.org) and the vital signs that
 * XML 130 carries: XML5.DIEN_BIEN_LS "CSST<M75_T37_HA120/70_NT18>" (QĐ 4750), XML1.CAN_NANG, and
 * XML1.NHOM_MAU (QĐ 3176). LOINC codes are those of the FHIR R4 vital-signs profile (hl7.org/fhir/R4/
 * observation-vitalsigns.html) and of US Core smoking status; the CSST keys M, T, HA, NT are the ones
 * QĐ 4750 shows in its example — CN (weight), CC (height) and SPO2 are assumed spellings.
 */
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';

export interface VitalCode {
  readonly loinc: string;
  readonly display: string;
  readonly label: string;
  readonly unit: string;
  readonly ucum: string;
}

export const VITALS = {
  heartRate: { loinc: '8867-4', display: 'Heart rate', label: 'Mạch', unit: 'lần/phút', ucum: '/min' },
  temperature: { loinc: '8310-5', display: 'Body temperature', label: 'Nhiệt độ', unit: '°C', ucum: 'Cel' },
  respiratoryRate: {
    loinc: '9279-1',
    display: 'Respiratory rate',
    label: 'Nhịp thở',
    unit: 'lần/phút',
    ucum: '/min',
  },
  bloodPressure: {
    loinc: '85354-9',
    display: 'Blood pressure panel with all children optional',
    label: 'Huyết áp',
    unit: 'mmHg',
    ucum: 'mm[Hg]',
  },
  systolic: {
    loinc: '8480-6',
    display: 'Systolic blood pressure',
    label: 'Huyết áp tâm thu',
    unit: 'mmHg',
    ucum: 'mm[Hg]',
  },
  diastolic: {
    loinc: '8462-4',
    display: 'Diastolic blood pressure',
    label: 'Huyết áp tâm trương',
    unit: 'mmHg',
    ucum: 'mm[Hg]',
  },
  weight: { loinc: '29463-7', display: 'Body weight', label: 'Cân nặng', unit: 'kg', ucum: 'kg' },
  height: { loinc: '8302-2', display: 'Body height', label: 'Chiều cao', unit: 'cm', ucum: 'cm' },
  bmi: {
    loinc: '39156-5',
    display: 'Body mass index (BMI) [Ratio]',
    label: 'Chỉ số khối cơ thể',
    unit: 'kg/m²',
    ucum: 'kg/m2',
  },
  oxygenSaturation: {
    loinc: '2708-6',
    display: 'Oxygen saturation in Arterial blood',
    label: 'SpO2',
    unit: '%',
    ucum: '%',
  },
} as const satisfies Record<string, VitalCode>;

export type VitalKey = keyof typeof VITALS;

/** CSST keys of XML5 → vital sign. */
export const CSST_KEYS: Readonly<Record<string, VitalKey>> = {
  M: 'heartRate',
  T: 'temperature',
  HA: 'bloodPressure',
  NT: 'respiratoryRate',
  CN: 'weight',
  CC: 'height',
  SPO2: 'oxygenSaturation',
};

/** Blood group observations (ABO and Rh, ABO+Rh). */
export const BLOOD_GROUP_LOINC = ['882-1', '883-9', '10331-7'] as const;
export const BLOOD_GROUP = {
  loinc: '882-1',
  display: 'ABO and Rh group [Type] in Blood',
  label: 'Nhóm máu',
} as const;

/** Social history the book shows as risk factors. */
export const RISK_FACTORS: readonly { loinc: string; kind: 'smoking' | 'alcohol'; label: string }[] = [
  { loinc: '72166-2', kind: 'smoking', label: 'Hút thuốc lá' },
  { loinc: '63581-9', kind: 'smoking', label: 'Hút thuốc lá' },
  { loinc: '11367-0', kind: 'smoking', label: 'Hút thuốc lá' },
  { loinc: '74013-4', kind: 'alcohol', label: 'Uống rượu bia' },
  { loinc: '11331-6', kind: 'alcohol', label: 'Uống rượu bia' },
  { loinc: '72109-2', kind: 'alcohol', label: 'Uống rượu bia' },
];

/** Whether an ICD-10 main diagnosis marks an immunisation visit (Z23–Z27, "cần tiêm chủng"). */
export function isImmunisationIcd(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && /^Z2[3-7]/i.test(code.trim());
}

/** The same test as SQL (server loaders), kept next to the function so they stay one rule. */
export const IMMUNISATION_ICD_SQL = "~ '^Z2[3-7]'";
