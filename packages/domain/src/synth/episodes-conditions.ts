/**
 * Reasons for care in the synthetic episodes: common ICD-10 diagnoses in Vietnam with relative
 * frequencies by age group, and what is usually done for each (drugs, labs, imaging, procedures,
 * admission, referral).
 *
 * Origins (indicative, not statistics):
 * - Ranking of frequent causes: Bộ Y tế, Niên giám thống kê y tế 2018–2020, "10 bệnh mắc cao nhất"
 *   (pneumonia, acute pharyngitis/tonsillitis, acute bronchitis, hypertension, injuries, gastritis and
 *   duodenitis, diarrhoea and gastroenteritis, dorsalgia…), and dengue as a seasonal burden of the
 *   Mekong Delta (Viện Pasteur TP.HCM surveillance reports).
 * - Chronic prevalence: Điều tra STEPS quốc gia 2021 (Bộ Y tế / WHO): hypertension 26.2 % of adults
 *   18–69, raised blood glucose / diabetes about 7 %; about a third of hypertensive adults managed.
 * - ICD-10 names: the Vietnamese ICD-10 (QĐ 4469/QĐ-BYT 2020).
 * Weights, admission and referral probabilities, lengths of stay and packages of care are plausible
 * estimates chosen so that the mix looks like a provincial claim stream.
 */
import type { DrugKey, ServiceKey } from './episodes-catalogue.ts';

/** Age groups of the weight vectors: 0–5, 6–15, 16–59, 60+. */
export type AgeWeights = readonly [number, number, number, number];

export type Specialty = 'general' | 'paediatric' | 'obstetric' | 'cardio' | 'eye' | 'skin' | 'lung';

export type ExamKind = 'internal' | 'surgical' | 'paediatric' | 'obstetric' | 'eye' | 'skin';

export interface DrugUse {
  readonly drug: DrugKey;
  /** Days of treatment (outpatient prescription or inpatient days). */
  readonly days: readonly [number, number];
  /** Probability the drug is prescribed (default 1). */
  readonly p?: number;
}

export interface AcuteCondition {
  readonly key: string;
  readonly icd: string;
  readonly name: string;
  /** LY_DO_VV: reason for the visit as the patient tells it. */
  readonly complaint: string;
  readonly weights: AgeWeights;
  readonly sex?: 'female' | 'male';
  readonly exam: ExamKind;
  readonly specialty: Specialty;
  readonly drugs: readonly DrugUse[];
  /** Lab services with their probability at a district centre or hospital (stations do none). */
  readonly labs: readonly (readonly [ServiceKey, number])[];
  readonly imaging?: readonly (readonly [ServiceKey, number])[];
  readonly procedure?: ServiceKey;
  /** Probability of admission when seen at a district centre or hospital. */
  readonly admit: number;
  /** Length of an inpatient stay, days. */
  readonly stay: readonly [number, number];
  /** Probability of a referral to a higher level when seen at a station or district centre. */
  readonly refer: number;
  /** Secondary diagnoses (MA_BENH_KT) with their probability. */
  readonly secondary?: readonly (readonly [icd: string, p: number])[];
  /** MA_TAI_NAN (QĐ 5937 PL4; 1 traffic, 8 other — code meanings UNCONFIRMED). */
  readonly injury?: number;
  /** Lab keys whose results are abnormal in this condition (`infection`, `dengue`, `uti`…). */
  readonly findings?: readonly string[];
  /** Key of the imaging report when abnormal (`pneumonia`, `fracture`…). */
  readonly imagingFinding?: string;
}

const RESP_DRUGS: readonly DrugUse[] = [
  { drug: 'paracetamol', days: [3, 5] },
  { drug: 'ambroxol', days: [5, 7], p: 0.7 },
  { drug: 'loratadine', days: [5, 7], p: 0.5 },
  { drug: 'vitaminB', days: [5, 10], p: 0.3 },
];

export const ACUTE_CONDITIONS: readonly AcuteCondition[] = [
  {
    key: 'urti',
    icd: 'J06.9',
    name: 'Nhiễm trùng đường hô hấp trên cấp, không xác định',
    complaint: 'Sốt, ho, sổ mũi',
    weights: [30, 18, 9, 6],
    exam: 'internal',
    specialty: 'general',
    drugs: [...RESP_DRUGS, { drug: 'amoxicillin', days: [5, 7], p: 0.5 }],
    labs: [
      ['cbc', 0.4],
      ['crp', 0.2],
    ],
    admit: 0.01,
    stay: [2, 4],
    refer: 0.002,
    findings: ['infection'],
  },
  {
    key: 'pharyngitis',
    icd: 'J02.9',
    name: 'Viêm họng cấp, không đặc hiệu',
    complaint: 'Đau họng, sốt nhẹ',
    weights: [12, 14, 10, 4],
    exam: 'internal',
    specialty: 'general',
    drugs: [
      { drug: 'paracetamol', days: [3, 5] },
      { drug: 'amoxiClav', days: [5, 7], p: 0.6 },
      { drug: 'cetirizine', days: [5, 7], p: 0.4 },
      { drug: 'methylprednisolone', days: [3, 5], p: 0.3 },
    ],
    labs: [['cbc', 0.3]],
    admit: 0.005,
    stay: [2, 3],
    refer: 0.002,
    findings: ['infection'],
  },
  {
    key: 'bronchitis',
    icd: 'J20.9',
    name: 'Viêm phế quản cấp, không đặc hiệu',
    complaint: 'Ho đàm, khò khè',
    weights: [14, 8, 6, 9],
    exam: 'internal',
    specialty: 'general',
    drugs: [
      ...RESP_DRUGS,
      { drug: 'cefuroxime', days: [5, 7], p: 0.6 },
      { drug: 'salbutamol', days: [5, 7], p: 0.5 },
    ],
    labs: [
      ['cbc', 0.6],
      ['crp', 0.3],
    ],
    imaging: [['chestXray', 0.5]],
    admit: 0.04,
    stay: [3, 5],
    refer: 0.005,
    findings: ['infection'],
    imagingFinding: 'bronchitis',
  },
  {
    key: 'pneumonia',
    icd: 'J18.9',
    name: 'Viêm phổi, không đặc hiệu',
    complaint: 'Sốt cao, ho, khó thở',
    weights: [10, 2, 2, 8],
    exam: 'internal',
    specialty: 'general',
    drugs: [
      { drug: 'ceftriaxone', days: [5, 7] },
      { drug: 'paracetamol', days: [3, 5] },
      { drug: 'ambroxol', days: [5, 7] },
      { drug: 'nacl', days: [2, 4], p: 0.6 },
      { drug: 'azithromycin', days: [3, 5], p: 0.4 },
      { drug: 'salbutamol', days: [5, 7], p: 0.4 },
    ],
    labs: [
      ['cbc', 0.95],
      ['crp', 0.7],
      ['electrolytes', 0.5],
      ['glucose', 0.5],
      ['creatinine', 0.5],
    ],
    imaging: [['chestXray', 0.95]],
    procedure: 'nebuliser',
    admit: 0.55,
    stay: [5, 9],
    refer: 0.12,
    findings: ['infection'],
    imagingFinding: 'pneumonia',
  },
  {
    key: 'gastroenteritis',
    icd: 'A09',
    name: 'Tiêu chảy và viêm dạ dày - ruột do nhiễm trùng',
    complaint: 'Tiêu chảy, nôn',
    weights: [14, 5, 4, 3],
    exam: 'internal',
    specialty: 'general',
    drugs: [
      { drug: 'ors', days: [3, 5] },
      { drug: 'zinc', days: [10, 14], p: 0.6 },
      { drug: 'metronidazole', days: [5, 7], p: 0.3 },
      { drug: 'ringer', days: [1, 3], p: 0.3 },
    ],
    labs: [
      ['cbc', 0.6],
      ['electrolytes', 0.5],
    ],
    admit: 0.12,
    stay: [2, 4],
    refer: 0.01,
  },
  {
    key: 'dengue',
    icd: 'A90',
    name: 'Sốt Dengue [sốt xuất huyết cổ điển]',
    complaint: 'Sốt cao liên tục 3 ngày, đau nhức',
    weights: [2, 6, 4, 1],
    exam: 'internal',
    specialty: 'general',
    drugs: [
      { drug: 'paracetamol', days: [3, 5] },
      { drug: 'ors', days: [3, 5] },
      { drug: 'ringer', days: [1, 3], p: 0.5 },
    ],
    labs: [
      ['cbc', 1],
      ['dengueNs1', 0.8],
      ['alt', 0.5],
      ['ast', 0.5],
    ],
    admit: 0.35,
    stay: [3, 6],
    refer: 0.05,
    findings: ['dengue'],
  },
  {
    key: 'gastritis',
    icd: 'K29.7',
    name: 'Viêm dạ dày, không đặc hiệu',
    complaint: 'Đau thượng vị, ợ chua',
    weights: [0, 2, 12, 8],
    exam: 'internal',
    specialty: 'general',
    drugs: [
      { drug: 'omeprazole', days: [14, 28] },
      { drug: 'domperidone', days: [7, 14], p: 0.6 },
      { drug: 'alverine', days: [7, 10], p: 0.4 },
      { drug: 'esomeprazole', days: [14, 28], p: 0.2 },
    ],
    labs: [
      ['cbc', 0.3],
      ['alt', 0.3],
      ['ast', 0.3],
    ],
    imaging: [['abdominalUltrasound', 0.4]],
    admit: 0.01,
    stay: [2, 4],
    refer: 0.005,
  },
  {
    key: 'gerd',
    icd: 'K21.9',
    name: 'Bệnh trào ngược dạ dày - thực quản không có viêm thực quản',
    complaint: 'Ợ nóng, nóng rát sau xương ức',
    weights: [0, 1, 6, 4],
    exam: 'internal',
    specialty: 'general',
    drugs: [
      { drug: 'esomeprazole', days: [14, 28] },
      { drug: 'domperidone', days: [7, 14], p: 0.5 },
    ],
    labs: [],
    imaging: [['abdominalUltrasound', 0.3]],
    admit: 0,
    stay: [1, 1],
    refer: 0.002,
  },
  {
    key: 'dorsalgia',
    icd: 'M54.5',
    name: 'Đau vùng thắt lưng',
    complaint: 'Đau lưng',
    weights: [0, 0, 10, 10],
    exam: 'internal',
    specialty: 'general',
    drugs: [
      { drug: 'meloxicam', days: [7, 10] },
      { drug: 'paracetamol', days: [5, 7], p: 0.5 },
      { drug: 'vitaminB', days: [10, 20], p: 0.6 },
      { drug: 'omeprazole', days: [7, 10], p: 0.4 },
    ],
    labs: [],
    admit: 0.02,
    stay: [3, 7],
    refer: 0.003,
  },
  {
    key: 'knee',
    icd: 'M17.9',
    name: 'Thoái hóa khớp gối, không đặc hiệu',
    complaint: 'Đau khớp gối',
    weights: [0, 0, 2, 9],
    exam: 'internal',
    specialty: 'general',
    drugs: [
      { drug: 'meloxicam', days: [7, 14] },
      { drug: 'glucosamine', days: [20, 30], p: 0.6 },
      { drug: 'calcium', days: [20, 30], p: 0.4 },
    ],
    labs: [],
    admit: 0.01,
    stay: [3, 5],
    refer: 0.003,
  },
  {
    key: 'uti',
    icd: 'N39.0',
    name: 'Nhiễm khuẩn hệ tiết niệu, vị trí không xác định',
    complaint: 'Tiểu buốt, tiểu gắt',
    weights: [1, 1, 5, 4],
    exam: 'internal',
    specialty: 'general',
    drugs: [
      { drug: 'ciprofloxacin', days: [5, 7] },
      { drug: 'paracetamol', days: [3, 5], p: 0.4 },
    ],
    labs: [
      ['urine', 0.9],
      ['cbc', 0.4],
      ['creatinine', 0.3],
    ],
    admit: 0.03,
    stay: [3, 5],
    refer: 0.005,
    findings: ['uti', 'infection'],
  },
  {
    key: 'conjunctivitis',
    icd: 'H10.9',
    name: 'Viêm kết mạc, không đặc hiệu',
    complaint: 'Đỏ mắt, cộm mắt',
    weights: [3, 3, 3, 2],
    exam: 'eye',
    specialty: 'eye',
    drugs: [{ drug: 'chloramphenicolEye', days: [5, 7] }],
    labs: [],
    admit: 0,
    stay: [1, 1],
    refer: 0.002,
  },
  {
    key: 'dermatitis',
    icd: 'L30.9',
    name: 'Viêm da, không đặc hiệu',
    complaint: 'Ngứa, nổi mẩn đỏ',
    weights: [3, 3, 4, 2],
    exam: 'skin',
    specialty: 'skin',
    drugs: [
      { drug: 'cetirizine', days: [7, 10] },
      { drug: 'fusidicCream', days: [7, 10], p: 0.6 },
    ],
    labs: [],
    admit: 0,
    stay: [1, 1],
    refer: 0.002,
  },
  {
    key: 'handWound',
    icd: 'S61.9',
    name: 'Vết thương cổ tay và bàn tay, phần không xác định',
    complaint: 'Vết thương bàn tay do tai nạn',
    weights: [2, 4, 6, 2],
    exam: 'surgical',
    specialty: 'general',
    drugs: [
      { drug: 'amoxiClav', days: [5, 7] },
      { drug: 'paracetamol', days: [3, 5] },
    ],
    labs: [],
    procedure: 'woundSuture',
    admit: 0.02,
    stay: [1, 3],
    refer: 0.01,
    injury: 8,
  },
  {
    key: 'radiusFracture',
    icd: 'S52.5',
    name: 'Gãy đầu dưới xương quay',
    complaint: 'Đau, sưng cổ tay sau té ngã xe máy',
    weights: [1, 3, 3, 3],
    exam: 'surgical',
    specialty: 'general',
    drugs: [
      { drug: 'paracetamol', days: [5, 7] },
      { drug: 'meloxicam', days: [5, 7], p: 0.5 },
      { drug: 'calcium', days: [20, 30], p: 0.5 },
    ],
    labs: [['cbc', 0.3]],
    imaging: [['limbXray', 1]],
    procedure: 'cast',
    admit: 0.2,
    stay: [2, 4],
    refer: 0.2,
    injury: 1,
    imagingFinding: 'fracture',
  },
  {
    key: 'concussion',
    icd: 'S06.0',
    name: 'Chấn động não',
    complaint: 'Đau đầu, chóng mặt sau tai nạn giao thông',
    weights: [1, 2, 3, 2],
    exam: 'surgical',
    specialty: 'general',
    drugs: [
      { drug: 'paracetamol', days: [3, 5] },
      { drug: 'vitaminB', days: [10, 14], p: 0.5 },
      { drug: 'nacl', days: [1, 2], p: 0.4 },
    ],
    labs: [
      ['cbc', 0.6],
      ['glucose', 0.4],
    ],
    admit: 0.5,
    stay: [2, 4],
    refer: 0.25,
    injury: 1,
  },
  {
    key: 'appendicitis',
    icd: 'K35.8',
    name: 'Viêm ruột thừa cấp, khác và không đặc hiệu',
    complaint: 'Đau hố chậu phải, sốt',
    weights: [0, 2, 2, 0.5],
    exam: 'surgical',
    specialty: 'general',
    drugs: [
      { drug: 'ceftriaxone', days: [3, 5] },
      { drug: 'metronidazole', days: [3, 5] },
      { drug: 'paracetamol', days: [3, 5] },
      { drug: 'nacl', days: [2, 3] },
      { drug: 'ringer', days: [1, 2] },
    ],
    labs: [
      ['cbc', 1],
      ['crp', 0.6],
      ['glucose', 0.6],
      ['creatinine', 0.6],
      ['electrolytes', 0.5],
    ],
    imaging: [['abdominalUltrasound', 1]],
    procedure: 'appendectomy',
    admit: 1,
    stay: [4, 6],
    refer: 0.6,
    findings: ['infection'],
    imagingFinding: 'appendicitis',
  },
  {
    key: 'angina',
    icd: 'I20.9',
    name: 'Cơn đau thắt ngực, không đặc hiệu',
    complaint: 'Đau ngực khi gắng sức',
    weights: [0, 0, 1, 4],
    exam: 'internal',
    specialty: 'cardio',
    drugs: [
      { drug: 'aspirin', days: [28, 30] },
      { drug: 'atorvastatin', days: [28, 30] },
      { drug: 'bisoprolol', days: [28, 30], p: 0.6 },
      { drug: 'clopidogrel', days: [28, 30], p: 0.3 },
    ],
    labs: [
      ['cholesterol', 0.9],
      ['triglyceride', 0.8],
      ['glucose', 0.8],
      ['creatinine', 0.7],
      ['electrolytes', 0.4],
    ],
    imaging: [['ecg', 0.9]],
    admit: 0.25,
    stay: [4, 7],
    refer: 0.3,
    secondary: [
      ['I10', 0.6],
      ['E78.5', 0.4],
    ],
    findings: ['htn'],
  },
  {
    key: 'stroke',
    icd: 'I63.9',
    name: 'Nhồi máu não, không đặc hiệu',
    complaint: 'Yếu nửa người, nói khó',
    weights: [0, 0, 0.3, 2],
    exam: 'internal',
    specialty: 'general',
    drugs: [
      { drug: 'aspirin', days: [7, 10] },
      { drug: 'clopidogrel', days: [7, 10], p: 0.6 },
      { drug: 'atorvastatin', days: [7, 10] },
      { drug: 'nacl', days: [3, 5] },
      { drug: 'amlodipine', days: [7, 10], p: 0.6 },
      { drug: 'omeprazole', days: [7, 10], p: 0.5 },
    ],
    labs: [
      ['cbc', 1],
      ['glucose', 1],
      ['creatinine', 1],
      ['electrolytes', 0.9],
      ['cholesterol', 0.8],
      ['triglyceride', 0.7],
    ],
    imaging: [
      ['ecg', 0.9],
      ['chestXray', 0.5],
    ],
    admit: 0.95,
    stay: [7, 12],
    refer: 0.7,
    secondary: [
      ['I10', 0.7],
      ['E11', 0.25],
    ],
    findings: ['htn'],
  },
];

export type ChronicKind = 'htn' | 'dm' | 'both';

export interface ChronicSpec {
  readonly icd: string;
  readonly name: string;
  readonly complaint: string;
  readonly drugs: readonly DrugUse[];
  readonly labs: readonly (readonly [ServiceKey, number])[];
  readonly imaging: readonly (readonly [ServiceKey, number])[];
}

export const CHRONIC: Readonly<Record<'htn' | 'dm', ChronicSpec>> = {
  htn: {
    icd: 'I10',
    name: 'Bệnh lý tăng huyết áp',
    complaint: 'Khám định kỳ tăng huyết áp, lĩnh thuốc',
    drugs: [
      { drug: 'amlodipine', days: [28, 30] },
      { drug: 'losartan', days: [28, 30], p: 0.45 },
      { drug: 'atorvastatin', days: [28, 30], p: 0.35 },
      { drug: 'aspirin', days: [28, 30], p: 0.25 },
      { drug: 'bisoprolol', days: [28, 30], p: 0.15 },
    ],
    labs: [
      ['glucose', 0.7],
      ['cholesterol', 0.7],
      ['triglyceride', 0.6],
      ['creatinine', 0.6],
      ['electrolytes', 0.3],
    ],
    imaging: [['ecg', 0.4]],
  },
  dm: {
    icd: 'E11.9',
    name: 'Bệnh đái tháo đường không phụ thuộc insuline, không có biến chứng',
    complaint: 'Khám định kỳ đái tháo đường, lĩnh thuốc',
    drugs: [
      { drug: 'metformin', days: [28, 30] },
      { drug: 'gliclazide', days: [28, 30], p: 0.5 },
      { drug: 'atorvastatin', days: [28, 30], p: 0.4 },
      { drug: 'insulin', days: [28, 30], p: 0.08 },
    ],
    labs: [
      ['glucose', 1],
      ['hba1c', 0.6],
      ['cholesterol', 0.6],
      ['triglyceride', 0.6],
      ['creatinine', 0.6],
      ['alt', 0.4],
      ['ast', 0.4],
    ],
    imaging: [],
  },
};

/** Share of adults (by age) with hypertension and with type 2 diabetes, and the share of those managed. */
export function chronicPrevalence(age: number): { htn: number; dm: number } {
  if (age < 25) return { htn: 0, dm: 0 };
  if (age < 40) return { htn: 0.1, dm: 0.025 };
  if (age < 50) return { htn: 0.2, dm: 0.05 };
  if (age < 60) return { htn: 0.32, dm: 0.08 };
  if (age < 70) return { htn: 0.45, dm: 0.11 };
  return { htn: 0.55, dm: 0.12 };
}
export const CHRONIC_MANAGED_SHARE = 0.3;

/** ICD-10 names of the codes used as secondary diagnoses, births and vaccinations. */
export const ICD_NAMES: Readonly<Record<string, string>> = {
  I10: 'Bệnh lý tăng huyết áp',
  'E11.9': 'Bệnh đái tháo đường không phụ thuộc insuline, không có biến chứng',
  E11: 'Bệnh đái tháo đường không phụ thuộc insuline',
  'E78.5': 'Tăng lipid máu, không đặc hiệu',
  O80: 'Đẻ thường một thai',
  O82: 'Đẻ một thai bằng mổ lấy thai',
  'Z34.9': 'Giám sát thai bình thường, không đặc hiệu',
  'Z23.2': 'Cần tiêm chủng chống lao [BCG]',
  'Z27.1': 'Cần tiêm chủng phối hợp bạch hầu - uốn ván - ho gà [DTP]',
  'Z24.0': 'Cần tiêm chủng chống bại liệt',
  'Z24.4': 'Cần tiêm chủng chống sởi',
  'Z27.8': 'Cần tiêm chủng phối hợp khác',
  'Z24.1': 'Cần tiêm chủng chống viêm não do virus truyền qua tiết túc',
};

/** Relative rate of acute episodes per person-year by age group (children and the old consult more). */
export const ACUTE_RATE: AgeWeights = [3.2, 1.3, 0.9, 1.7];

export function ageGroup(age: number): 0 | 1 | 2 | 3 {
  return age <= 5 ? 0 : age <= 15 ? 1 : age < 60 ? 2 : 3;
}
