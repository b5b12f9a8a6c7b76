/**
 * Documents the registry and the rules cite. Tags follow shared/domain/xml130.md §15 ([S1]…[S12],
 * [U1]…[U6]) plus the legal decisions themselves.
 */
export interface SourceDoc {
  readonly title: string;
  readonly kind: 'legal' | 'guide' | 'validation-sheet' | 'implementation' | 'data' | 'secondary';
  readonly confidence: 'high' | 'medium' | 'low';
  readonly ref?: string;
}

export const SOURCES = {
  QD130: {
    title: 'QĐ 130/QĐ-BYT (18/01/2023) — chuẩn và định dạng dữ liệu đầu ra',
    kind: 'legal',
    confidence: 'high',
  },
  QD4750: {
    title: 'QĐ 4750/QĐ-BYT (29/12/2023) — sửa đổi, bổ sung QĐ 130 (Bảng 13, 14, 15; check-in mới)',
    kind: 'legal',
    confidence: 'high',
  },
  QD3176: {
    title: 'QĐ 3176/QĐ-BYT (29/10/2024) — sửa đổi, bổ sung tạm thời QĐ 4750 (phụ lục chưa đọc được)',
    kind: 'legal',
    confidence: 'low',
  },
  QD1931: {
    title: 'QĐ 1931/QĐ-BYT (29/06/2026) — MUC_HUONG 4 ký tự (chỉ có nguồn tin thứ cấp)',
    kind: 'legal',
    confidence: 'low',
  },
  QD824: {
    title: 'QĐ 824/QĐ-BYT (2023) — danh mục dùng chung (MA_LOAI_KCB, MA_DOITUONG_KCB)',
    kind: 'legal',
    confidence: 'medium',
  },
  QD3276: { title: 'QĐ 3276/QĐ-BYT (17/10/2025) — MA_DOITUONG_KCB', kind: 'legal', confidence: 'medium' },
  QD1804: {
    title: 'QĐ 1804/QĐ-BYT (2026) — MA_LOAI_KCB 16 mã (chưa xác nhận)',
    kind: 'legal',
    confidence: 'low',
  },
  QD5937: {
    title: 'QĐ 5937/QĐ-BYT (2021) — PL3 mã nhóm chi phí (MA_NHOM)',
    kind: 'legal',
    confidence: 'high',
  },
  LGOV2025: {
    title: 'Chính quyền địa phương hai cấp từ 01/07/2025 (bỏ cấp huyện)',
    kind: 'legal',
    confidence: 'low',
    ref: 'xml130.md §5.1 MAHUYEN_CU_TRU note; real 2026 files leave it empty',
  },
  S1: {
    title: 'Phụ lục QĐ 4750/QĐ-BYT (bảng tính: kiểu, kích thước, diễn giải theo QĐ 130 + đính chính)',
    kind: 'legal',
    confidence: 'high',
    ref: 'dh-hos/Mo-ta-he-thong XML130/QD4570/phu-luc-quyet-dinh-4750.xlsx',
  },
  S2: {
    title: 'BHXH Việt Nam — Hướng dẫn liên thông dữ liệu theo QĐ 4750 (API + khung XML)',
    kind: 'guide',
    confidence: 'high',
    ref: 'dh-hos/Mo-ta-he-thong XML130/QD4570/1245-BHXH-CNTT…pdf',
  },
  S3: {
    title: 'BHXH CV 3190/BHXH-CNTT (03/10/2023) — thí điểm QĐ 130, XML12',
    kind: 'guide',
    confidence: 'high',
  },
  S4: {
    title: 'Bảng "Validate CTN QĐ 4750" (cột Bắt buộc / VALID; nguồn gốc chưa rõ)',
    kind: 'validation-sheet',
    confidence: 'medium',
  },
  S5: { title: 'QĐ 130/QĐ-BYT (bản ký số, Điều 1)', kind: 'legal', confidence: 'high' },
  S6: {
    title: 'tracnn/qlbv_public — bộ kiểm tra QĐ 130/4750/3176 (PHP)',
    kind: 'implementation',
    confidence: 'medium',
  },
  S7: {
    title: 'Hồ sơ thật tháng 2–3/2026 (htthinh28/pccantho-cdss-bhyt @ ffaffdb)',
    kind: 'data',
    confidence: 'high',
  },
  S8: {
    title: 'dh-hos/Mo-ta-he-thong — mô tả MA_DOITUONG_KCB, MA_LOAI_KCB, 4210→130',
    kind: 'implementation',
    confidence: 'medium',
  },
  S10: { title: 'tuananhnvm-netizen/bhyt-validator', kind: 'implementation', confidence: 'low' },
  U1: {
    title: 'BHYT-DATA — ghi chú nghiên cứu pháp lý/kỹ thuật (thứ cấp)',
    kind: 'secondary',
    confidence: 'low',
  },
  U2: {
    title: 'Mô hình Python BHYTBase (ghi chú kích thước theo 3176)',
    kind: 'secondary',
    confidence: 'low',
  },
  U3: {
    title: 'XMLValidator_v2 — phân tích khác biệt quy tắc theo QĐ 3176',
    kind: 'secondary',
    confidence: 'low',
  },
} as const satisfies Record<string, SourceDoc>;

export type SourceId = keyof typeof SOURCES;
