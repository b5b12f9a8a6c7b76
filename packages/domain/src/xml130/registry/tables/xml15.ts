// XML15 — Bảng 15: Thông tin quản lý điều trị bệnh lao. Field list, types and sizes: QĐ 130/QĐ-BYT as corrected by
// QĐ 4750/QĐ-BYT (appendix [S1]); element names: BHXH technical guide [S2]; portal checks: [S4].
// Spec: shared/domain/xml130.md §5.15. Later amendments (QĐ 3176, …) live in ../amendments.ts, not here.
import { defineTable, f } from '../define.ts';

export const XML15 = defineTable({
  id: 'XML15',
  bang: 15,
  title: 'Thông tin quản lý điều trị bệnh lao',
  root: 'CHI_TIEU_DIEUTRI_BENHLAO',
  list: 'DSACH_CHITIET_DIEUTRI_BENHLAO',
  record: 'CHITIET_DIEUTRI_BENHLAO',
  inEnvelope: true,
  since: '4750',
  sources: ['S1', 'S2', 'S4'],
  // prettier-ignore
  fields: [
    f('MA_LK', { no: 1, type: 'code', legalType: 'string', max: 100, required: true, portal: 'Y' }),
    f('STT', { no: 2, type: 'int', legalType: 'number', max: 10 }),
    f('MA_BN', { no: 3, type: 'code', legalType: 'string', max: 100, required: true, portal: 'Y' }),
    f('HO_TEN', { no: 4, type: 'text', legalType: 'string', max: 255, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', sameAsXml1: 'HO_TEN' }),
    f('SO_CCCD', { no: 5, type: 'code', legalType: 'number', max: 15, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', pattern: 'CCCD', sameAsXml1: 'SO_CCCD' }),
    f('PHANLOAI_LAO_VITRI', { no: 6, type: 'int', legalType: 'number', max: 1, required: true, portal: 'Y', codes: 'LAO_PHANLOAI_VITRI' }),
    f('PHANLOAI_LAO_TS', { no: 7, type: 'int', legalType: 'number', max: 1, required: true, portal: 'Y', codes: 'LAO_PHANLOAI_TS' }),
    f('PHANLOAI_LAO_HIV', { no: 8, type: 'int', legalType: 'number', max: 1, required: true, portal: 'Y', codes: 'LAO_PHANLOAI_HIV' }),
    f('PHANLOAI_LAO_VK', { no: 9, type: 'int', legalType: 'number', max: 1, required: true, portal: 'Y', codes: 'LAO_PHANLOAI_VK' }),
    f('PHANLOAI_LAO_KT', { no: 10, type: 'int', legalType: 'number', max: 1, required: true, portal: 'Y', codes: 'LAO_PHANLOAI_KT' }),
    f('LOAI_DTRI_LAO', { no: 11, type: 'int', legalType: 'number', max: 1, required: true, portal: 'Y', codes: 'LAO_LOAI_DTRI' }),
    f('NGAYBD_DTRI_LAO', { no: 12, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y' }),
    f('PHACDO_DTRI_LAO', { no: 13, type: 'int', legalType: 'number', max: 2, required: true, portal: 'Y', codes: 'LAO_PHACDO_DTRI' }),
    f('NGAYKT_DTRI_LAO', { no: 14, type: 'date', legalType: 'string', max: 8, notBefore: ['NGAYBD_DTRI_LAO'] }),
    f('KET_QUA_DTRI_LAO', { no: 15, type: 'int', legalType: 'number', max: 1, required: true, portal: 'Y', codes: 'LAO_KET_QUA_DTRI' }),
    f('MA_CSKCB', { no: 16, type: 'code', legalType: 'string', max: 5, portal: 'check: Nếu có dữ liệu thì phải giống thông tin này ở bảng 1', pattern: 'CSKCB', sameAsXml1: 'MA_CSKCB' }),
    f('NGAYKD_HIV', { no: 17, type: 'date', legalType: 'string', max: 8 }),
    f('BDDT_ARV', { no: 18, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y' }),
    f('NGAY_BAT_DAU_DT_CTX', { no: 19, type: 'date', legalType: 'string', max: 8, required: true, portal: 'Y' }),
    f('DU_PHONG', { no: 20, type: 'text', legalType: 'string', max: null }),
  ],
});
