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
