// XML10 — Bảng 10: Giấy chứng nhận nghỉ dưỡng thai. Field list, types and sizes: QĐ 130/QĐ-BYT as corrected by
// QĐ 4750/QĐ-BYT (appendix [S1]); element names: BHXH technical guide [S2]; portal checks: [S4].
// Spec: shared/domain/xml130.md §5.10. Later amendments (QĐ 3176, …) live in ../amendments.ts, not here.
import { defineTable, f } from '../define.ts';

export const XML10 = defineTable({
  id: 'XML10',
  bang: 10,
  title: 'Giấy chứng nhận nghỉ dưỡng thai',
  root: 'CHI_TIEU_DU_LIEU_GIAY_NGHI_DUONG_THAI',
  inEnvelope: true,
  since: '130',
  sources: ['S1', 'S2', 'S4'],
  // prettier-ignore
  fields: [
    f('MA_LK', { no: 1, type: 'code', legalType: 'string', max: 100, required: true, portal: 'Y' }),
    f('SO_SERI', { no: 2, type: 'code', legalType: 'string', max: 200, required: true, portal: 'Y' }),
    f('SO_CT', { no: 3, type: 'code', legalType: 'string', max: 200, required: true, portal: 'Y' }),
    f('SO_NGAY', { no: 4, type: 'int', legalType: 'number', max: 3, required: true, portal: 'Y' }),
    f('DON_VI', { no: 5, type: 'text', legalType: 'string', max: 1024, required: true, portal: 'Y' }),
    f('CHAN_DOAN_RV', { no: 6, type: 'text', legalType: 'string', max: null, required: true, portal: 'Y' }),
    f('TU_NGAY', { no: 7, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y' }),
    f('DEN_NGAY', { no: 8, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y', notBefore: ['TU_NGAY'] }),
    f('MA_TTDV', { no: 9, type: 'code', legalType: 'string', max: 10, required: true, portal: 'Y', history: [{ version: '4750', change: 'type', from: 'number', to: 'string', source: 'S1' }] }),
    f('TEN_BS', { no: 10, type: 'text', legalType: 'string', max: 255, required: true, portal: 'Y' }),
    f('MA_BS', { no: 11, type: 'code', legalType: 'string', max: 200, required: true, portal: 'Y' }),
    f('NGAY_CT', { no: 12, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y' }),
    f('DU_PHONG', { no: 13, type: 'text', legalType: 'string', max: null, since: '4750', history: [{ version: '4750', change: 'added', source: 'S1' }] }),
  ],
});
