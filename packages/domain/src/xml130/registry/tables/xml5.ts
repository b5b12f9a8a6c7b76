// XML5 — Bảng 5: Chi tiết diễn biến lâm sàng. Field list, types and sizes: QĐ 130/QĐ-BYT as corrected by
// QĐ 4750/QĐ-BYT (appendix [S1]); element names: BHXH technical guide [S2]; portal checks: [S4].
// Spec: shared/domain/xml130.md §5.5. Later amendments (QĐ 3176, …) live in ../amendments.ts, not here.
import { defineTable, f } from '../define.ts';

export const XML5 = defineTable({
  id: 'XML5',
  bang: 5,
  title: 'Chi tiết diễn biến lâm sàng',
  root: 'CHITIEU_CHITIET_DIENBIENLAMSANG',
  list: 'DSACH_CHI_TIET_DIEN_BIEN_BENH',
  record: 'CHI_TIET_DIEN_BIEN_BENH',
  legacyRoots: ['DSACH_CHI_TIET_DIEN_BIEN_BENH'], // QĐ 4210 files had no CHITIEU_ wrapper (§9)
  inEnvelope: true,
  since: '130',
  sources: ['S1', 'S2', 'S4'],
  // prettier-ignore
  fields: [
    f('MA_LK', { no: 1, type: 'code', legalType: 'string', max: 100, required: true, portal: 'Y', note: 'Episode link key; unique per KCB episode; same value in every table of the HOSO (PK of XML1, FK elsewhere)' }),
    f('STT', { no: 2, type: 'int', legalType: 'number', max: 10, required: true, portal: 'Y', note: 'Row sequence, starts at 1 within one submission' }),
    f('DIEN_BIEN_LS', { aliases: ['DIEN_BIEN'], no: 3, type: 'text', legalType: 'string', max: null, required: true, portal: 'Y', history: [{ version: '4750', change: 'text', source: 'S1' }], note: 'Clinical progress note; 4750: vital signs encoded "CSST<M75_T37_HA120/70_NT18_HL2>"' }),
    f('GIAI_DOAN_BENH', { no: 4, type: 'text', legalType: 'string', max: null, note: 'Disease stage' }),
    f('HOI_CHAN', { no: 5, type: 'text', legalType: 'string', max: null, note: 'Consultation result' }),
    f('PHAU_THUAT', { no: 6, type: 'text', legalType: 'string', max: null, note: 'Procedure description' }),
    f('THOI_DIEM_DBLS', { no: 7, type: 'datetime', legalType: 'string', max: 12, required: true, portal: 'Y', note: 'Note time yyyyMMddHHmm' }),
    f('NGUOI_THUC_HIEN', { no: 8, type: 'code', legalType: 'string', max: 255, required: true, portal: 'Y', multi: true, note: 'Author id(s), ";"' }),
    f('DU_PHONG', { no: 9, type: 'text', legalType: 'string', max: null, note: 'Reserved' }),
  ],
});
