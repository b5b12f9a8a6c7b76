/** Code lists printed in the QĐ 130/4750 appendix (xml130.md §6.1). */
import { c, type CodeList } from './types.ts';

export const COMMON_CODE_LISTS = {
  GIOI_TINH: {
    title: 'Giới tính',
    strength: 'closed',
    sources: ['S1'],
    codes: [c('1', 'Nam'), c('2', 'Nữ'), c('3', 'Chưa xác định')],
  },
  KET_QUA_DTRI: {
    title: 'Kết quả điều trị',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Khỏi'), c('2', 'Đỡ'), c('3', 'Không thay đổi'), c('4', 'Nặng hơn'), c('5', 'Tử vong'), c('6', 'Tiên lượng nặng xin về'), c('7', 'Chưa xác định'), c('8', 'Tử vong ngoại viện', { since: '4750' })],
  },
  MA_LOAI_RV: {
    title: 'Loại ra viện',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Ra viện'), c('2', 'Chuyển tuyến theo yêu cầu chuyên môn'), c('3', 'Trốn viện'), c('4', 'Xin ra viện'), c('5', 'Chuyển tuyến theo yêu cầu người bệnh')],
  },
  PHAM_VI: {
    title: 'Phạm vi thanh toán BHYT',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Trong phạm vi hưởng BHYT'), c('2', 'Ngoài phạm vi hưởng BHYT'), c('3', 'Ngoài danh mục nhưng quỹ chi trả cho quân đội/công an/cơ yếu')],
  },
  MA_PTTT: {
    title: 'Phương thức thanh toán',
    strength: 'closed',
    sources: ['S1'],
    codes: [c('1', 'Phí dịch vụ'), c('2', 'Định suất'), c('3', 'DRG')],
  },
  NGUON_CTRA: {
    title: 'Nguồn chi trả',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Quỹ BHYT'), c('2', 'Dự án, viện trợ'), c('3', 'Chương trình mục tiêu quốc gia'), c('4', 'Nguồn khác')],
  },
  CO_HOAC_TRONG: {
    title: 'Cờ: "1" hoặc để trống (VET_THUONG_TP, TAI_SU_DUNG)',
    strength: 'closed',
    sources: ['S1', 'S4'],
    codes: [c('1', 'Có')],
  },
  PP_VO_CAM: {
    title: 'Phương pháp vô cảm',
    strength: 'closed',
    sources: ['S1'],
    codes: [c('1', 'Gây mê'), c('2', 'Gây tê'), c('3', 'Châm tê'), c('4', 'Các phương pháp vô cảm khác')],
  },
  MA_KHUVUC: {
    title: 'Mã nơi sinh sống (trên thẻ BHYT)',
    strength: 'closed',
    sources: ['S1'],
    codes: [c('K1', 'K1'), c('K2', 'K2'), c('K3', 'K3')],
  },
  MA_NHOM: {
    title: 'Mã nhóm chi phí (QĐ 5937/QĐ-BYT PL3)',
    strength: 'closed',
    sources: ['QD5937', 'S1'],
    codes: [
      c('1', 'Xét nghiệm'),
      c('2', 'Chẩn đoán hình ảnh'),
      c('3', 'Thăm dò chức năng'),
      c('4', 'Thuốc'),
      c('5', 'Thuốc ngoài danh mục / điều trị ung thư (danh mục cũ)', { deprecated: true }),
      c('6', 'Thuốc thanh toán theo tỷ lệ (danh mục cũ)', { deprecated: true }),
      c('7', 'Máu'),
      c('8', 'Phẫu thuật'),
      c('9', 'DVKT thanh toán theo tỷ lệ (danh mục cũ)', { deprecated: true }),
      c('10', 'Vật tư y tế'),
      c('11', 'VTYT thanh toán theo tỷ lệ (danh mục cũ)', { deprecated: true }),
      c('12', 'Vận chuyển'),
      c('13', 'Khám bệnh'),
      c('14', 'Ngày giường bệnh ban ngày'),
      c('15', 'Ngày giường bệnh điều trị nội trú'),
      c('16', 'Ngày giường lưu'),
      c('17', 'Chế phẩm máu'),
      c('18', 'Thủ thuật'),
      c('19', 'Dịch vụ khác (ăn, đi lại, lưu trú…)', { since: '4750' }),
    ],
  },
  MA_DINH_CHI_THAI: {
    title: 'Đình chỉ thai nghén',
    strength: 'closed',
    sources: ['S1'],
    codes: [c('0', 'Không'), c('1', 'Đình chỉ thai nghén')],
  },
  MA_LYDO_CT: {
    title: 'Lý do chuyển tuyến',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Đủ điều kiện chuyển tuyến'), c('2', 'Vượt khả năng đáp ứng của cơ sở'), c('3', 'Theo yêu cầu người bệnh')],
  },
  MAU_SO: {
    title: 'Mẫu số giấy chứng nhận nghỉ việc',
    strength: 'closed',
    sources: ['S4', 'S6'],
    codes: [c('CT07', 'Mẫu CT07')],
  },
  SINHCON_PHAUTHUAT: {
    title: 'Sinh con phải phẫu thuật',
    strength: 'closed',
    sources: ['S1'],
    codes: [c('0', 'Sinh con không phải phẫu thuật'), c('1', 'Sinh con phải phẫu thuật')],
  },
  SINHCON_DUOI32TUAN: {
    title: 'Sinh con dưới 32 tuần tuổi',
    strength: 'closed',
    sources: ['S1'],
    codes: [c('0', 'Không'), c('1', 'Sinh con dưới 32 tuần tuổi')],
  },
} as const satisfies Record<string, CodeList>;
