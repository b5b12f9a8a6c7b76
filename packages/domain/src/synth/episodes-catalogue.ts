/**
 * Catalogue of the synthetic episodes: drugs, vaccines, services (exams, labs, imaging, procedures,
 * beds) and medical supplies, with BHYT unit prices in VND.
 *
 * Origins:
 * - Codes, names and prices marked [sample] are copied from the real, redacted claim files in
 *   ../shared/samples/xml130/real-redacted (facility 94170, Feb–Mar 2026): e.g. 22.0121.1369 CBC
 *   49,700; 23.0019.1493 ALT 22,400; 02.03 "Khám Nội tổng hợp" 39,800; bed K27.NO2 211,000;
 *   13.0002.0672 caesarean 2,631,000; drugs 40.166 Biofazolin 16,990, 40.429 Mekoferrat-B9 358.
 * - Everything else is ILLUSTRATIVE: codes follow the published shapes (DMDC service codes
 *   `CC.KKKK.GGGG`, active-ingredient codes `40.NNN`, registration numbers `VD-NNNNN-YY` /
 *   `893110NNNNNN`, tender strings `<QĐ>;G1;N<group>;<year>`) but were not checked against the
 *   catalogues (QĐ 7603/2018 → QĐ 2010/2025, TT 20/2022), and prices are plausible 2024–2026
 *   public-hospital levels, not tariffs. Route codes 1.01 (oral) and 2.10 (IV) are [sample];
 *   2.01 (IM), 2.02 (SC) and 2.15 (infusion) are assumed. Department codes K01/K27 are [sample];
 *   K03/K14/K19/K24/K37 are illustrative.
 * - EPI vaccines are supplied by the national programme (NGUON_CTRA 3): their value is paid from the
 *   state budget (T_NGUONKHAC_NSNN), not by BHYT or the patient.
 */

/** A drug or vaccine line template (XML2). */
export interface CatalogueDrug {
  readonly code: string;
  readonly name: string;
  readonly strength: string;
  readonly unit: string;
  /** DUONG_DUNG code. */
  readonly route: string;
  readonly form: string;
  /** VND per unit. */
  readonly price: number;
  readonly registration: string;
  readonly tender: string;
  /** Units per dose and doses per day for an adult (children take `childFactor` of the units when given). */
  readonly perDose: number;
  readonly perDay: number;
  readonly instruction: string;
  /** Cost group (MA_NHOM): 4 drugs. */
  readonly group: 4;
  /** Programme supply (EPI vaccine): NGUON_CTRA 3, paid by the state budget. */
  readonly programme?: boolean;
}

/** A lab indicator reported in XML4 for a lab service. */
export interface LabIndicator {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  /** Normal range and the number of decimals of a result. */
  readonly normal: readonly [number, number];
  readonly decimals: number;
  /** Range when the patient has the condition of this key (e.g. `dm` → high glucose). */
  readonly abnormal?: Readonly<Record<string, readonly [number, number]>>;
}

export type ServiceKind = 'exam' | 'lab' | 'imaging' | 'function' | 'surgery' | 'procedure' | 'bed';

/** A service line template (XML3). */
export interface CatalogueService {
  readonly code: string;
  readonly name: string;
  readonly kind: ServiceKind;
  /** MA_NHOM: 1 lab, 2 imaging, 3 function test, 8 surgery, 13 exam, 15 inpatient bed, 18 procedure. */
  readonly group: 1 | 2 | 3 | 8 | 13 | 14 | 15 | 18;
  readonly unit: string;
  /** BHYT unit price (DON_GIA_BH), VND. */
  readonly price: number;
  /** Machine group of MA_MAY (`HH` haematology, `SH` biochemistry, `XQ` X-ray, `SA` ultrasound…). */
  readonly machine?: string;
  readonly indicators?: readonly LabIndicator[];
  /** Imaging: description and conclusion when normal, and per condition key. */
  readonly report?: { readonly normal: readonly [string, string] } & Readonly<
    Record<string, readonly [string, string]>
  >;
  /** Anaesthesia for surgery (PP_VO_CAM): 1 general, 2 regional/local. */
  readonly anaesthesia?: 1 | 2;
}

/** A medical supply billed outside a service price (XML3, MA_NHOM 10). */
export interface CatalogueSupply {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly price: number;
  readonly tender: string;
}

const T = '98/QĐ-TTMS;G1;N1;2024'; // [sample] national centralised tender
const TP = '1129/QĐ-SYT;G1;N4;2025;92'; // provincial tender (illustrative)

const oral = (
  code: string,
  name: string,
  strength: string,
  price: number,
  registration: string,
  perDose = 1,
  perDay = 2,
  unit = 'Viên',
  instruction = 'Uống sau ăn',
  tender = TP,
): CatalogueDrug => ({
  code,
  name,
  strength,
  unit,
  route: '1.01',
  form: unit === 'Gói' ? 'Thuốc bột' : unit === 'Chai' ? 'Siro' : 'Viên nén',
  price,
  registration,
  tender,
  perDose,
  perDay,
  instruction,
  group: 4,
});

export const DRUGS = {
  // Analgesics, anti-inflammatory
  paracetamol: oral('40.48', 'Paracetamol 500mg', '500mg', 168, 'VD-25217-16', 1, 3),
  paracetamolSyrup: oral(
    '40.48',
    'Hapacol 250',
    '250mg',
    1890,
    'VD-21137-14',
    1,
    3,
    'Gói',
    'Pha nước uống khi sốt',
  ),
  meloxicam: oral('40.59', 'Meloxicam 7,5mg', '7,5mg', 295, 'VD-28754-18', 1, 1),
  diclofenac: oral('40.30', 'Diclofenac 50mg', '50mg', 190, 'VD-22417-15', 1, 2),
  glucosamine: oral('40.1069', 'Glucosamin 500mg', '500mg', 1150, 'VD-30115-18', 1, 2),
  methylprednisolone: oral('40.1062', 'Methylprednisolon 16mg', '16mg', 1350, 'VD-26943-17', 1, 1),
  // Antibiotics
  amoxicillin: oral('40.176', 'Amoxicilin 500mg', '500mg', 630, 'VD-28112-17', 1, 3),
  amoxiClav: oral('40.179', 'Augbidil 625mg', '500mg + 125mg', 5900, 'VD-27399-17', 1, 2),
  cefuroxime: oral('40.198', 'Cefuroxim 500mg', '500mg', 3980, 'VD-33511-19', 1, 2),
  azithromycin: oral('40.244', 'Azithromycin 250mg', '250mg', 2450, 'VD-29734-18', 1, 1),
  ciprofloxacin: oral('40.258', 'Ciprofloxacin 500mg', '500mg', 690, 'VD-24602-16', 1, 2),
  metronidazole: oral('40.271', 'Metronidazol 250mg', '250mg', 245, 'VD-20338-13', 2, 3),
  cefazolin: {
    ...oral('40.166', 'Biofazolin', '1g', 16990, '590110413723', 2, 1, 'Lọ', 'Tiêm tĩnh mạch chậm', T),
    route: '2.10',
    form: 'Bột pha tiêm',
  }, // [sample]
  ceftriaxone: {
    ...oral('40.205', 'Ceftriaxon 1g', '1g', 15800, 'VD-30785-18', 1, 2, 'Lọ', 'Tiêm tĩnh mạch chậm', T),
    route: '2.10',
    form: 'Bột pha tiêm',
  },
  // Respiratory, allergy
  ambroxol: oral('40.979', 'Ambroxol 30mg', '30mg', 210, 'VD-27805-17', 1, 3),
  bromhexine: oral('40.980', 'Bromhexin 8mg', '8mg', 95, 'VD-23412-15', 1, 3),
  salbutamol: oral('40.989', 'Salbutamol 2mg', '2mg', 110, 'VD-22987-15', 1, 3),
  loratadine: oral('40.78', 'Loratadin 10mg', '10mg', 180, 'VD-25580-16', 1, 1),
  cetirizine: oral('40.74', 'Cetirizin 10mg', '10mg', 155, 'VD-26114-17', 1, 1),
  // Digestive
  omeprazole: oral(
    '40.677',
    'Omeprazol 20mg',
    '20mg',
    390,
    'VD-24210-16',
    1,
    2,
    'Viên',
    'Uống trước ăn 30 phút',
  ),
  esomeprazole: oral(
    '40.678',
    'Esomeprazol 40mg',
    '40mg',
    4500,
    'VD-31145-18',
    1,
    1,
    'Viên',
    'Uống trước ăn sáng',
  ),
  domperidone: oral('40.701', 'Domperidon 10mg', '10mg', 120, 'VD-21865-14', 1, 3, 'Viên', 'Uống trước ăn'),
  alverine: oral('40.695', 'Alverin citrat 40mg', '40mg', 135, 'VD-25001-16', 1, 3),
  ors: oral('40.1016', 'Oresol 245', '4,1g', 1450, 'VD-19876-13', 1, 3, 'Gói', 'Pha 200ml nước uống dần'),
  zinc: oral('40.1088', 'Kẽm gluconat 10mg', '10mg', 890, 'VD-28301-17', 1, 1, 'Gói', 'Uống sau ăn'),
  // Cardiovascular, metabolic
  amlodipine: oral('40.406', 'Amlodipin 5mg', '5mg', 165, 'VD-23880-15', 1, 1, 'Viên', 'Uống buổi sáng'),
  losartan: oral('40.423', 'Losartan 50mg', '50mg', 780, 'VD-26658-17', 1, 1, 'Viên', 'Uống buổi sáng'),
  enalapril: oral('40.410', 'Enalapril 5mg', '5mg', 240, 'VD-22154-15', 1, 2),
  bisoprolol: oral('40.402', 'Bisoprolol 2,5mg', '2,5mg', 560, 'VD-29913-18', 1, 1, 'Viên', 'Uống buổi sáng'),
  atorvastatin: oral(
    '40.461',
    'Atorvastatin 20mg',
    '20mg',
    620,
    'VD-27214-17',
    1,
    1,
    'Viên',
    'Uống buổi tối',
  ),
  aspirin: oral('40.44', 'Aspirin 81mg', '81mg', 140, 'VD-24788-16', 1, 1, 'Viên', 'Uống sau ăn trưa'),
  clopidogrel: oral('40.421', 'Clopidogrel 75mg', '75mg', 1650, 'VD-30022-18', 1, 1),
  metformin: oral('40.549', 'Metformin 500mg', '500mg', 311, '893110370523', 1, 2, 'Viên', 'Uống sau ăn', T), // price [sample]
  gliclazide: oral(
    '40.544',
    'Gliclazid 30mg MR',
    '30mg',
    1190,
    'VD-28835-18',
    1,
    1,
    'Viên',
    'Uống trước ăn sáng',
  ),
  insulin: {
    ...oral(
      '40.805',
      'Humulin 30/70 Kwikpen',
      '300UI/3ml',
      109999.89,
      'QLSP-1089-18',
      1,
      1,
      'Bút',
      'Tiêm dưới da trước ăn',
      T,
    ),
    route: '2.02',
    form: 'Hỗn dịch tiêm',
  }, // [sample]
  // Obstetrics, supplements
  ironFolic: oral('40.429', 'Mekoferrat-B9', 'Acid folic 1mg; sắt fumarat 200mg', 358, 'VD-23805-15', 1, 1), // [sample]
  calcium: oral('40.1032', 'Calcium Stella 500mg', '300mg+2940mg', 3500, 'VD-27518-17', 1, 1), // [sample]
  oxytocin: {
    ...oral('40.762', 'Oxytocin 5UI/ml', '5UI', 4200, 'VD-25964-16', 2, 1, 'Ống', 'Tiêm bắp sau sổ thai', T),
    route: '2.01',
    form: 'Dung dịch tiêm',
  },
  // Infusions
  nacl: {
    ...oral(
      '40.1009',
      'Natri clorid 0,9% 500ml',
      '0,9%',
      9450,
      'VD-21955-14',
      1,
      2,
      'Chai',
      'Truyền tĩnh mạch XXX giọt/phút',
      T,
    ),
    route: '2.15',
    form: 'Dung dịch tiêm truyền',
  },
  ringer: {
    ...oral(
      '40.1013',
      'Ringer lactat 500ml',
      '500ml',
      10500,
      'VD-22873-15',
      1,
      2,
      'Chai',
      'Truyền tĩnh mạch XL giọt/phút',
      T,
    ),
    route: '2.15',
    form: 'Dung dịch tiêm truyền',
  },
  // Eye, skin
  chloramphenicolEye: oral(
    '40.904',
    'Cloramphenicol 0,4% 10ml',
    '0,4%',
    3400,
    'VD-20734-14',
    1,
    4,
    'Lọ',
    'Nhỏ mắt',
  ),
  fusidicCream: oral(
    '40.338',
    'Acid fusidic 2% 15g',
    '2%',
    24500,
    'VD-29510-18',
    1,
    2,
    'Tuýp',
    'Bôi ngoài da',
  ),
  vitaminB: oral('40.1047', 'Vitamin 3B', 'B1 100mg; B6 200mg; B12 200mcg', 480, 'VD-24599-16', 1, 2),
} as const satisfies Record<string, CatalogueDrug>;
export type DrugKey = keyof typeof DRUGS;

const vaccine = (code: string, name: string, price: number, route = '2.01'): CatalogueDrug => ({
  code,
  name,
  strength: '1 liều',
  unit: 'Liều',
  route,
  form: route === '1.01' ? 'Dung dịch uống' : 'Hỗn dịch tiêm',
  price,
  registration: 'QLVX-' + code.replace(/\D/g, '').padStart(4, '0') + '-21',
  tender: 'TCMR;G1;N1;2026',
  perDose: 1,
  perDay: 1,
  instruction: route === '1.01' ? 'Nhỏ miệng 2 giọt' : 'Tiêm bắp',
  group: 4,
  programme: true,
});

/** EPI (Tiêm chủng mở rộng) vaccines; schedule in ../shared/domain/station-programmes.md §2.2. */
export const VACCINES = {
  bcg: { ...vaccine('VX.01', 'Vắc xin BCG', 28000), instruction: 'Tiêm trong da' },
  penta: vaccine('VX.05', 'Vắc xin DPT-VGB-Hib (ComBE Five)', 98000),
  bopv: vaccine('VX.07', 'Vắc xin bại liệt uống bOPV', 9500, '1.01'),
  ipv: vaccine('VX.08', 'Vắc xin bại liệt tiêm IPV', 145000),
  measles: vaccine('VX.10', 'Vắc xin sởi (MVVac)', 23000),
  mr: vaccine('VX.11', 'Vắc xin sởi - rubella (MRVAC)', 45000),
  je: vaccine('VX.12', 'Vắc xin viêm não Nhật Bản (Jevax)', 31000),
  dpt: vaccine('VX.04', 'Vắc xin DPT', 21000),
} as const satisfies Record<string, CatalogueDrug>;
export type VaccineKey = keyof typeof VACCINES;

const lab = (
  code: string,
  name: string,
  price: number,
  machine: string,
  indicators: readonly LabIndicator[],
): CatalogueService => ({ code, name, kind: 'lab', group: 1, unit: 'Lần', price, machine, indicators });

export const SERVICES = {
  examInternal: {
    code: '02.03',
    name: 'Khám Nội tổng hợp',
    kind: 'exam',
    group: 13,
    unit: 'Lần',
    price: 39800,
  }, // [sample]
  examSurgical: {
    code: '10.19',
    name: 'Khám Ngoại tổng hợp',
    kind: 'exam',
    group: 13,
    unit: 'Lần',
    price: 39800,
  }, // [sample]
  examPaediatric: { code: '03.02', name: 'Khám Nhi', kind: 'exam', group: 13, unit: 'Lần', price: 39800 },
  examObstetric: { code: '13.01', name: 'Khám Phụ sản', kind: 'exam', group: 13, unit: 'Lần', price: 39800 },
  examEye: { code: '14.01', name: 'Khám Mắt', kind: 'exam', group: 13, unit: 'Lần', price: 39800 },
  examSkin: { code: '05.01', name: 'Khám Da liễu', kind: 'exam', group: 13, unit: 'Lần', price: 39800 },
  examStation: {
    code: '02.1899',
    name: 'Khám bệnh tại trạm y tế xã',
    kind: 'exam',
    group: 13,
    unit: 'Lần',
    price: 35100,
  },
  cbc: lab('22.0121.1369', 'Tổng phân tích tế bào máu ngoại vi (bằng máy đếm laser)', 49700, 'HH', [
    {
      code: 'WBC',
      name: 'Số lượng bạch cầu',
      unit: 'G/L',
      normal: [4.5, 10],
      decimals: 1,
      abnormal: { infection: [11, 19] },
    },
    {
      code: 'RBC',
      name: 'Số lượng hồng cầu',
      unit: 'T/L',
      normal: [4, 5.4],
      decimals: 2,
      abnormal: { anaemia: [3, 3.9] },
    },
    {
      code: 'HGB',
      name: 'Lượng huyết sắc tố',
      unit: 'g/L',
      normal: [120, 160],
      decimals: 0,
      abnormal: { anaemia: [85, 110] },
    },
    {
      code: 'PLT',
      name: 'Số lượng tiểu cầu',
      unit: 'G/L',
      normal: [150, 400],
      decimals: 0,
      abnormal: { dengue: [25, 95] },
    },
  ]), // [sample]
  glucose: lab('23.0075.1494', 'Định lượng Glucose [Máu]', 22400, 'SH', [
    {
      code: 'GLU',
      name: 'Glucose',
      unit: 'mmol/L',
      normal: [3.9, 6.4],
      decimals: 1,
      abnormal: { dm: [7.2, 13.5] },
    },
  ]), // [sample]
  hba1c: lab('23.0083.1523', 'Định lượng HbA1c [Máu]', 105300, 'SH', [
    {
      code: 'HBA1C',
      name: 'HbA1c',
      unit: '%',
      normal: [4.2, 5.9],
      decimals: 1,
      abnormal: { dm: [6.6, 10.2] },
    },
  ]), // [sample]
  creatinine: lab('23.0051.1494', 'Định lượng Creatinin (máu)', 22400, 'SH', [
    { code: 'CRE', name: 'Creatinin', unit: 'µmol/L', normal: [53, 110], decimals: 0 },
  ]), // [sample]
  alt: lab('23.0019.1493', 'Đo hoạt độ ALT (GPT) [Máu]', 22400, 'SH', [
    { code: 'S18', name: 'ALT', unit: 'U/L', normal: [8, 40], decimals: 1 },
  ]), // [sample]
  ast: lab('23.0020.1493', 'Đo hoạt độ AST (GOT) [Máu]', 22400, 'SH', [
    { code: 'S17', name: 'AST', unit: 'U/L', normal: [9, 38], decimals: 1 },
  ]), // [sample]
  cholesterol: lab('23.0041.1506', 'Định lượng Cholesterol toàn phần (máu)', 28000, 'SH', [
    {
      code: '112CHO',
      name: 'Cholesterol',
      unit: 'mmol/L',
      normal: [3.2, 5.1],
      decimals: 2,
      abnormal: { htn: [5.3, 7.4], dm: [5.3, 7.4] },
    },
  ]), // [sample]
  triglyceride: lab('23.0158.1506', 'Định lượng Triglycerid (máu) [Máu]', 28000, 'SH', [
    {
      code: 'TG',
      name: 'Triglycerid',
      unit: 'mmol/L',
      normal: [0.5, 1.7],
      decimals: 2,
      abnormal: { dm: [1.9, 4.6] },
    },
  ]), // [sample]
  electrolytes: lab('23.0058.1487', 'Điện giải đồ (Na, K, Cl) [Máu]', 30200, 'SH', [
    { code: 'NA', name: 'Natri', unit: 'mmol/L', normal: [135, 145], decimals: 0 },
    { code: 'K', name: 'Kali', unit: 'mmol/L', normal: [3.5, 5], decimals: 1 },
  ]), // [sample]
  crp: lab('23.0032.1480', 'Định lượng CRP [Máu]', 53800, 'SH', [
    {
      code: 'CRP',
      name: 'CRP',
      unit: 'mg/L',
      normal: [0.1, 5],
      decimals: 1,
      abnormal: { infection: [12, 96] },
    },
  ]),
  urine: lab('23.0206.1596', 'Tổng phân tích nước tiểu (bằng máy tự động)', 27400, 'NT', [
    {
      code: 'LEU',
      name: 'Bạch cầu niệu',
      unit: 'Leu/µL',
      normal: [0, 10],
      decimals: 0,
      abnormal: { uti: [75, 500] },
    },
    { code: 'NIT', name: 'Nitrit', unit: '', normal: [0, 0], decimals: 0, abnormal: { uti: [1, 1] } },
  ]),
  dengueNs1: lab('24.0156.1714', 'Dengue virus NS1Ag test nhanh', 129000, 'MD', [
    {
      code: 'NS1',
      name: 'Dengue NS1Ag',
      unit: '',
      normal: [0, 0],
      decimals: 0,
      abnormal: { dengue: [1, 1] },
    },
  ]),
  chestXray: {
    code: '18.0119.0028',
    name: 'Chụp Xquang ngực thẳng',
    kind: 'imaging',
    group: 2,
    unit: 'Lần',
    price: 65400,
    machine: 'XQ',
    report: {
      normal: ['Hai phế trường sáng, không thấy tổn thương nhu mô.', 'Xquang ngực bình thường.'],
      pneumonia: ['Đám mờ không đồng nhất đáy phổi phải.', 'Hình ảnh viêm phổi thùy dưới phải.'],
      bronchitis: ['Rốn phổi hai bên đậm, thành phế quản dày.', 'Hình ảnh viêm phế quản.'],
    },
  },
  limbXray: {
    code: '18.0074.0028',
    name: 'Chụp Xquang xương cẳng tay thẳng nghiêng',
    kind: 'imaging',
    group: 2,
    unit: 'Lần',
    price: 65400,
    machine: 'XQ',
    report: {
      normal: ['Cấu trúc xương bình thường.', 'Không thấy tổn thương xương.'],
      fracture: ['Đường gãy ngang đầu dưới xương quay, di lệch ít.', 'Gãy đầu dưới xương quay.'],
    },
  },
  abdominalUltrasound: {
    code: '18.0015.0001',
    name: 'Siêu âm ổ bụng (gan mật, tụy, lách, thận, bàng quang)',
    kind: 'imaging',
    group: 2,
    unit: 'Lần',
    price: 43900,
    machine: 'SA',
    report: {
      normal: ['Gan, mật, tụy, lách, thận không thấy bất thường.', 'Siêu âm ổ bụng bình thường.'],
      appendicitis: ['Ruột thừa đường kính 9mm, thành dày, ấn đau.', 'Hình ảnh viêm ruột thừa.'],
    },
  },
  fetalUltrasound: {
    code: '18.0036.0001',
    name: 'Siêu âm thai nhi trong 3 tháng cuối',
    kind: 'imaging',
    group: 2,
    unit: 'Lần',
    price: 58600,
    machine: 'SA',
    report: {
      normal: [
        'Một thai sống trong tử cung, tim thai đều, ối bình thường.',
        'Thai sống, phát triển bình thường.',
      ],
    },
  }, // [sample]
  ecg: {
    code: '21.0014.1778',
    name: 'Điện tim thường',
    kind: 'function',
    group: 3,
    unit: 'Lần',
    price: 35400,
    machine: 'DT',
  },
  woundSuture: {
    code: '03.3911.0203',
    name: 'Khâu vết thương phần mềm tổn thương nông chiều dài < 10 cm',
    kind: 'procedure',
    group: 18,
    unit: 'Lần',
    price: 187000,
  },
  cast: {
    code: '03.3826.0526',
    name: 'Nắn, bó bột gãy đầu dưới xương quay',
    kind: 'procedure',
    group: 18,
    unit: 'Lần',
    price: 393000,
  },
  nebuliser: {
    code: '01.0094.0075',
    name: 'Khí dung thuốc cấp cứu',
    kind: 'procedure',
    group: 18,
    unit: 'Lần',
    price: 20300,
  },
  normalDelivery: {
    code: '13.0075.0645',
    name: 'Đỡ đẻ thường ngôi chỏm',
    kind: 'procedure',
    group: 18,
    unit: 'Lần',
    price: 706000,
    anaesthesia: 2,
  },
  caesarean: {
    code: '13.0002.0672',
    name: 'Phẫu thuật lấy thai lần đầu',
    kind: 'surgery',
    group: 8,
    unit: 'Lần',
    price: 2631000,
    anaesthesia: 2,
  }, // [sample]
  appendectomy: {
    code: '10.0546.0473',
    name: 'Phẫu thuật cắt ruột thừa nội soi',
    kind: 'surgery',
    group: 8,
    unit: 'Lần',
    price: 2772000,
    anaesthesia: 1,
  },
  bedInternal: {
    code: 'K03.NO2',
    name: 'Giường Nội khoa loại 2',
    kind: 'bed',
    group: 15,
    unit: 'Ngày',
    price: 211000,
  }, // [sample] price
  bedSurgical: {
    code: 'K19.NG2',
    name: 'Giường Ngoại khoa loại 2',
    kind: 'bed',
    group: 15,
    unit: 'Ngày',
    price: 272200,
  }, // [sample] price
  bedObstetric: {
    code: 'K27.NO2',
    name: 'Giường Nội khoa loại 2 - Khoa Phụ - Sản',
    kind: 'bed',
    group: 15,
    unit: 'Ngày',
    price: 211000,
  }, // [sample]
  bedPaediatric: {
    code: 'K14.NO2',
    name: 'Giường Nội khoa loại 2 - Khoa Nhi',
    kind: 'bed',
    group: 15,
    unit: 'Ngày',
    price: 211000,
  },
  bedStation: {
    code: 'K99.NO4',
    name: 'Giường lưu tại trạm y tế xã',
    kind: 'bed',
    group: 15,
    unit: 'Ngày',
    price: 117000,
  },
  bedDay: {
    code: 'K03.NO2.BN',
    name: 'Giường điều trị ban ngày Nội khoa',
    kind: 'bed',
    group: 14,
    unit: 'Ngày',
    price: 63300,
  },
} as const satisfies Record<string, CatalogueService>;
export type ServiceKey = keyof typeof SERVICES;

export const SUPPLIES = {
  syringe: {
    code: 'N03.02.030',
    name: 'Bơm tiêm nhựa 5ml',
    unit: 'Cái',
    price: 890,
    tender: '1129/QĐ-SYT.92;G1;N0;2025',
  },
  cannula: {
    code: 'N03.05.070',
    name: 'Kim luồn tĩnh mạch 22G',
    unit: 'Cái',
    price: 9800,
    tender: '1129/QĐ-SYT.92;G1;N0;2025',
  },
  infusionSet: {
    code: 'N03.04.010',
    name: 'Dây truyền dịch',
    unit: 'Bộ',
    price: 4900,
    tender: '1129/QĐ-SYT.92;G1;N0;2025',
  },
  suture: {
    code: 'N05.01.040',
    name: 'Chỉ khâu tự tiêu 2/0',
    unit: 'Sợi',
    price: 42000,
    tender: '1129/QĐ-SYT.92;G1;N0;2025',
  },
} as const satisfies Record<string, CatalogueSupply>;
export type SupplyKey = keyof typeof SUPPLIES;
