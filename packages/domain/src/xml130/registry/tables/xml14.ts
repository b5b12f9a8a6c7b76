// XML14 — Bảng 14: Giấy hẹn khám lại. Field list, types and sizes: QĐ 130/QĐ-BYT as corrected by
// QĐ 4750/QĐ-BYT (appendix [S1]); element names: BHXH technical guide [S2]; portal checks: [S4].
// Spec: shared/domain/xml130.md §5.14. Later amendments (QĐ 3176, …) live in ../amendments.ts, not here.
import { defineTable, f } from '../define.ts';

export const XML14 = defineTable({
  id: 'XML14',
  bang: 14,
  title: 'Giấy hẹn khám lại',
  root: 'CHI_TIEU_GIAYHEN_KHAMLAI',
  inEnvelope: true,
  since: '4750',
  sources: ['S1', 'S2', 'S4'],
  // prettier-ignore
  fields: [
    f('MA_LK', { no: 1, type: 'code', legalType: 'string', max: 100, required: true, portal: 'Y', note: 'Episode link key; unique per KCB episode; same value in every table of the HOSO (PK of XML1, FK elsewhere)' }),
    f('SO_GIAYHEN_KL', { no: 2, type: 'code', legalType: 'string', max: 50, required: true, portal: 'Y', note: 'Appointment slip no. (mẫu số 5, NĐ 75/2023)' }),
    f('MA_CSKCB', { no: 3, type: 'code', legalType: 'string', max: 5, required: true, portal: 'Y', pattern: 'CSKCB', note: 'Issuing facility (5)' }),
    f('HO_TEN', { no: 4, type: 'text', legalType: 'string', max: 255, required: true, portal: 'Y', note: 'Patient name' }),
    f('NGAY_SINH', { no: 5, type: 'birth', legalType: 'string', max: 12, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', sameAsXml1: 'NGAY_SINH' }),
    f('GIOI_TINH', { no: 6, type: 'int', legalType: 'number', max: 1, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', codes: 'GIOI_TINH', sameAsXml1: 'GIOI_TINH' }),
    f('DIA_CHI', { no: 7, type: 'text', legalType: 'string', max: 1024, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', sameAsXml1: 'DIA_CHI' }),
    f('MA_THE_BHYT', { no: 8, type: 'code', legalType: 'string', max: null, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', pattern: 'THE_BHYT', multi: true, sameAsXml1: 'MA_THE_BHYT' }),
    f('GT_THE_DEN', { no: 9, type: 'date', legalType: 'string', max: null, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', multi: true, sameAsXml1: 'GT_THE_DEN' }),
    f('NGAY_VAO', { no: 10, type: 'datetime', legalType: 'string', max: 12, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', sameAsXml1: 'NGAY_VAO' }),
    f('NGAY_VAO_NOI_TRU', { no: 11, type: 'datetime', legalType: 'string', max: 12, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', sameAsXml1: 'NGAY_VAO_NOI_TRU' }),
    f('NGAY_RA', { no: 12, type: 'datetime', legalType: 'string', max: 12, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', notBefore: ['NGAY_VAO'], sameAsXml1: 'NGAY_RA' }),
    f('NGAY_HEN_KL', { no: 13, type: 'datetime', legalType: 'string', max: 12, required: true, portal: 'Y; check: >= NGAY_RA', notBefore: ['NGAY_RA'], note: 'Appointment time; 4750 text: yyyyMMddHHmm (12). Real 2026 files and one implementation use yyyyMMdd (8) – reported 3176 change, unconfirmed' }),
    f('CHAN_DOAN_RV', { no: 15, type: 'text', legalType: 'string', max: null, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', sameAsXml1: 'CHAN_DOAN_RV' }),
    f('MA_BENH_CHINH', { no: 16, type: 'code', legalType: 'string', max: 7, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', pattern: 'ICD10', sameAsXml1: 'MA_BENH_CHINH' }),
    f('MA_BENH_KT', { no: 17, type: 'code', legalType: 'string', max: 100, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', pattern: 'ICD10', multi: true, sameAsXml1: 'MA_BENH_KT' }),
    f('MA_BENH_YHCT', { no: 18, type: 'code', legalType: 'string', max: 255, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', multi: true, sameAsXml1: 'MA_BENH_YHCT' }),
    f('MA_DOITUONG_KCB', { no: 19, type: 'code', legalType: 'string', max: 4, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', codes: 'MA_DOITUONG_KCB', sameAsXml1: 'MA_DOITUONG_KCB' }),
    f('MA_BAC_SI', { no: 20, type: 'code', legalType: 'string', max: 255, required: true, portal: 'Y', multi: true, note: 'Doctor licence code' }),
    f('MA_TTDV', { no: 21, type: 'code', legalType: 'string', max: 10, required: true, portal: 'Y', note: 'Signing head-of-facility id' }),
    f('NGAY_CT', { no: 22, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y; check: >= NGAY_VAO', notBefore: ['NGAY_VAO'], note: 'Issue date yyyyMMdd' }),
    f('DU_PHONG', { no: 23, type: 'text', legalType: 'string', max: null, note: 'Reserved' }),
  ],
});
