// XML7 — Bảng 7: Giấy ra viện. Field list, types and sizes: QĐ 130/QĐ-BYT as corrected by
// QĐ 4750/QĐ-BYT (appendix [S1]); element names: BHXH technical guide [S2]; portal checks: [S4].
// Spec: shared/domain/xml130.md §5.7. Later amendments (QĐ 3176, …) live in ../amendments.ts, not here.
import { defineTable, f } from '../define.ts';

export const XML7 = defineTable({
  id: 'XML7',
  bang: 7,
  title: 'Giấy ra viện',
  root: 'CHI_TIEU_DU_LIEU_GIAY_RA_VIEN',
  inEnvelope: true,
  since: '130',
  sources: ['S1', 'S2', 'S4'],
  // prettier-ignore
  fields: [
    f('MA_LK', { no: 1, type: 'code', legalType: 'string', max: 100, required: true, portal: 'Y', note: 'Episode link key; unique per KCB episode; same value in every table of the HOSO (PK of XML1, FK elsewhere)' }),
    f('SO_LUU_TRU', { no: 2, type: 'code', legalType: 'string', max: 200, required: true, portal: 'Y', note: 'Archive (medical-record) number' }),
    f('MA_YTE', { no: 3, type: 'code', legalType: 'string', max: 200, required: true, portal: 'Y', note: 'Same as XML1.MA_BN' }),
    f('MA_KHOA_RV', { no: 4, type: 'code', legalType: 'string', max: 200, required: true, portal: 'Y', note: 'Discharging department' }),
    f('NGAY_VAO', { no: 5, type: 'datetime', legalType: 'string', max: 12, required: true, portal: 'Y' }),
    f('NGAY_RA', { no: 6, type: 'datetime', legalType: 'string', max: 12, required: true, portal: 'Y', notBefore: ['NGAY_VAO'] }),
    f('MA_DINH_CHI_THAI', { no: 7, type: 'int', legalType: 'number', max: 1, codes: 'MA_DINH_CHI_THAI', note: '1 = pregnancy terminated, 0 = no' }),
    f('NGUYENNHAN_DINHCHI', { no: 8, type: 'text', legalType: 'string', max: null, required: { when: { op: 'in', field: 'MA_DINH_CHI_THAI', values: ['1'] } }, portal: 'bắt buộc khi MA_DINH_CHI_THAI =1', note: 'Required if MA_DINH_CHI_THAI = 1' }),
    f('THOIGIAN_DINHCHI', { no: 9, type: 'datetime', legalType: 'string', max: 12, required: { when: { op: 'in', field: 'MA_DINH_CHI_THAI', values: ['1'] } }, portal: 'bắt buộc khi MA_DINH_CHI_THAI =1' }),
    f('TUOI_THAI', { no: 10, type: 'int', legalType: 'number', max: 2, required: { when: { op: 'in', field: 'MA_DINH_CHI_THAI', values: ['1'] } }, portal: 'bắt buộc khi MA_DINH_CHI_THAI =1', note: 'Gestational weeks 1–42; required if terminated' }),
    f('CHAN_DOAN_RV', { no: 11, type: 'text', legalType: 'string', max: 1500, required: true, portal: 'Y', note: 'Discharge diagnosis' }),
    f('PP_DIEUTRI', { no: 12, type: 'text', legalType: 'string', max: 1500, required: true, portal: 'Y', note: 'Treatment method' }),
    f('GHI_CHU', { no: 13, type: 'text', legalType: 'string', max: 1500, note: 'Notes for BHXH benefits (TT 18/2022 PL3)' }),
    f('MA_TTDV', { no: 14, type: 'code', legalType: 'string', max: 10, required: true, portal: 'Y', history: [{ version: '4750', change: 'text', source: 'S1' }], note: 'Head of facility id; 4750: →Chuỗi' }),
    f('MA_BS', { no: 15, type: 'code', legalType: 'string', max: 200, required: true, portal: 'Y', note: 'Head/deputy head of department id' }),
    f('TEN_BS', { no: 16, type: 'text', legalType: 'string', max: 255, required: true, portal: 'Y', note: 'Their name' }),
    f('NGAY_CT', { no: 17, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y', note: 'Document date yyyyMMdd (= discharge date)' }),
    f('MA_CHA', { no: 18, type: 'code', legalType: 'string', max: 10, pattern: 'MA_BHXH', history: [{ version: '4750', change: 'text', source: 'S1' }], note: 'Father BHXH no. (child < 16)' }),
    f('MA_ME', { no: 19, type: 'code', legalType: 'string', max: 10, pattern: 'MA_BHXH', history: [{ version: '4750', change: 'text', source: 'S1' }], note: 'Mother BHXH no. (child < 16)' }),
    f('MA_THE_TAM', { no: 20, type: 'code', legalType: 'string', max: 15, pattern: 'THE_BHYT', note: 'Temporary card code (newborn / organ donor)' }),
    f('HO_TEN_CHA', { no: 21, type: 'text', legalType: 'string', max: 255, note: 'Father name (child < 16)' }),
    f('HO_TEN_ME', { no: 22, type: 'text', legalType: 'string', max: 255, note: 'Mother name (child < 16)' }),
    f('SO_NGAY_NGHI', { no: 23, type: 'int', legalType: 'number', max: 2, required: { when: { op: 'any', of: [{ op: 'filled', field: 'NGOAITRU_TUNGAY' }, { op: 'filled', field: 'NGOAITRU_DENNGAY' }] } }, portal: 'check: Nếu 1 trường có dữ liệu thì bắt buộc nhập ca3 3 trường', note: 'Outpatient rest days after discharge' }),
    f('NGOAITRU_TUNGAY', { no: 24, type: 'date', legalType: 'string', max: 8, required: { when: { op: 'any', of: [{ op: 'notIn', field: 'SO_NGAY_NGHI', values: ['0'] }, { op: 'filled', field: 'NGOAITRU_DENNGAY' }] } }, note: 'Rest from yyyyMMdd' }),
    f('NGOAITRU_DENNGAY', { no: 25, type: 'date', legalType: 'string', max: 8, required: { when: { op: 'any', of: [{ op: 'notIn', field: 'SO_NGAY_NGHI', values: ['0'] }, { op: 'filled', field: 'NGOAITRU_TUNGAY' }] } }, notBefore: ['NGOAITRU_TUNGAY'], note: 'Rest to yyyyMMdd' }),
    f('DU_PHONG', { no: 26, type: 'text', legalType: 'string', max: null, since: '4750', history: [{ version: '4750', change: 'added', source: 'S1' }], note: '4750 new: reserved' }),
  ],
});
