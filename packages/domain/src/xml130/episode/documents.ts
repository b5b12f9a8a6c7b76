/** Certificates and papers: discharge (XML7), summary (XML8), birth (XML9), referral (XML13), appointment (XML14). */
import type { TableRecord } from '../registry/index.ts';
import { date, dateOrDateTime, dateTime, list, num, opt } from './convert.ts';
import type {
  EpisodeAppointment,
  EpisodeBirthCertificate,
  EpisodeDischargePaper,
  EpisodeSummary,
  EpisodeReferral,
} from './types.ts';

export function dischargePaper(r: TableRecord<'XML7'>): EpisodeDischargePaper {
  return {
    soLuuTru: opt(r.SO_LUU_TRU),
    maKhoaRv: opt(r.MA_KHOA_RV),
    admittedAt: dateTime(r.NGAY_VAO),
    dischargedAt: dateTime(r.NGAY_RA),
    chanDoanRv: opt(r.CHAN_DOAN_RV),
    ppDieuTri: opt(r.PP_DIEUTRI),
    pregnancyTerminated: r.MA_DINH_CHI_THAI.trim() === '1',
    tuoiThai: num(r.TUOI_THAI),
    restDays: num(r.SO_NGAY_NGHI),
    restFrom: date(r.NGOAITRU_TUNGAY),
    restTo: date(r.NGOAITRU_DENNGAY),
    documentDate: date(r.NGAY_CT),
    record: r,
  };
}

export function medicalSummary(r: TableRecord<'XML8'>): EpisodeSummary {
  return {
    admittedAt: dateTime(r.NGAY_VAO),
    dischargedAt: dateTime(r.NGAY_RA),
    chanDoanVao: opt(r.CHAN_DOAN_VAO),
    chanDoanRv: opt(r.CHAN_DOAN_RV),
    qtBenhLy: opt(r.QT_BENHLY),
    tomTatKq: opt(r.TOMTAT_KQ),
    ppDieuTri: opt(r.PP_DIEUTRI),
    ketQuaDtri: opt(r.KET_QUA_DTRI),
    documentDate: date(r.NGAY_CT),
    record: r,
  };
}

export function birthCertificate(r: TableRecord<'XML9'>): EpisodeBirthCertificate {
  return {
    motherName: opt(r.HO_TEN_NND),
    childName: opt(r.HO_TEN_CON),
    childGender: opt(r.GIOI_TINH_CON),
    bornAt: dateTime(r.NGAY_SINH_CON),
    weightGrams: num(r.CAN_NANG_CON),
    caesarean: r.SINHCON_PHAUTHUAT.trim() === '1',
    documentDate: date(r.NGAY_CT),
    record: r,
  };
}

export function referral(r: TableRecord<'XML13'>): EpisodeReferral {
  return {
    soHoso: opt(r.SO_HOSO),
    soChuyenTuyen: opt(r.SO_CHUYENTUYEN),
    giayChuyenTuyen: opt(r.GIAY_CHUYEN_TUYEN),
    from: opt(r.MA_NOI_DI),
    to: opt(r.MA_NOI_DEN),
    reason: opt(r.MA_LYDO_CT),
    dauHieuLs: opt(r.DAU_HIEU_LS),
    huongDieuTri: opt(r.HUONG_DIEU_TRI),
    phuongTienVc: opt(r.PHUONGTIEN_VC),
    record: r,
  };
}

export function appointment(r: TableRecord<'XML14'>): EpisodeAppointment {
  return {
    soGiayHen: opt(r.SO_GIAYHEN_KL),
    at: dateOrDateTime(r.NGAY_HEN_KL),
    maBacSi: list(r.MA_BAC_SI),
    documentDate: date(r.NGAY_CT),
    record: r,
  };
}
