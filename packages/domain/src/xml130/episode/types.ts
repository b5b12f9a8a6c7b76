/**
 * The canonical episode view: one KCB episode (one HOSO) with typed values, for storage and display.
 * Times are ISO 8601 with the Vietnam offset (+07:00); dates `yyyy-MM-dd`; amounts numbers (VND).
 * Every line keeps its full `record` so that nothing sent is lost.
 */
import type { HosoTables } from '../parse/model.ts';
import type { TableRecord } from '../registry/index.ts';
import type { EpisodeBirthDate } from './convert.ts';

export interface EpisodeCard {
  /** MA_THE_BHYT item (15 characters, or a 10-digit number). */
  readonly number: string;
  /** 10-digit social-insurance number (last 10 characters of a 15-character card). */
  readonly maBhxh?: string;
  readonly maDkbd?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
}

export interface EpisodePatient {
  readonly maBn: string;
  readonly hoTen: string;
  readonly soCccd?: string;
  readonly ngaySinh?: EpisodeBirthDate;
  /** GIOI_TINH code: 1 Nam, 2 Nữ, 3 Chưa xác định. */
  readonly gioiTinh?: string;
  readonly gender: 'male' | 'female' | 'unknown';
  readonly nhomMau?: string;
  readonly maQuocTich?: string;
  readonly maDanToc?: string;
  readonly maNgheNghiep?: string;
  readonly diaChi?: string;
  readonly maTinhCuTru?: string;
  readonly maHuyenCuTru?: string;
  readonly maXaCuTru?: string;
  readonly dienThoai?: string;
  /** First card of MA_THE_BHYT. */
  readonly maTheBhyt?: string;
  /** Social-insurance number: from XML11/XML12 when sent, else derived from the card. */
  readonly maBhxh?: string;
  readonly cards: readonly EpisodeCard[];
  /** CAN_NANG in kg. */
  readonly canNang?: number;
}

export interface EpisodeEncounter {
  /** MA_LOAI_KCB, e.g. "01" outpatient visit, "03" inpatient. */
  readonly maLoaiKcb: string;
  readonly maDoiTuongKcb?: string;
  readonly admittedAt?: string;
  readonly inpatientAdmittedAt?: string;
  readonly dischargedAt?: string;
  readonly soNgayDtri?: number;
  readonly ketQuaDtri?: string;
  readonly maLoaiRv?: string;
  /** Departments in order of stay. */
  readonly maKhoa: readonly string[];
  readonly maNoiDi?: string;
  readonly maNoiDen?: string;
  readonly giayChuyenTuyen?: string;
  readonly lyDoVv?: string;
  readonly lyDoVnt?: string;
  readonly maLyDoVnt?: string;
  readonly maTaiNan?: string;
  readonly ppDieuTri?: string;
  readonly ghiChu?: string;
  readonly maHsba?: string;
  readonly maTtdv?: string;
  readonly maKhuVuc?: string;
  readonly paidAt?: string;
  readonly settlementYear?: number;
  readonly settlementMonth?: number;
  readonly ngayMienCct?: string;
  readonly namNamLienTuc?: string;
  readonly followUpDates: readonly string[];
  /** CAN_NANG_CON, grams. */
  readonly newbornWeights: readonly number[];
}

export interface EpisodeDiagnoses {
  readonly admissionText?: string;
  readonly dischargeText?: string;
  /** MA_BENH_CHINH (ICD-10). */
  readonly main?: string;
  /** MA_BENH_KT split on ';'. */
  readonly secondary: readonly string[];
  /** MA_BENH_YHCT split on ';'. */
  readonly traditional: readonly string[];
  /** MA_PTTT_QT (ICD-9-CM) split on ';'. */
  readonly procedures: readonly string[];
}

export interface EpisodeTotals {
  readonly thuoc?: number;
  readonly vtyt?: number;
  readonly tongChiBv?: number;
  readonly tongChiBh?: number;
  readonly bntt?: number;
  readonly bncct?: number;
  readonly bhtt?: number;
  readonly nguonKhac?: number;
  readonly bhttGdv?: number;
}

/** Money split shared by drug and service lines. */
export interface EpisodeLineAmounts {
  readonly phamVi?: string;
  readonly soLuong?: number;
  readonly tyleTtBh?: number;
  readonly thanhTienBv?: number;
  readonly thanhTienBh?: number;
  readonly mucHuong?: number;
  readonly tNguonKhac?: number;
  readonly tBntt?: number;
  readonly tBncct?: number;
  readonly tBhtt?: number;
  readonly maPttt?: string;
}

export interface EpisodeDrug extends EpisodeLineAmounts {
  readonly stt?: number;
  readonly maThuoc: string;
  readonly tenThuoc: string;
  readonly maNhom?: string;
  readonly donViTinh?: string;
  readonly hamLuong?: string;
  readonly duongDung?: string;
  readonly dangBaoChe?: string;
  readonly lieuDung?: string;
  readonly cachDung?: string;
  readonly soDangKy?: string;
  readonly ttThau?: string;
  readonly donGia?: number;
  readonly maKhoa?: string;
  readonly maBacSi: readonly string[];
  readonly maDichVu: readonly string[];
  readonly orderedAt?: string;
  readonly performedAt?: string;
  readonly nguonCtra?: string;
  readonly record: TableRecord<'XML2'>;
}

export interface EpisodeService extends EpisodeLineAmounts {
  readonly stt?: number;
  /** `supply` when the row bills a medical supply (MA_VAT_TU without service, or MA_NHOM 10). */
  readonly kind: 'service' | 'supply';
  readonly maDichVu?: string;
  readonly tenDichVu?: string;
  readonly maVatTu?: string;
  readonly tenVatTu?: string;
  readonly maNhom?: string;
  readonly donViTinh?: string;
  readonly donGiaBv?: number;
  readonly donGiaBh?: number;
  readonly tyleTtDv?: number;
  readonly ttThau?: string;
  readonly maKhoa?: string;
  readonly maGiuong: readonly string[];
  readonly maBacSi: readonly string[];
  readonly nguoiThucHien: readonly string[];
  readonly maBenh: readonly string[];
  readonly procedures: readonly string[];
  readonly orderedAt?: string;
  readonly performedAt?: string;
  readonly resultAt?: string;
  readonly ppVoCam?: string;
  readonly maMay: readonly string[];
  readonly record: TableRecord<'XML3'>;
}

export interface EpisodeLab {
  readonly stt?: number;
  readonly maDichVu?: string;
  readonly maChiSo?: string;
  readonly tenChiSo?: string;
  readonly giaTri?: string;
  /** GIA_TRI as a number when it is one. */
  readonly value?: number;
  readonly donViDo?: string;
  readonly moTa?: string;
  readonly ketLuan?: string;
  readonly resultAt?: string;
  readonly maBsDocKq: readonly string[];
  readonly record: TableRecord<'XML4'>;
}

export interface EpisodeNote {
  readonly stt?: number;
  readonly at?: string;
  readonly dienBienLs?: string;
  readonly giaiDoanBenh?: string;
  readonly hoiChan?: string;
  readonly phauThuat?: string;
  readonly nguoiThucHien: readonly string[];
  /** Vital signs coded as CSST<…> in DIEN_BIEN_LS (QĐ 4750). */
  readonly vitalSigns?: Readonly<Record<string, string>>;
  readonly record: TableRecord<'XML5'>;
}

export interface EpisodeDischargePaper {
  readonly soLuuTru?: string;
  readonly maKhoaRv?: string;
  readonly admittedAt?: string;
  readonly dischargedAt?: string;
  readonly chanDoanRv?: string;
  readonly ppDieuTri?: string;
  readonly pregnancyTerminated: boolean;
  readonly tuoiThai?: number;
  readonly restDays?: number;
  readonly restFrom?: string;
  readonly restTo?: string;
  readonly documentDate?: string;
  readonly record: TableRecord<'XML7'>;
}

export interface EpisodeSummary {
  readonly admittedAt?: string;
  readonly dischargedAt?: string;
  readonly chanDoanVao?: string;
  readonly chanDoanRv?: string;
  readonly qtBenhLy?: string;
  readonly tomTatKq?: string;
  readonly ppDieuTri?: string;
  readonly ketQuaDtri?: string;
  readonly documentDate?: string;
  readonly record: TableRecord<'XML8'>;
}

export interface EpisodeBirthCertificate {
  readonly motherName?: string;
  readonly childName?: string;
  readonly childGender?: string;
  readonly bornAt?: string;
  readonly weightGrams?: number;
  readonly caesarean: boolean;
  readonly documentDate?: string;
  readonly record: TableRecord<'XML9'>;
}

export interface EpisodeReferral {
  readonly soHoso?: string;
  readonly soChuyenTuyen?: string;
  readonly giayChuyenTuyen?: string;
  readonly from?: string;
  readonly to?: string;
  readonly reason?: string;
  readonly dauHieuLs?: string;
  readonly huongDieuTri?: string;
  readonly phuongTienVc?: string;
  readonly record: TableRecord<'XML13'>;
}

export interface EpisodeAppointment {
  readonly soGiayHen?: string;
  /** NGAY_HEN_KL: a date (`yyyy-MM-dd`) or a date-time. */
  readonly at?: string;
  readonly maBacSi: readonly string[];
  readonly documentDate?: string;
  readonly record: TableRecord<'XML14'>;
}

export interface Episode {
  readonly maLk: string;
  /** XML1.MA_CSKCB. */
  readonly facilityCode: string;
  readonly patient: EpisodePatient;
  readonly encounter: EpisodeEncounter;
  readonly diagnoses: EpisodeDiagnoses;
  readonly totals: EpisodeTotals;
  readonly drugs: readonly EpisodeDrug[];
  readonly services: readonly EpisodeService[];
  readonly labs: readonly EpisodeLab[];
  readonly clinicalNotes: readonly EpisodeNote[];
  readonly hivCare: readonly TableRecord<'XML6'>[];
  readonly dischargePapers: readonly EpisodeDischargePaper[];
  readonly summary?: EpisodeSummary;
  readonly birthCertificates: readonly EpisodeBirthCertificate[];
  readonly pregnancyLeave: readonly TableRecord<'XML10'>[];
  readonly sickLeave: readonly TableRecord<'XML11'>[];
  readonly referral?: EpisodeReferral;
  readonly appointment?: EpisodeAppointment;
  readonly tuberculosis: readonly TableRecord<'XML15'>[];
  /** All records as received (normalised), for storage. */
  readonly tables: HosoTables;
}
