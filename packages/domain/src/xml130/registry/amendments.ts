/**
 * Amendments after QĐ 4750, as data. The base tables (tables/*.ts) are the QĐ 130 fields as corrected
 * by QĐ 4750 (the 4750 deltas are recorded in each field's `history`). Everything later is a patch
 * here; `buildRegistry()` applies the `defaultOn` ones. To amend a field, add an entry — never edit the
 * base table for a later decision. See README.md.
 */
import type { Amendment, AmendmentOp, FieldPatch } from './amendment-types.ts';
import type { TableId } from './types.ts';

const MA_TTDV_TABLES: readonly TableId[] = [
  'XML1',
  'XML7',
  'XML8',
  'XML9',
  'XML10',
  'XML11',
  'XML13',
  'XML14',
];

function modifyEach(tables: readonly TableId[], field: string, set: FieldPatch): AmendmentOp[] {
  return tables.map((table) => ({ op: 'modify', table, field, set }));
}

export const AMENDMENTS: readonly Amendment[] = [
  {
    id: 'QD3176-MA_TTDV-255',
    version: '3176',
    title: 'MA_TTDV: mã định danh (CCHN/GPHN) của người ký, chuỗi 255',
    effectiveFrom: '2025-01-01',
    confidence: 'reported',
    sources: ['QD3176', 'U2', 'S7'],
    defaultOn: true,
    note: 'Real 2026 files carry licence codes such as "000000/XX-CCHN" (14 characters) instead of a 10-digit BHXH number.',
    ops: modifyEach(MA_TTDV_TABLES, 'MA_TTDV', { max: 255 }),
  },
  {
    id: 'QD3176-MA_BS-255',
    version: '3176',
    title: 'MA_BS: mã CCHN/GPHN, chuỗi 255',
    effectiveFrom: '2025-01-01',
    confidence: 'unconfirmed',
    sources: ['QD3176', 'U2'],
    defaultOn: true,
    note: 'Widening only; no real file contradicts it.',
    ops: modifyEach(['XML7', 'XML10', 'XML11'], 'MA_BS', { max: 255 }),
  },
  {
    id: 'QD3176-NGAY_HEN_KL-DATE',
    version: '3176',
    title: 'XML14 NGAY_HEN_KL: yyyyMMdd (8) thay cho yyyyMMddHHmm (12)',
    effectiveFrom: '2025-01-01',
    confidence: 'reported',
    sources: ['QD3176', 'U2', 'S7'],
    defaultOn: true,
    note: 'Real 2026 files send 8 digits; 12-digit values from 4750-era exporters stay accepted.',
    change: 'format',
    ops: [{ op: 'modify', table: 'XML14', field: 'NGAY_HEN_KL', set: { type: 'dateOrDatetime' } }],
  },
  {
    id: 'QD1931-MUC_HUONG-4',
    version: '1931',
    title: 'MUC_HUONG: tối đa 4 ký tự',
    effectiveFrom: '2026-07-01',
    confidence: 'unconfirmed',
    sources: ['QD1931', 'U1'],
    defaultOn: true,
    note: 'Single news source; widening only.',
    ops: modifyEach(['XML2', 'XML3'], 'MUC_HUONG', { max: 4 }),
  },
  {
    id: 'LGOV2025-MAHUYEN-OPTIONAL',
    version: 'LGOV2025',
    title: 'MAHUYEN_CU_TRU không còn bắt buộc (bỏ cấp huyện từ 01/07/2025)',
    effectiveFrom: '2025-07-01',
    confidence: 'unconfirmed',
    sources: ['LGOV2025', 'S7'],
    defaultOn: true,
    note: 'How to fill the district code after the abolition is unconfirmed; real 2026 files leave it empty.',
    change: 'required',
    ops: modifyEach(['XML1', 'XML9', 'XML12'], 'MAHUYEN_CU_TRU', { required: false }),
  },
  // ── Provincial acceptance policy (version PRACTICE): fields the appendix [S1] marks "Y" that real
  // hospital files [S7] send empty. Reading the episode does not depend on them, so an empty value is a
  // FIELD_EMPTY_TOLERATED warning stored with the episode instead of rejecting it. Identifiers, dates,
  // codes the episode is built on and every total stay errors. Evidence: ../shared/samples/xml130
  // (sample01, sample03; xml130.md §5.2, §5.4, §5.9).
  {
    id: 'PRACTICE-XML2-HAM_LUONG-DUONG_DUNG',
    version: 'PRACTICE',
    title: 'XML2 HAM_LUONG, DUONG_DUNG: để trống → cảnh báo (không từ chối hồ sơ)',
    effectiveFrom: '2024-07-01',
    confidence: 'reported',
    sources: ['S7', 'S1'],
    defaultOn: true,
    note: 'xml130.md §5.2 #9–10 mark strength and route "Y", but real outpatient files (sample03: 3 of 3 drug lines of MA_NHOM 4) leave HAM_LUONG empty when the strength is part of the registered drug name (TEN_THUOC "Wamlox 5mg/80mg") and DUONG_DUNG empty for an insulin pen; for blood, oxygen and supplies (§10.2 #21) they do not apply at all. Both are attributes of the registered product (SO_DANG_KY / MA_THUOC catalogue), not of the claim: amounts, quantity, drug code and dose (LIEU_DUNG) stay required.',
    ops: [
      {
        op: 'modify',
        table: 'XML2',
        field: 'HAM_LUONG',
        set: { required: { severity: 'warning', source: 'S7' } },
      },
      {
        op: 'modify',
        table: 'XML2',
        field: 'DUONG_DUNG',
        set: { required: { severity: 'warning', source: 'S7' } },
      },
    ],
  },
  {
    id: 'PRACTICE-XML4-TEN_CHI_SO',
    version: 'PRACTICE',
    title: 'XML4 TEN_CHI_SO: để trống → cảnh báo (không từ chối hồ sơ)',
    effectiveFrom: '2024-07-01',
    confidence: 'reported',
    sources: ['S7', 'S1'],
    defaultOn: true,
    note: 'xml130.md §5.4 #5 marks the indicator name "Y", but MA_CHI_SO (#4) is "empty if none": a CLS service without indicators (sample01: imaging 18.0036.0001, no MA_CHI_SO, result in MO_TA/KET_LUAN) has no name to give, and when MA_CHI_SO is filled the name derives from the indicator code list (QĐ 7603 PL11 / QĐ 1227/2025).',
    ops: [
      {
        op: 'modify',
        table: 'XML4',
        field: 'TEN_CHI_SO',
        set: { required: { severity: 'warning', source: 'S7' } },
      },
    ],
  },
  {
    id: 'PRACTICE-XML9-GHI_CHU',
    version: 'PRACTICE',
    title: 'XML9 GHI_CHU: để trống → cảnh báo (không từ chối hồ sơ)',
    effectiveFrom: '2024-07-01',
    confidence: 'reported',
    sources: ['S7', 'S1'],
    defaultOn: true,
    note: 'xml130.md §5.9 #28 marks the birth-certificate note "Y"; a note has nothing to say for an ordinary birth and real files send it empty (sample01). The certificate itself (child, mother, dates, numbers, signer) stays required.',
    ops: [
      {
        op: 'modify',
        table: 'XML9',
        field: 'GHI_CHU',
        set: { required: { severity: 'warning', source: 'S7' } },
      },
    ],
  },
  {
    id: 'QD3176-XML13-NAMES',
    version: '3176',
    title:
      'XML13: MA_NOI_DI→MA_CSKCB_DI, MA_NOI_DEN→MA_CSKCB_DEN, PP_DIEU_TRI→TINH_TRANG_CT; bỏ TEN_DICH_VU, TEN_THUOC',
    effectiveFrom: '2025-01-01',
    confidence: 'unconfirmed',
    sources: ['QD3176', 'S6', 'U2', 'U3'],
    defaultOn: false,
    note: 'Contradicted by a real March-2026 file that still uses the 4750 names (xml130.md §8). Off by default; the parser accepts the 3176 names as aliases either way.',
    ops: [
      { op: 'rename', table: 'XML13', field: 'MA_NOI_DI', to: 'MA_CSKCB_DI', set: { max: 100, multi: true } },
      { op: 'rename', table: 'XML13', field: 'MA_NOI_DEN', to: 'MA_CSKCB_DEN' },
      {
        op: 'rename',
        table: 'XML13',
        field: 'PP_DIEU_TRI',
        to: 'TINH_TRANG_CT',
        set: { sameAsXml1: undefined },
      },
      { op: 'remove', table: 'XML13', field: 'TEN_DICH_VU' },
      { op: 'remove', table: 'XML13', field: 'TEN_THUOC' },
    ],
  },
  {
    id: 'QD3176-XML1-SIZES',
    version: '3176',
    title: 'XML1: SO_CCCD không giới hạn, MA_NGHE_NGHIEP 2 ký tự, MA_BENH_YHCT 150',
    effectiveFrom: '2025-01-01',
    confidence: 'unconfirmed',
    sources: ['QD3176', 'U2', 'U3'],
    defaultOn: false,
    note: 'Reported by secondary sources only.',
    ops: [
      { op: 'modify', table: 'XML1', field: 'SO_CCCD', set: { max: null } },
      { op: 'modify', table: 'XML1', field: 'MA_NGHE_NGHIEP', set: { max: 2 } },
      { op: 'modify', table: 'XML1', field: 'MA_BENH_YHCT', set: { max: 150 } },
    ],
  },
];

export const DEFAULT_AMENDMENTS: readonly Amendment[] = AMENDMENTS.filter((a) => a.defaultOn);
