/** toEpisode: the canonical typed view of one HOSO. */
import { fail, ok, problem, type Result } from '../../problem.ts';
import type { Hoso } from '../parse/model.ts';
import type { TableRecord } from '../registry/index.ts';
import { birthDate, date, dateOrDateTime, dateTime, list, num, opt } from './convert.ts';
import { appointment, birthCertificate, dischargePaper, medicalSummary, referral } from './documents.ts';
import { clinicalNote, drugLine, labResult, serviceLine } from './lines.ts';
import type {
  EpisodeDiagnoses,
  EpisodeEncounter,
  Episode,
  EpisodeCard,
  EpisodePatient,
  EpisodeTotals,
} from './types.ts';

function cards(x: TableRecord<'XML1'>): EpisodeCard[] {
  const numbers = list(x.MA_THE_BHYT);
  const dkbd = x.MA_DKBD.split(';');
  const from = x.GT_THE_TU.split(';');
  const to = x.GT_THE_DEN.split(';');
  return numbers.map((number, i) => ({
    number,
    maBhxh: /^[A-Z]{2}\d{13}$/.test(number) ? number.slice(5) : /^\d{10}$/.test(number) ? number : undefined,
    maDkbd: opt(dkbd[i]),
    validFrom: date(from[i]),
    validTo: date(to[i]),
  }));
}

const GENDER = { '1': 'male', '2': 'female' } as const;

function patient(x: TableRecord<'XML1'>, hoso: Hoso): EpisodePatient {
  const cardList = cards(x);
  const sentBhxh = opt(hoso.tables.XML11?.[0]?.MA_BHXH);
  const gioiTinh = opt(x.GIOI_TINH);
  return {
    maBn: x.MA_BN.trim(),
    hoTen: x.HO_TEN.trim(),
    soCccd: opt(x.SO_CCCD),
    ngaySinh: birthDate(x.NGAY_SINH),
    gioiTinh,
    gender: gioiTinh === '1' || gioiTinh === '2' ? GENDER[gioiTinh] : 'unknown',
    nhomMau: opt(x.NHOM_MAU),
    maQuocTich: opt(x.MA_QUOCTICH),
    maDanToc: opt(x.MA_DANTOC),
    maNgheNghiep: opt(x.MA_NGHE_NGHIEP),
    diaChi: opt(x.DIA_CHI),
    maTinhCuTru: opt(x.MATINH_CU_TRU),
    maHuyenCuTru: opt(x.MAHUYEN_CU_TRU),
    maXaCuTru: opt(x.MAXA_CU_TRU),
    dienThoai: opt(x.DIEN_THOAI),
    maTheBhyt: cardList[0]?.number,
    maBhxh: sentBhxh ?? cardList.find((c) => c.maBhxh !== undefined)?.maBhxh,
    cards: cardList,
    canNang: num(x.CAN_NANG),
  };
}

function encounter(x: TableRecord<'XML1'>): EpisodeEncounter {
  return {
    maLoaiKcb: x.MA_LOAI_KCB.trim(),
    maDoiTuongKcb: opt(x.MA_DOITUONG_KCB),
    admittedAt: dateTime(x.NGAY_VAO),
    inpatientAdmittedAt: dateTime(x.NGAY_VAO_NOI_TRU),
    dischargedAt: dateTime(x.NGAY_RA),
    soNgayDtri: num(x.SO_NGAY_DTRI),
    ketQuaDtri: opt(x.KET_QUA_DTRI),
    maLoaiRv: opt(x.MA_LOAI_RV),
    maKhoa: list(x.MA_KHOA),
    maNoiDi: opt(x.MA_NOI_DI),
    maNoiDen: opt(x.MA_NOI_DEN),
    giayChuyenTuyen: opt(x.GIAY_CHUYEN_TUYEN),
    lyDoVv: opt(x.LY_DO_VV),
    lyDoVnt: opt(x.LY_DO_VNT),
    maLyDoVnt: opt(x.MA_LY_DO_VNT),
    maTaiNan: opt(x.MA_TAI_NAN),
    ppDieuTri: opt(x.PP_DIEU_TRI),
    ghiChu: opt(x.GHI_CHU),
    maHsba: opt(x.MA_HSBA),
    maTtdv: opt(x.MA_TTDV),
    maKhuVuc: opt(x.MA_KHUVUC),
    paidAt: dateTime(x.NGAY_TTOAN),
    settlementYear: num(x.NAM_QT),
    settlementMonth: num(x.THANG_QT),
    ngayMienCct: dateOrDateTime(x.NGAY_MIEN_CCT),
    namNamLienTuc: date(x.NAM_NAM_LIEN_TUC),
    followUpDates: list(x.NGAY_TAI_KHAM)
      .map((d) => date(d))
      .filter((d): d is string => d !== undefined),
    newbornWeights: list(x.CAN_NANG_CON)
      .map((w) => num(w))
      .filter((w): w is number => w !== undefined),
  };
}

function diagnoses(x: TableRecord<'XML1'>): EpisodeDiagnoses {
  return {
    admissionText: opt(x.CHAN_DOAN_VAO),
    dischargeText: opt(x.CHAN_DOAN_RV),
    main: opt(x.MA_BENH_CHINH),
    secondary: list(x.MA_BENH_KT),
    traditional: list(x.MA_BENH_YHCT),
    procedures: list(x.MA_PTTT_QT),
  };
}

function totals(x: TableRecord<'XML1'>): EpisodeTotals {
  return {
    thuoc: num(x.T_THUOC),
    vtyt: num(x.T_VTYT),
    tongChiBv: num(x.T_TONGCHI_BV),
    tongChiBh: num(x.T_TONGCHI_BH),
    bntt: num(x.T_BNTT),
    bncct: num(x.T_BNCCT),
    bhtt: num(x.T_BHTT),
    nguonKhac: num(x.T_NGUONKHAC),
    bhttGdv: num(x.T_BHTT_GDV),
  };
}

/**
 * The canonical typed view of one episode. Fails (with a Problem) only when the HOSO has no XML1;
 * otherwise every table present is mapped, whatever its validation status.
 */
export function toEpisode(hoso: Hoso): Result<Episode> {
  const x = hoso.tables.XML1?.[0];
  if (x === undefined) return fail(problem('XML1_MISSING', 'HOSO không có bảng XML1 (tổng hợp).', 'XML1'));
  const t = hoso.tables;
  const xml8 = t.XML8?.[0];
  const xml13 = t.XML13?.[0];
  const xml14 = t.XML14?.[0];
  return ok({
    maLk: x.MA_LK.trim(),
    facilityCode: x.MA_CSKCB.trim(),
    patient: patient(x, hoso),
    encounter: encounter(x),
    diagnoses: diagnoses(x),
    totals: totals(x),
    drugs: (t.XML2 ?? []).map(drugLine),
    services: (t.XML3 ?? []).map(serviceLine),
    labs: (t.XML4 ?? []).map(labResult),
    clinicalNotes: (t.XML5 ?? []).map(clinicalNote),
    hivCare: t.XML6 ?? [],
    dischargePapers: (t.XML7 ?? []).map(dischargePaper),
    ...(xml8 === undefined ? {} : { summary: medicalSummary(xml8) }),
    birthCertificates: (t.XML9 ?? []).map(birthCertificate),
    pregnancyLeave: t.XML10 ?? [],
    sickLeave: t.XML11 ?? [],
    ...(xml13 === undefined ? {} : { referral: referral(xml13) }),
    ...(xml14 === undefined ? {} : { appointment: appointment(xml14) }),
    tuberculosis: t.XML15 ?? [],
    tables: t,
  });
}
