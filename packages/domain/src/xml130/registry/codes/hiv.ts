/** Code lists of the XML6 HIV/AIDS table, extracted from the QĐ 4750 appendix [S1] (labels truncated as in the source). */
import { c, type CodeList } from './types.ts';

export const HIV_CODE_LISTS = {
  HIV_BAC_PHAC_DO: {
    title: 'MA_BAC_PHAC_DO_BD (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Phác đồ bậc 1'), c('2', 'Phác đồ bậc 2'), c('3', 'Phác đồ bậc 3')],
  },
  HIV_LYDO_DTRI: {
    title: 'MA_LYDO_DTRI (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Bệnh nhân HIV mới đăng ký lần đầu'), c('2', 'Bệnh nhân HIV chưa điều trị ARV chuyển tới'), c('3', 'Bệnh nhân HIV đã điều trị ARV chuyển tới'), c('4', 'Bệnh nhân HIV đã điều trị ARV nay điều trị lạ'), c('5', 'Bệnh nhân HIV chưa điều trị ARV đăng ký lại')],
  },
  HIV_LOAI_DTRI_LAO: {
    title: 'LOAI_DTRI_LAO (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('0', 'Không điều trị lao'), c('1', 'Điều trị lao tiềm ẩn'), c('2', 'Điều trị lao'), c('3', 'Điều trị lao kháng thuốc')],
  },
  HIV_SANG_LOC_LAO: {
    title: 'SANG_LOC_LAO (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Không sàng lọc'), c('2', 'Sàng lọc triệu chứng'), c('3', 'Chụp X-quang phổi'), c('4', 'Xét nghiệm Protein phản ứng C')],
  },
  HIV_PHACDO_DTRI_LAO: {
    title: 'PHACDO_DTRI_LAO (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Phác đồ 2RHZE/4RHE'), c('2', 'Phác đồ 2RHZE/4RH'), c('3', 'Phác đồ 2RHZE/10RHE'), c('4', 'Phác đồ 2RHZE/10RH'), c('5', 'Phác đồ khác'), c('6', 'Phác đồ INH'), c('7', 'Phác đồ 3HP'), c('8', 'Phác đồ 1HP'), c('9', 'Phác đồ 3HR'), c('10', 'Phác đồ 4R'), c('11', 'Phác đồ 6L'), c('12', 'Phác đồ khác. Ghi mã phác đồ điều trị lao nhạ')],
  },
  HIV_KQ_DTRI_LAO: {
    title: 'KQ_DTRI_LAO (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Đang điều trị'), c('2', 'Hoàn thành'), c('3', 'Thất bại'), c('4', 'Tử vong'), c('5', 'Bỏ điều trị'), c('6', 'Ngừng điều trị (ghi rõ lý do)'), c('7', 'Không đánh giá')],
  },
  HIV_LYDO_XNTL_VR: {
    title: 'MA_LYDO_XNTL_VR (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Thường quy'), c('2', 'Nghi ngờ thất bại điều trị'), c('3', 'Khác')],
  },
  HIV_KQ_XNTL_VR: {
    title: 'KQ_XNTL_VR (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Không phát hiện'), c('2', 'Dưới 50 bản sao/ml'), c('3', 'Từ 50 đến dưới 200 bản sao/ml'), c('4', 'Từ 200 đến 1000 bản sao/ml'), c('5', 'Trên 1000 bản sao/ml')],
  },
  HIV_LOAI_BN: {
    title: 'MA_LOAI_BN (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Người nhiễm HIV'), c('2', 'Trẻ phơi nhiễm với HIV'), c('3', 'Điều trị dự phòng trước phơi nhiễm'), c('4', 'Điều trị dự phòng sau phơi nhiễm'), c('5', 'Khác')],
  },
  HIV_GIAI_DOAN_LAM_SANG: {
    title: 'GIAI_DOAN_LAM_SANG (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Giai đoạn I'), c('2', 'Giai đoạn II'), c('3', 'Giai đoạn III'), c('4', 'Giai đoạn IV')],
  },
  HIV_NHOM_DOI_TUONG: {
    title: 'NHOM_DOI_TUONG (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('0', 'Người sử dụng ma tuý'), c('1', 'Người bán dâm'), c('2', 'Người có quan hệ tình dục đồng giới'), c('3', 'Người chuyển đổi giới tính'), c('4', 'Vợ, chồng và thành viên khác trong gia đình c'), c('5', 'Người có quan hệ tình dục với người nhiễm HIV'), c('6', 'Người mắc các bệnh lây truyền qua đường tình'), c('7', 'Người di biến động'), c('8', 'Người mắc bệnh lao'), c('9', 'Người có triệu chứng lâm sàng nghi ngờ nhiễm'), c('10', 'Phạm nhân, người bị tạm giam, trại viên cơ sở'), c('11', 'Các đối tượng khác')],
  },
  HIV_TINH_TRANG_DK: {
    title: 'MA_TINH_TRANG_DK (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Trẻ dưới 18 tháng sinh ra từ mẹ nhiễm HIV'), c('2', 'Phơi nhiễm'), c('3', 'Đang điều trị lao'), c('4', 'Có bầu'), c('5', 'Chuyển dạ'), c('6', 'Sau sinh'), c('7', 'Viêm gan'), c('8', 'Nghiện chích ma túy'), c('9', 'Khác')],
  },
  HIV_LAN_XN_PCR: {
    title: 'LAN_XN_PCR (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'lần 1'), c('2', 'lần 2'), c('3', 'lần 3 (chỉ áp dụng trong lần 1 âm tính và lần')],
  },
  HIV_KQ_XN_PCR: {
    title: 'MA_KQ_XN_PCR (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('0', 'Âm tính'), c('1', 'Dương tính')],
  },
  HIV_XU_TRI: {
    title: 'MA_XU_TRI (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Điều trị ARV'), c('2', 'Điều trị lao'), c('3', 'Dự phòng lao'), c('4', 'Cotrimoxazol'), c('5', 'PLTMC'), c('6', 'Điều trị viêm gan B'), c('7', 'Điều trị viêm gan C'), c('8', 'Khác')],
  },
  HIV_LY_DO_CHUYEN_PHAC_DO: {
    title: 'LY_DO_CHUYEN_PHAC_DO (XML6)',
    strength: 'closed',
    sources: ['S1'],
    // prettier-ignore
    codes: [c('1', 'Thiếu thuốc'), c('2', 'Tác dụng phụ'), c('3', 'Thất bại điều trị'), c('4', 'Tối ưu hoá phác đồ'), c('5', 'Phác đồ mới theo hướng dẫn quốc gia'), c('6', 'Khác')],
  },
} as const satisfies Record<string, CodeList>;
