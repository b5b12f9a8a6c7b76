/** Code lists of the XML12 medical-assessment and XML15 tuberculosis tables, extracted from the QĐ 4750 appendix [S1] (labels truncated as in the source). */
import { c, type CodeList } from './types.ts';

export const GDYK_CODE_LISTS = {
  GDYK_CHUC_VU: {
    title: 'CHUC_VU (XML12)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Chủ tịch'), c('2', 'Người ký thay chủ tịch')],
  },
  GDYK_KHAM_GIAM_DINH: {
    title: 'KHAM_GIAM_DINH (XML12)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Khám giám định lần đầu'), c('2', 'Khám giám định lại'), c('3', 'Khám giám định tái phát'), c('4', 'Khám phúc quyết (vượt khả năng chuyên môn, ho'), c('5', 'Khám phúc quyết lần cuối'), c('6', 'Khám bổ sung'), c('7', 'Khám vết thương còn sót'), c('8', 'Giám định tổng hợp')],
  },
  GDYK_DANG_HUONG_CHE_DO: {
    title: 'DANG_HUONG_CHE_DO (XML12)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Thương binh'), c('2', 'Bệnh, tật'), c('3', 'Bệnh nghề nghiệp'), c('4', 'Tai nạn lao động'), c('5', 'Chất độc hoá học'), c('6', 'Bệnh binh'), c('7', 'Khác (không thuộc một trong các đối tượng quy')],
  },
  GDYK_DANG_KHUYETTAT: {
    title: 'DANG_KHUYETTAT (XML12)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Khuyết tật vận động'), c('2', 'Khuyết tật nghe, nói'), c('3', 'Khuyết tật nhìn'), c('4', 'Khuyết tật thần kinh, tâm thần'), c('5', 'Khuyết tật trí tuệ'), c('6', 'Khuyết tật khác')],
  },
  GDYK_MUC_DO_KHUYETTAT: {
    title: 'MUC_DO_KHUYETTAT (XML12)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Thực hiện được'), c('2', 'Thực hiện được nhưng cần trợ giúp'), c('3', 'Không thực hiện được'), c('4', 'Không xác định được')],
  },
} as const satisfies Record<string, CodeList>;

export const TB_CODE_LISTS = {
  LAO_PHANLOAI_VITRI: {
    title: 'PHANLOAI_LAO_VITRI (XML15)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Lao phổi'), c('2', 'Lao ngoài phổi')],
  },
  LAO_PHANLOAI_TS: {
    title: 'PHANLOAI_LAO_TS (XML15)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Lao mới'), c('2', 'Tái phát'), c('3', 'Thất bại'), c('4', 'Điều trị lại sau bỏ trị'), c('5', 'Điều trị lại khác'), c('6', 'Không rõ tiền sử điều trị')],
  },
  LAO_PHANLOAI_HIV: {
    title: 'PHANLOAI_LAO_HIV (XML15)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Lao/HIV (+)'), c('2', 'Lao/HIV (-)'), c('3', 'BN lao không rõ tình trạng HIV')],
  },
  LAO_PHANLOAI_VK: {
    title: 'PHANLOAI_LAO_VK (XML15)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Lao có bằng chứng vi khuẩn học'), c('2', 'Lao không có bằng chứng vi khuẩn học')],
  },
  LAO_PHANLOAI_KT: {
    title: 'PHANLOAI_LAO_KT (XML15)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Lao kháng đơn thuốc'), c('2', 'Lao kháng nhiều thuốc'), c('3', 'Lao đa kháng thuốc'), c('4', 'Lao kháng Rifampicin-Lao kháng R'), c('5', 'Lao tiền siêu kháng'), c('6', 'Lao siêu kháng thuốc')],
  },
  LAO_LOAI_DTRI: {
    title: 'LOAI_DTRI_LAO (XML15)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('0', 'Không điều trị lao'), c('1', 'Điều trị lao tiềm ẩn'), c('2', 'Điều trị lao nhạy cảm thuốc'), c('3', 'Điều trị lao kháng thuốc')],
  },
  LAO_PHACDO_DTRI: {
    title: 'PHACDO_DTRI_LAO (XML15)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Phác đồ A1: 2HRZE/4RHE (phác đồ 06 tháng – đi'), c('2', 'Phác đồ A2: 2HRZE/4RH (phác đồ 06 tháng – điề'), c('3', 'Phác đồ A1a: 2HPMZ/2HPM (phác đồ 4 tháng – đi'), c('4', 'Phác đồ A2a: 2HRZE/2RH (phác đồ 4 tháng – điề'), c('5', 'Phác đồ B1: 2HRZE/10RHE (phác đồ 12 tháng - đ'), c('6', 'Phác đồ B2: 2HRZE/10RH (phác đồ 12 tháng – đi'), c('7', 'Phác đồ B2a: 6HRZEto (phác đồ 6 tháng – điều'), c('8', 'Phác đồ cá thể'), c('9', 'Phác đồ C1a: 4 Bdq[6]-Lfx(Mfx)-Pto-E-Z-Hh-Cfz'), c('10', 'Phác đồ C1b: 4-6Bdq[6]-Lfx-Pto-E[2]-Z-Hh-Cfz'), c('11', 'Phác đồ C2a: 4-6 Bdq[6]- Lfx- Lzd [2]- E -Z-H'), c('12', 'Phác đồ C2b: 4-6Bdq[6]-Lfx-Lzd[2]-E[2]-Z-Hh-C'), c('13', 'Phác đồ C3: 9-11 Bdq[6]-Lfx-Lzd-Cfz-(Z)'), c('14', 'Phác đồ BPaL-M: 6 Bdq Pa Lzd Mfx')],
  },
  LAO_KET_QUA_DTRI: {
    title: 'KET_QUA_DTRI_LAO (XML15)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Khỏi: người bệnh lao phổi có bằng chứng vi kh'), c('2', 'Hoàn thành điều trị: người bệnh lao hoàn thàn'), c('3', 'Thất bại: người bệnh lao có kết quả xét nghiệ'), c('4', 'Chết: người bệnh lao chết do bất cứ nguyên nh'), c('5', 'Không theo dõi được (bỏ): người bệnh lao ngừn'), c('6', 'Không đánh giá: người bệnh lao không được đán')],
  },
} as const satisfies Record<string, CodeList>;
