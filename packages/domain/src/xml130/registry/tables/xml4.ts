// XML4 — Bảng 4: Chi tiết dịch vụ cận lâm sàng. Field list, types and sizes: QĐ 130/QĐ-BYT as corrected by
// QĐ 4750/QĐ-BYT (appendix [S1]); element names: BHXH technical guide [S2]; portal checks: [S4].
// Spec: shared/domain/xml130.md §5.4. Later amendments (QĐ 3176, …) live in ../amendments.ts, not here.
import { defineTable, f } from '../define.ts';

export const XML4 = defineTable({
  id: 'XML4',
  bang: 4,
  title: 'Chi tiết dịch vụ cận lâm sàng',
  root: 'CHITIEU_CHITIET_DICHVUCANLAMSANG',
  list: 'DSACH_CHI_TIET_CLS',
  record: 'CHI_TIET_CLS',
  legacyRoots: ['DSACH_CHI_TIET_CLS'], // QĐ 4210 files had no CHITIEU_ wrapper (§9)
  inEnvelope: true,
  since: '130',
  sources: ['S1', 'S2', 'S4'],
  // prettier-ignore
  fields: [
    f('MA_LK', { no: 1, type: 'code', legalType: 'string', max: 100, required: true, portal: 'Y', note: 'Episode link key; unique per KCB episode; same value in every table of the HOSO (PK of XML1, FK elsewhere)' }),
    f('STT', { no: 2, type: 'int', legalType: 'number', max: 10, required: true, portal: 'Y', note: 'Row sequence, starts at 1 within one submission' }),
    f('MA_DICH_VU', { no: 3, type: 'code', legalType: 'string', max: 15, note: 'CLS service code (QĐ 7603 PL1)' }),
    f('MA_CHI_SO', { no: 4, type: 'code', legalType: 'string', max: 50, history: [{ version: '4750', change: 'text', source: 'S1' }], note: 'Test/indicator code (QĐ 7603 PL11; QĐ 1227/2025 per secondary source); empty if none' }),
    f('TEN_CHI_SO', { no: 5, type: 'text', legalType: 'string', max: 255, required: true, portal: 'Y', history: [{ version: '4750', change: 'text', source: 'S1' }], note: 'Indicator name' }),
    f('GIA_TRI', { no: 6, type: 'text', legalType: 'string', max: 50, note: 'Result value' }),
    f('DON_VI_DO', { no: 7, type: 'text', legalType: 'string', max: 50, note: 'Unit' }),
    f('MO_TA', { no: 8, type: 'text', legalType: 'string', max: null, note: 'Reader description' }),
    f('KET_LUAN', { no: 9, type: 'text', legalType: 'string', max: null, note: 'Conclusion' }),
    f('NGAY_KQ', { no: 10, type: 'datetime', legalType: 'string', max: 12, required: { when: { op: 'filled', field: 'GIA_TRI' } }, portal: 'Bắt buộc khi trường GIA_TRI có dữ liệu', history: [{ version: '4750', change: 'text', source: 'S1' }], note: 'Result time yyyyMMddHHmm; may be completed on portal ≤60 days (4750)' }),
    f('MA_BS_DOC_KQ', { no: 11, type: 'code', legalType: 'string', max: 255, multi: true, history: [{ version: '4750', change: 'text', source: 'S1' }], note: 'Reading/approving doctor id' }),
    f('DU_PHONG', { no: 12, type: 'text', legalType: 'string', max: null, note: 'Reserved' }),
  ],
});
