// XML8 — Bảng 8: Tóm tắt hồ sơ bệnh án. Field list, types and sizes: QĐ 130/QĐ-BYT as corrected by
// QĐ 4750/QĐ-BYT (appendix [S1]); element names: BHXH technical guide [S2]; portal checks: [S4].
// Spec: shared/domain/xml130.md §5.8. Later amendments (QĐ 3176, …) live in ../amendments.ts, not here.
import { defineTable, f } from '../define.ts';

export const XML8 = defineTable({
  id: 'XML8',
  bang: 8,
  title: 'Tóm tắt hồ sơ bệnh án',
  root: 'CHI_TIEU_DU_LIEU_TOM_TAT_HO_SO_BENH_AN',
  inEnvelope: true,
  since: '130',
  sources: ['S1', 'S2', 'S4'],
  // prettier-ignore
  fields: [
    f('MA_LK', { no: 1, type: 'code', legalType: 'string', max: 100, required: true, portal: 'Y; check: Bảng 8 chỉ có khi MA_LOAI_KCB ở XML1 in (\'03\',\'04\',\'06\');' }),
    f('MA_LOAI_KCB', { no: 2, type: 'code', legalType: 'string', max: 2, required: true, portal: 'Y', codes: 'MA_LOAI_KCB', pattern: 'MA_LOAI_KCB', history: [{ version: '4750', change: 'type', from: 'number', to: 'string', source: 'S1' }] }),
    f('HO_TEN_CHA', { no: 3, type: 'text', legalType: 'string', max: 255 }),
    f('HO_TEN_ME', { no: 4, type: 'text', legalType: 'string', max: 255 }),
    f('NGUOI_GIAM_HO', { no: 5, type: 'text', legalType: 'string', max: 255 }),
    f('DON_VI', { no: 6, type: 'text', legalType: 'string', max: 1024 }),
    f('NGAY_VAO', { no: 7, type: 'datetime', legalType: 'string', max: 12, required: true, portal: 'Y' }),
    f('NGAY_RA', { no: 8, type: 'datetime', legalType: 'string', max: 12, required: true, portal: 'Y', notBefore: ['NGAY_VAO'] }),
    f('CHAN_DOAN_VAO', { no: 9, type: 'text', legalType: 'string', max: null, required: true, portal: 'Y' }),
    f('CHAN_DOAN_RV', { no: 10, type: 'text', legalType: 'string', max: null, required: true, portal: 'Y' }),
    f('QT_BENHLY', { no: 11, type: 'text', legalType: 'string', max: null, required: true, portal: 'Y' }),
    f('TOMTAT_KQ', { no: 12, type: 'text', legalType: 'string', max: null, required: true, portal: 'Y' }),
    f('PP_DIEUTRI', { no: 13, type: 'text', legalType: 'string', max: null, required: true, portal: 'Y' }),
    f('NGAY_SINHCON', { no: 14, type: 'date', legalType: 'string', max: 8 }),
    f('NGAY_CONCHET', { no: 15, type: 'date', legalType: 'string', max: 8 }),
    f('SO_CONCHET', { no: 16, type: 'int', legalType: 'number', max: 2 }),
    f('KET_QUA_DTRI', { no: 17, type: 'int', legalType: 'number', max: 1, required: true, portal: 'Y', codes: 'KET_QUA_DTRI', history: [{ version: '4750', change: 'text', source: 'S1' }] }),
    f('GHI_CHU', { no: 18, type: 'text', legalType: 'string', max: null }),
    f('MA_TTDV', { no: 19, type: 'code', legalType: 'string', max: 10, required: true, portal: 'Y', history: [{ version: '4750', change: 'type', from: 'number', to: 'string', source: 'S1' }] }),
    f('NGAY_CT', { no: 20, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y' }),
    f('MA_THE_TAM', { no: 21, type: 'code', legalType: 'string', max: 15, pattern: 'THE_BHYT' }),
    f('DU_PHONG', { no: 22, type: 'text', legalType: 'string', max: null }),
  ],
});
