/** Detail lines: drugs (XML2), services and supplies (XML3), lab results (XML4), clinical notes (XML5). */
import type { TableRecord } from '../registry/index.ts';
import { dateTime, list, num, opt, vitalSigns } from './convert.ts';
import type { EpisodeNote, EpisodeDrug, EpisodeLab, EpisodeService } from './types.ts';

export function drugLine(r: TableRecord<'XML2'>): EpisodeDrug {
  // Written out (no object spread): this runs once per line and spread is slow in V8.
  return {
    phamVi: opt(r.PHAM_VI),
    soLuong: num(r.SO_LUONG),
    tyleTtBh: num(r.TYLE_TT_BH),
    thanhTienBv: num(r.THANH_TIEN_BV),
    thanhTienBh: num(r.THANH_TIEN_BH),
    mucHuong: num(r.MUC_HUONG),
    tNguonKhac: num(r.T_NGUONKHAC),
    tBntt: num(r.T_BNTT),
    tBncct: num(r.T_BNCCT),
    tBhtt: num(r.T_BHTT),
    maPttt: opt(r.MA_PTTT),
    stt: num(r.STT),
    maThuoc: r.MA_THUOC.trim(),
    tenThuoc: r.TEN_THUOC,
    maNhom: opt(r.MA_NHOM),
    donViTinh: opt(r.DON_VI_TINH),
    hamLuong: opt(r.HAM_LUONG),
    duongDung: opt(r.DUONG_DUNG),
    dangBaoChe: opt(r.DANG_BAO_CHE),
    lieuDung: opt(r.LIEU_DUNG),
    cachDung: opt(r.CACH_DUNG),
    soDangKy: opt(r.SO_DANG_KY),
    ttThau: opt(r.TT_THAU),
    donGia: num(r.DON_GIA),
    maKhoa: opt(r.MA_KHOA),
    maBacSi: list(r.MA_BAC_SI),
    maDichVu: list(r.MA_DICH_VU),
    orderedAt: dateTime(r.NGAY_YL),
    performedAt: dateTime(r.NGAY_TH_YL),
    nguonCtra: opt(r.NGUON_CTRA),
    record: r,
  };
}

export function serviceLine(r: TableRecord<'XML3'>): EpisodeService {
  const maDichVu = opt(r.MA_DICH_VU);
  const maVatTu = opt(r.MA_VAT_TU);
  const maNhom = opt(r.MA_NHOM);
  return {
    phamVi: opt(r.PHAM_VI),
    soLuong: num(r.SO_LUONG),
    tyleTtBh: num(r.TYLE_TT_BH),
    thanhTienBv: num(r.THANH_TIEN_BV),
    thanhTienBh: num(r.THANH_TIEN_BH),
    mucHuong: num(r.MUC_HUONG),
    tNguonKhac: num(r.T_NGUONKHAC),
    tBntt: num(r.T_BNTT),
    tBncct: num(r.T_BNCCT),
    tBhtt: num(r.T_BHTT),
    maPttt: opt(r.MA_PTTT),
    stt: num(r.STT),
    kind: maNhom === '10' || (maDichVu === undefined && maVatTu !== undefined) ? 'supply' : 'service',
    maDichVu,
    tenDichVu: opt(r.TEN_DICH_VU),
    maVatTu,
    tenVatTu: opt(r.TEN_VAT_TU),
    maNhom,
    donViTinh: opt(r.DON_VI_TINH),
    donGiaBv: num(r.DON_GIA_BV),
    donGiaBh: num(r.DON_GIA_BH),
    tyleTtDv: num(r.TYLE_TT_DV),
    ttThau: opt(r.TT_THAU),
    maKhoa: opt(r.MA_KHOA),
    maGiuong: list(r.MA_GIUONG),
    maBacSi: list(r.MA_BAC_SI),
    nguoiThucHien: list(r.NGUOI_THUC_HIEN),
    maBenh: list(r.MA_BENH),
    procedures: list(r.MA_PTTT_QT),
    orderedAt: dateTime(r.NGAY_YL),
    performedAt: dateTime(r.NGAY_TH_YL),
    resultAt: dateTime(r.NGAY_KQ),
    ppVoCam: opt(r.PP_VO_CAM),
    maMay: list(r.MA_MAY),
    record: r,
  };
}

export function labResult(r: TableRecord<'XML4'>): EpisodeLab {
  return {
    stt: num(r.STT),
    maDichVu: opt(r.MA_DICH_VU),
    maChiSo: opt(r.MA_CHI_SO),
    tenChiSo: opt(r.TEN_CHI_SO),
    giaTri: opt(r.GIA_TRI),
    value: num(r.GIA_TRI),
    donViDo: opt(r.DON_VI_DO),
    moTa: opt(r.MO_TA),
    ketLuan: opt(r.KET_LUAN),
    resultAt: dateTime(r.NGAY_KQ),
    maBsDocKq: list(r.MA_BS_DOC_KQ),
    record: r,
  };
}

export function clinicalNote(r: TableRecord<'XML5'>): EpisodeNote {
  return {
    stt: num(r.STT),
    at: dateTime(r.THOI_DIEM_DBLS),
    dienBienLs: opt(r.DIEN_BIEN_LS),
    giaiDoanBenh: opt(r.GIAI_DOAN_BENH),
    hoiChan: opt(r.HOI_CHAN),
    phauThuat: opt(r.PHAU_THUAT),
    nguoiThucHien: list(r.NGUOI_THUC_HIEN),
    vitalSigns: vitalSigns(r.DIEN_BIEN_LS),
    record: r,
  };
}
