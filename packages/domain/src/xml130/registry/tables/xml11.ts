// XML11 — Bảng 11: Giấy chứng nhận nghỉ việc hưởng bảo hiểm xã hội. Field list, types and sizes: QĐ 130/QĐ-BYT as corrected by
// QĐ 4750/QĐ-BYT (appendix [S1]); element names: BHXH technical guide [S2]; portal checks: [S4].
// Spec: shared/domain/xml130.md §5.11. Later amendments (QĐ 3176, …) live in ../amendments.ts, not here.
import { defineTable, f } from '../define.ts';

export const XML11 = defineTable({
  id: 'XML11',
  bang: 11,
  title: 'Giấy chứng nhận nghỉ việc hưởng bảo hiểm xã hội',
  root: 'CHI_TIEU_DU_LIEU_GIAY_CHUNG_NHAN_NGHI_VIEC_HUONG_BAO_HIEM_XA_HOI',
  inEnvelope: true,
  since: '130',
  sources: ['S1', 'S2', 'S4'],
  // prettier-ignore
  fields: [
    f('MA_LK', { no: 1, type: 'code', legalType: 'string', max: 100, required: true, portal: 'Y' }),
    f('SO_CT', { no: 2, type: 'code', legalType: 'string', max: 200, required: true, portal: 'Y' }),
    f('SO_SERI', { no: 3, type: 'code', legalType: 'string', max: 200, required: true, portal: 'Y' }),
    f('SO_KCB', { no: 4, type: 'code', legalType: 'string', max: 200, required: true, portal: 'Y' }),
    f('DON_VI', { no: 5, type: 'text', legalType: 'string', max: 1024, required: true, portal: 'Y' }),
    f('MA_BHXH', { no: 6, type: 'code', legalType: 'string', max: 10, required: true, portal: 'Y; check: là Số là và ko được để tất cả = 0', pattern: 'MA_BHXH', history: [{ version: '4750', change: 'type', from: 'number', to: 'string', source: 'S1' }] }),
    f('MA_THE_BHYT', { no: 7, type: 'code', legalType: 'string', max: null, pattern: 'THE_BHYT', multi: true }),
    f('CHAN_DOAN_RV', { no: 8, type: 'text', legalType: 'string', max: null, required: true, portal: 'Y' }),
    f('PP_DIEUTRI', { no: 9, type: 'text', legalType: 'string', max: null, required: true, portal: 'Y' }),
    f('MA_DINH_CHI_THAI', { no: 10, type: 'int', legalType: 'number', max: 1, codes: 'MA_DINH_CHI_THAI' }),
    f('NGUYENNHAN_DINHCHI', { no: 11, type: 'text', legalType: 'string', max: null, required: { when: { op: 'in', field: 'MA_DINH_CHI_THAI', values: ['1'] } }, portal: 'Bắt buộc ghi trường thông tin này khi MA_DINH_CHI_THAI là mã "1".' }),
    f('TUOI_THAI', { no: 12, type: 'int', legalType: 'number', max: 2, required: { when: { op: 'in', field: 'MA_DINH_CHI_THAI', values: ['1'] } }, portal: 'Bắt buộc ghi trường thông tin này khi MA_DINH_CHI_THAI là mã "1".' }),
    f('SO_NGAY_NGHI', { no: 13, type: 'int', legalType: 'number', max: 3, required: true, portal: 'Y' }),
    f('TU_NGAY', { no: 14, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y' }),
    f('DEN_NGAY', { no: 15, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y', notBefore: ['TU_NGAY'] }),
    f('HO_TEN_CHA', { no: 16, type: 'text', legalType: 'string', max: 255 }),
    f('HO_TEN_ME', { no: 17, type: 'text', legalType: 'string', max: 255 }),
    f('MA_TTDV', { no: 18, type: 'code', legalType: 'string', max: 10, required: true, portal: 'Y', history: [{ version: '4750', change: 'type', from: 'number', to: 'string', source: 'S1' }] }),
    f('MA_BS', { no: 19, type: 'code', legalType: 'string', max: 200, required: true, portal: 'Y' }),
    f('NGAY_CT', { no: 20, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y' }),
    f('MA_THE_TAM', { no: 21, type: 'code', legalType: 'string', max: 15, pattern: 'THE_BHYT' }),
    f('MAU_SO', { no: 22, type: 'code', legalType: 'string', max: 5, portal: 'check: Bắt buộc là CT07 hoặc null; Nếu null tự insert DB là CT07', codes: 'MAU_SO' }),
    f('DU_PHONG', { no: 23, type: 'text', legalType: 'string', max: null, since: '4750', history: [{ version: '4750', change: 'added', source: 'S1' }] }),
  ],
});
