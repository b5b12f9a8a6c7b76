// XML0 — Bảng 0: Bảng check-in (trạng thái KCB). Field list, types and sizes: QĐ 130/QĐ-BYT as corrected by
// QĐ 4750/QĐ-BYT (appendix [S1]); element names: BHXH technical guide [S2]; portal checks: [S4].
// Spec: shared/domain/xml130.md §5.0. Later amendments (QĐ 3176, …) live in ../amendments.ts, not here.
import { defineTable, f } from '../define.ts';

export const XML0 = defineTable({
  id: 'XML0',
  bang: 0,
  title: 'Bảng check-in (trạng thái KCB)',
  root: 'CHI_TIEU_TRANG_THAI_KCB',
  list: 'DSACH_TRANG_THAI_KCB',
  record: 'TRANG_THAI_KCB',
  trailer: 'CHUKYDONVI',
  inEnvelope: false,
  since: '130',
  sources: ['S1', 'S2', 'S4'],
  // prettier-ignore
  fields: [
    f('MA_LK', { no: 1, type: 'code', legalType: 'string', max: 100, required: true, portal: 'Y; check: Như 4210', note: 'Episode link key; unique per KCB episode; same value in every table of the HOSO (PK of XML1, FK elsewhere)' }),
    f('STT', { no: 2, type: 'int', legalType: 'number', max: 10, required: true, portal: 'Y; check: Như 4210', note: 'Row sequence, starts at 1 within one submission' }),
    f('MA_BN', { no: 3, type: 'code', legalType: 'string', max: 100, required: true, portal: 'Y; check: Như 4210', note: 'Patient id per facility' }),
    f('HO_TEN', { no: 4, type: 'text', legalType: 'string', max: 255, required: true, portal: 'Y; check: Như 4210', note: 'Full name (newborn without card: "Con bà <mother>" style rules, TT 30/2020)' }),
    f('SO_CCCD', { no: 5, type: 'code', legalType: 'string', max: 15, portal: 'check: Định dạng 9,12 ký tự số hoặc 8 ký tự bắt đầu là chữ in hoa và 7 ký tự số ở sau', pattern: 'CCCD', history: [{ version: '4750', change: 'type', from: 'number', to: 'string', source: 'S1' }], note: 'CCCD/CMND/passport no.; if none, VNeID e-ID account code' }),
    f('NGAY_SINH', { no: 6, type: 'birth', legalType: 'string', max: 12, required: true, portal: 'Y; check: Như 4210' }),
    f('GIOI_TINH', { no: 7, type: 'int', legalType: 'number', max: 1, required: true, portal: 'Y; check: Như 4210', codes: 'GIOI_TINH', note: '1=Nam (male), 2=Nữ (female), 3=Chưa xác định' }),
    f('MA_THE_BHYT', { no: 8, type: 'code', legalType: 'string', max: 15, portal: 'check: Như 4210', pattern: 'THE_BHYT', note: 'Health-insurance card code (15 chars) looked up on the portal; empty if not BHYT' }),
    f('MA_DKBD', { no: 9, type: 'code', legalType: 'string', max: 5, portal: 'check: Như 4210', pattern: 'CSKCB', note: 'Registered primary-care facility code (5 chars); temp card: <2-digit province>+000' }),
    f('GT_THE_TU', { no: 10, type: 'date', legalType: 'string', max: 8, portal: 'check: Như 4210', note: 'Card valid-from yyyyMMdd' }),
    f('GT_THE_DEN', { no: 11, type: 'date', legalType: 'string', max: 8, portal: 'check: Như 4210', note: 'Card valid-to yyyyMMdd' }),
    f('MA_DOITUONG_KCB', { no: 12, type: 'code', legalType: 'string', max: 4, required: true, portal: 'Y; check: Check Danh mục', codes: 'MA_DOITUONG_KCB', history: [{ version: '4750', change: 'type', from: 'number', to: 'string', source: 'S1' }, { version: '4750', change: 'size', from: 1, to: 4, source: 'S1' }], note: 'Patient-category code (e.g. 1.1, 2 = cấp cứu, 3.1 …); DMDC list' }),
    f('NGAY_VAO', { no: 13, type: 'datetime', legalType: 'string', max: 12, required: true, portal: 'Y; check: Như 4210', note: 'Arrival yyyyMMddHHmm' }),
    f('NGAY_VAO_NOI_TRU', { no: 14, type: 'datetime', legalType: 'string', max: 12, portal: 'check: >= NGAY_VAO', notBefore: ['NGAY_VAO'], since: '4750', history: [{ version: '4750', change: 'added', source: 'S1' }], note: '4750 new: time admitted to inpatient/day-inpatient/outpatient treatment, yyyyMMddHHmm' }),
    f('LY_DO_VNT', { no: 15, type: 'text', legalType: 'string', max: null, required: { when: { op: 'filled', field: 'NGAY_VAO_NOI_TRU' } }, portal: 'C: Chỉ bắt buộc khi NGAY_VAO_NOI_TRU not null', since: '4750', history: [{ version: '4750', change: 'added', source: 'S1' }], note: '4750 new: reason for admission (free text)' }),
    f('MA_LY_DO_VNT', { no: 16, type: 'code', legalType: 'string', max: 5, since: '4750', history: [{ version: '4750', change: 'added', source: 'S1' }], note: '4750 new: coded reason (applies once MoH issues list)' }),
    f('MA_LOAI_KCB', { no: 17, type: 'code', legalType: 'string', max: 2, required: true, portal: 'Y', codes: 'MA_LOAI_KCB', pattern: 'MA_LOAI_KCB', history: [{ version: '4750', change: 'type', from: 'number', to: 'string', source: 'S1' }], note: 'Encounter type code, 2-char string "01".."10" (see code lists)' }),
    f('MA_CSKCB', { no: 18, type: 'code', legalType: 'string', max: 5, required: true, portal: 'Y; check: Như 4210', pattern: 'CSKCB', note: 'Facility code (5 chars)' }),
    f('MA_DICH_VU', { no: 19, type: 'code', legalType: 'string', max: 50, required: { when: { op: 'all', of: [{ op: 'empty', field: 'MA_THUOC' }, { op: 'empty', field: 'MA_VAT_TU' }] } }, portal: 'Sửa lại chỉ bắt buộc khi MA_THUOC và MA_VAT_TU =  null', history: [{ version: '4750', change: 'text', source: 'S1' }], note: 'Code of first chargeable service (DVKT/exam) – one of MA_DICH_VU / MA_THUOC / MA_VAT_TU' }),
    f('TEN_DICH_VU', { no: 20, type: 'text', legalType: 'string', max: 1024, required: { when: { op: 'filled', field: 'MA_DICH_VU' } }, portal: 'Sửa lại chỉ bắt buộc khi MA_DICH_VU not null', history: [{ version: '4750', change: 'text', source: 'S1' }], note: 'Name of that service' }),
    f('MA_THUOC', { no: 21, type: 'code', legalType: 'string', max: 255, required: { when: { op: 'all', of: [{ op: 'empty', field: 'MA_DICH_VU' }, { op: 'empty', field: 'MA_VAT_TU' }] } }, portal: 'Chỉ bắt buộc khi MA_DICH_VU và MA_VAT_TU = null', since: '4750', history: [{ version: '4750', change: 'added', source: 'S1' }], note: '4750 new: first cost is a drug → active-ingredient code ("00.0000" if outside BHYT list)' }),
    f('TEN_THUOC', { no: 22, type: 'text', legalType: 'string', max: 1024, required: { when: { op: 'filled', field: 'MA_THUOC' } }, portal: 'Sửa lại chỉ bắt buộc khi MA_THUOC not null', since: '4750', history: [{ version: '4750', change: 'added', source: 'S1' }], note: '4750 new' }),
    f('MA_VAT_TU', { no: 23, type: 'code', legalType: 'string', max: 255, required: { when: { op: 'all', of: [{ op: 'empty', field: 'MA_DICH_VU' }, { op: 'empty', field: 'MA_THUOC' }] } }, portal: 'Chỉ bắt buộc khi MA_DICH_VU và MA_THUOC = null', since: '4750', history: [{ version: '4750', change: 'added', source: 'S1' }], note: '4750 new: first cost is a medical supply' }),
    f('TEN_VAT_TU', { no: 24, type: 'text', legalType: 'string', max: 1024, required: { when: { op: 'filled', field: 'MA_VAT_TU' } }, portal: 'Sửa lại chỉ bắt buộc khi MA_VAT_TU not null', since: '4750', history: [{ version: '4750', change: 'added', source: 'S1' }], note: '4750 new' }),
    f('NGAY_YL', { no: 25, type: 'datetime', legalType: 'string', max: 12, required: true, portal: 'Y; check: Như 4210', note: 'Order time yyyyMMddHHmm' }),
    f('DU_PHONG', { no: 26, type: 'text', legalType: 'string', max: null, since: '4750', history: [{ version: '4750', change: 'added', source: 'S1' }], note: 'Reserved' }),
  ],
});
