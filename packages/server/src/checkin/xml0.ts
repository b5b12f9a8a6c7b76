import { problem, type Eligibility, type Problem, type RouteStatus } from '@suckhoe/domain';
import { emitTable } from '@suckhoe/domain/xml130/index';
import type { Clinic } from './clinics.ts';
import type { Sex } from './input.ts';
import { vnCompactDateTime } from './time.ts';

/** One XML0 record (QĐ 130 as amended by QĐ 4750, Bảng check-in): field name → value, empty = not filled. */
export type Xml0Record = Record<string, string>;

export interface Xml0Input {
  /** MA_LK: the check-in id (one episode link key per check-in). */
  readonly maLk: string;
  readonly personId: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: Sex;
  /** Personal ID, else old CMND, passport or VNeID account (SO_CCCD). */
  readonly documentNumber: string | null;
  /** Null: the visit is not paid by BHYT (no card, self-pay). */
  readonly card: {
    readonly code: string;
    readonly initialFacilityCode: string | null;
    readonly validFrom: string | null;
    readonly validTo: string | null;
  } | null;
  readonly eligibility: Eligibility | null;
  readonly visitKind: 'outpatient' | 'inpatient' | 'emergency';
  readonly facilityCode: string;
  readonly clinic: Clinic;
  readonly checkedInAt: Date;
}

/**
 * MA_DOITUONG_KCB when the route rule row carries no hint (the QĐ 3276/2025 list is not loaded yet):
 * provisional, the HIS sets the final code when the episode ends (xml130.md §3.3 "chosen after the
 * episode ends"). `9` = not a BHYT visit.
 */
const PROVISIONAL_DOITUONG: Readonly<Record<RouteStatus, string>> = {
  emergency: '2',
  referral: '1.3',
  correct: '1.2',
  self_referral: '3.1',
};

const SEX_CODE: Readonly<Record<Sex, string>> = { male: '1', female: '2', unknown: '3' };

/** NGAY_SINH, 12 characters: unknown time → 0000; unknown day and month → 0000 (xml130.md §4). */
function birth12(birthDate: string): string {
  return birthDate.length === 4 ? `${birthDate}00000000` : `${birthDate.replace(/-/g, '')}0000`;
}

const date8 = (iso: string | null): string => (iso ? iso.replace(/-/g, '') : '');

/** MA_LOAI_KCB: 01 khám bệnh; 03 điều trị nội trú. */
const LOAI_KCB: Readonly<Record<Xml0Input['visitKind'], string>> = {
  outpatient: '01',
  emergency: '01',
  inpatient: '03',
};

/**
 * The XML0 record of a check-in: the person, the card looked up at the desk, the arrival time, and
 * the first chargeable item (the clinic's examination service). NGAY_VAO_NOI_TRU stays empty: the
 * admission time is known only when the treating department admits the patient (a later XML0).
 */
export function buildXml0(i: Xml0Input): { record: Xml0Record; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const at = vnCompactDateTime(i.checkedInAt);
  let doiTuong = '9';
  if (i.card && i.eligibility) {
    doiTuong = i.eligibility.maDoiTuongKcb ?? PROVISIONAL_DOITUONG[i.eligibility.routeStatus];
    if (i.eligibility.maDoiTuongKcb === null) {
      warnings.push(
        problem(
          'XML0_DOITUONG_PROVISIONAL',
          `MA_DOITUONG_KCB tạm ghi ${doiTuong}; mã chính thức do HIS xác định khi kết thúc đợt khám.`,
          'xml0.MA_DOITUONG_KCB',
        ),
      );
    }
  }
  if (!i.clinic.serviceCode) {
    warnings.push(
      problem(
        'XML0_SERVICE_CODE_MISSING',
        `Phòng khám ${i.clinic.code} chưa khai báo mã dịch vụ khám (MA_DICH_VU); hãy cập nhật danh mục phòng khám.`,
        'xml0.MA_DICH_VU',
      ),
    );
  }
  const record: Xml0Record = {
    MA_LK: i.maLk,
    STT: '1',
    MA_BN: i.personId,
    HO_TEN: i.fullName,
    SO_CCCD: i.documentNumber ?? '',
    NGAY_SINH: birth12(i.birthDate),
    GIOI_TINH: SEX_CODE[i.sex],
    MA_THE_BHYT: i.card?.code ?? '',
    MA_DKBD: i.card?.initialFacilityCode ?? '',
    GT_THE_TU: date8(i.card?.validFrom ?? null),
    GT_THE_DEN: date8(i.card?.validTo ?? null),
    MA_DOITUONG_KCB: doiTuong,
    NGAY_VAO: at,
    NGAY_VAO_NOI_TRU: '',
    LY_DO_VNT: '',
    MA_LY_DO_VNT: '',
    MA_LOAI_KCB: LOAI_KCB[i.visitKind],
    MA_CSKCB: i.facilityCode,
    MA_DICH_VU: i.clinic.serviceCode ?? '',
    TEN_DICH_VU: i.clinic.serviceCode ? (i.clinic.serviceName ?? i.clinic.name) : '',
    MA_THUOC: '',
    TEN_THUOC: '',
    MA_VAT_TU: '',
    TEN_VAT_TU: '',
    NGAY_YL: at,
    DU_PHONG: '',
  };
  return { record, warnings };
}

/** The XML0 document (`CHI_TIEU_TRANG_THAI_KCB`) of records, STT renumbered from 1 in order. */
export function emitXml0(records: readonly Xml0Record[]): string {
  return emitTable(
    'XML0',
    records.map((r, n) => ({ ...r, STT: String(n + 1) })),
  );
}
