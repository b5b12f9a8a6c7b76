/**
 * Assembles the XML 130 tables of one visit: XML1 (summary with totals equal to the line sums),
 * XML2–XML4 (lines), XML5 (progress notes), XML7 (discharge paper), XML8 (record summary), XML9
 * (birth certificate), XML13 (referral) and XML14 (re-exam appointment).
 */
import { findCommune } from '../codes/communes.ts';
import { findProvince } from '../codes/provinces.ts';
import type { Hoso } from '../xml130/parse/model.ts';
import type { TableRecord } from '../xml130/registry/index.ts';
import { addYears, ageOn, fromEpochDay, toEpochDay } from './dates.ts';
import { compactDate, formatDay, formatTime, record } from './episodes-format.ts';
import { buildLines, insuredAmount, money } from './episodes-lines.ts';
import { roleOf, type CareNetwork } from './episodes-network.ts';
import { birthMinute, type Visit } from './episodes-visit.ts';
import type { Rng } from './prng.ts';
import type { SynthResident } from './persons.ts';
import type { SynthBhytCard } from './types.ts';

/** 15 % of the base salary (2,340,000 VND since 01/07/2024, NĐ 73/2024): below it BHYT pays 100 %. */
const SMALL_EPISODE_CENTS = 351_000 * 100;
const BENEFIT_PERCENT: Readonly<Record<number, number>> = { 1: 100, 2: 100, 3: 95, 4: 80, 5: 100 };
const PROCEDURE_CODES: Readonly<Record<string, string>> = {
  '13.0002.0672': '74.1',
  '13.0075.0645': '73.59',
  '10.0546.0473': '47.01',
  '03.3826.0526': '79.03',
  '03.3911.0203': '86.59',
};

interface CardPeriod {
  readonly card: SynthBhytCard;
  readonly from: string;
  readonly to: string;
}

/** The card valid on `day`: the person's card, renewed yearly with the same code, never before birth. */
function cardOn(p: SynthResident, day: number): CardPeriod | null {
  const card = p.bhyt;
  if (!card) return null;
  for (let k = 0; k < 30; k++) {
    const from = k === 0 ? card.validFrom : addYears(card.validFrom, -k);
    const to = k === 0 ? card.validTo : addYears(card.validTo, -k);
    if (day > toEpochDay(to)) return null;
    if (day >= toEpochDay(from)) {
      const born = p.birthDate;
      return { card, from: from < born ? born : from, to };
    }
    if (toEpochDay(to) < toEpochDay(p.birthDate)) return null;
  }
  return null;
}

function category(v: Visit, period: CardPeriod | null): string {
  if (!period) return '9';
  if (v.category) return v.category;
  if (v.referredFrom) return '1.3';
  if (v.emergency) return '2';
  if (period.card.initialFacilityCode === v.facility.code) return '1.1';
  if (roleOf(v.facility) === 'hospital') return v.loaiKcb === '01' ? '3.3' : '3.2';
  return '1.2';
}

function weightKg(p: SynthResident, day: number): string {
  const age = ageOn(p.birthDate, fromEpochDay(day));
  const jitter = (Number.parseInt(p.id.slice(9, 13), 16) % 100) / 100;
  let kg: number;
  if (age < 1) kg = 3.2 + ((day - toEpochDay(p.birthDate)) / 30) * 0.55;
  else if (age < 6) kg = 9 + 2 * age + jitter * 2;
  else if (age < 16) kg = 20 + 3.2 * (age - 6) + jitter * 6;
  else kg = (p.sex === 'male' ? 52 : 44) + jitter * 20;
  return kg.toFixed(2);
}

function birthField(p: SynthResident, day: number): string {
  const born = toEpochDay(p.birthDate);
  const compact = compactDate(p.birthDate);
  if (day - born > 365) return `${compact}0000`;
  const m = birthMinute(p);
  return `${compact}${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
}

function addressOf(p: SynthResident): string {
  const commune = findCommune(p.address.communeCode)?.fullName ?? p.address.communeCode;
  const province = findProvince(p.address.provinceCode)?.fullName ?? p.address.provinceCode;
  return `${p.address.line}, ${commune}, ${province}`;
}

const diagnosisText = (items: readonly (readonly [string, string])[]): string =>
  items.map(([icd, name]) => `(${icd}) ${name}`).join('; ');

export interface AssembleOptions {
  readonly maLk: string;
  readonly network: CareNetwork;
  readonly rng: Rng;
}

/** The HOSO of one visit. */
export function assembleHoso(v: Visit, o: AssembleOptions): Hoso {
  const p = v.person;
  const rng = o.rng;
  const arrivalDay = Math.floor(v.arrival / 1440);
  const dischargeDay = Math.floor(v.discharge / 1440);
  const period = cardOn(p, arrivalDay);
  const insured = period !== null && dischargeDay <= toEpochDay(period.to);
  const cardPeriod = insured ? period : null;
  const doiTuong = category(v, cardPeriod);
  const staff = o.network.staff(v.facility);
  let mucHuong = 0;
  if (cardPeriod) {
    const eligible = insuredAmount(v.lines, true);
    mucHuong =
      roleOf(v.facility) === 'station' || eligible < SMALL_EPISODE_CENTS
        ? 100
        : (BENEFIT_PERCENT[cardPeriod.card.benefitLevel] ?? 80);
  }
  const lines = buildLines(
    v.lines,
    {
      maLk: o.maLk,
      insured: cardPeriod !== null,
      mucHuong,
      machineFacility: v.facility.code,
    },
    rng,
  );
  const t = lines.totals;
  const all = [v.main, ...v.secondary];
  const inpatient = v.loaiKcb !== '01';
  const days = inpatient ? dischargeDay - arrivalDay + 1 : 0;
  const settle = fromEpochDay(dischargeDay);
  const procedures = [
    ...new Set(
      v.lines.flatMap((l) =>
        l.kind === 'service' && PROCEDURE_CODES[l.service.code]
          ? [PROCEDURE_CODES[l.service.code] ?? '']
          : [],
      ),
    ),
  ];
  const newbornGrams = v.delivery
    ? 2500 + (Number.parseInt(v.delivery.newborn.id.slice(2, 8), 16) % 1400)
    : null;
  const five = cardPeriod?.card.fiveYearsFrom;
  const common = {
    HO_TEN: p.fullName.toLocaleUpperCase('vi'),
    NGAY_SINH: birthField(p, arrivalDay),
    GIOI_TINH: p.sex === 'male' ? '1' : '2',
    DIA_CHI: addressOf(p),
    MA_THE_BHYT: cardPeriod?.card.code ?? '',
    GT_THE_DEN: cardPeriod ? compactDate(cardPeriod.to) : '',
    NGAY_VAO: formatTime(v.arrival),
    NGAY_VAO_NOI_TRU: v.admission !== null ? formatTime(v.admission) : '',
    NGAY_RA: formatTime(v.discharge),
    CHAN_DOAN_RV: diagnosisText(all),
    MA_BENH_CHINH: v.main[0],
    MA_BENH_KT: v.secondary.map(([icd]) => icd).join(';'),
  };
  const xml1 = record('XML1', {
    MA_LK: o.maLk,
    STT: '1',
    MA_BN: `BN${String(p.index).padStart(9, '0')}`,
    ...common,
    SO_CCCD: p.personalId,
    MA_QUOCTICH: '000',
    MA_DANTOC: p.ethnicCode,
    MA_NGHE_NGHIEP: '00000',
    MATINH_CU_TRU: p.address.provinceCode,
    MAXA_CU_TRU: p.address.communeCode,
    DIEN_THOAI: p.phone,
    MA_DKBD: cardPeriod?.card.initialFacilityCode ?? '',
    GT_THE_TU: cardPeriod ? compactDate(cardPeriod.from) : '',
    LY_DO_VV: v.complaint,
    LY_DO_VNT: inpatient ? v.complaint : '',
    CHAN_DOAN_VAO: diagnosisText([v.main]),
    MA_PTTT_QT: procedures.join(';'),
    MA_DOITUONG_KCB: doiTuong,
    MA_NOI_DI: v.referredFrom?.facility.code ?? '',
    MA_NOI_DEN: v.referTo?.code ?? '',
    MA_TAI_NAN: v.injury !== null ? String(v.injury) : '',
    GIAY_CHUYEN_TUYEN: v.referredFrom?.letter ?? '',
    SO_NGAY_DTRI: String(days),
    PP_DIEU_TRI: v.treatment,
    KET_QUA_DTRI: v.outcome,
    MA_LOAI_RV: v.dischargeType,
    GHI_CHU: v.advice,
    NGAY_TTOAN: formatTime(v.discharge),
    T_THUOC: money(t.thuoc),
    T_VTYT: money(t.vtyt),
    T_TONGCHI_BV: money(t.bv),
    T_TONGCHI_BH: money(t.bh),
    T_BNTT: money(t.bntt),
    T_BNCCT: money(t.bncct),
    T_BHTT: money(t.bh - t.bncct),
    T_NGUONKHAC: money(t.nguonKhac),
    T_BHTT_GDV: money(t.bhttGdv),
    NAM_QT: settle.slice(0, 4),
    THANG_QT: settle.slice(5, 7),
    MA_LOAI_KCB: v.loaiKcb,
    MA_KHOA: v.departments.join(';'),
    MA_CSKCB: v.facility.code,
    CAN_NANG: weightKg(p, arrivalDay),
    CAN_NANG_CON: newbornGrams !== null ? String(newbornGrams) : '',
    NAM_NAM_LIEN_TUC: five && five <= fromEpochDay(arrivalDay) ? compactDate(five) : '',
    NGAY_TAI_KHAM: v.followUp !== null ? formatDay(v.followUp) : '',
    MA_HSBA: o.maLk,
    MA_TTDV: staff.head,
  });

  const tables: { -readonly [K in keyof Hoso['tables']]: Hoso['tables'][K] } = { XML1: [xml1] };
  if (lines.xml2.length > 0) tables.XML2 = lines.xml2;
  if (lines.xml3.length > 0) tables.XML3 = lines.xml3;
  if (lines.xml4.length > 0) tables.XML4 = lines.xml4;
  const doctor = rng.pick(staff.codes);
  const doctorName = staff.names[staff.codes.indexOf(doctor)] ?? staff.names[0] ?? '';
  if (inpatient) tables.XML5 = notes(v, o.maLk, doctor, rng);
  const newbornCard = v.delivery ? temporaryCard(v.delivery.newborn) : '';
  if (v.loaiKcb === '03' || v.loaiKcb === '04') {
    tables.XML7 = [
      record('XML7', {
        MA_LK: o.maLk,
        SO_LUU_TRU: `LT${o.maLk.slice(2)}`,
        MA_YTE: xml1.MA_BN,
        MA_KHOA_RV: v.departments[v.departments.length - 1] ?? 'K01',
        NGAY_VAO: common.NGAY_VAO,
        NGAY_RA: common.NGAY_RA,
        MA_DINH_CHI_THAI: '0',
        CHAN_DOAN_RV: common.CHAN_DOAN_RV,
        PP_DIEUTRI: v.treatment,
        GHI_CHU: v.advice,
        MA_TTDV: staff.head,
        MA_BS: doctor,
        TEN_BS: doctorName,
        NGAY_CT: formatDay(dischargeDay),
        MA_THE_TAM: newbornCard,
      }),
    ];
  }
  if (inpatient) {
    tables.XML8 = [
      record('XML8', {
        MA_LK: o.maLk,
        MA_LOAI_KCB: v.loaiKcb,
        NGAY_VAO: common.NGAY_VAO,
        NGAY_RA: common.NGAY_RA,
        CHAN_DOAN_VAO: xml1.CHAN_DOAN_VAO,
        CHAN_DOAN_RV: common.CHAN_DOAN_RV,
        QT_BENHLY: `${v.complaint}. Vào viện được chẩn đoán ${v.main[1].toLocaleLowerCase('vi')}.`,
        TOMTAT_KQ: summaryOfResults(lines.xml4),
        PP_DIEUTRI: v.treatment,
        NGAY_SINHCON: v.delivery ? compactDate(v.delivery.newborn.birthDate) : '',
        KET_QUA_DTRI: v.outcome,
        GHI_CHU: v.advice,
        MA_TTDV: staff.head,
        NGAY_CT: formatDay(dischargeDay),
        MA_THE_TAM: newbornCard,
      }),
    ];
  }
  if (v.delivery)
    tables.XML9 = [
      birthCertificate(v, o.maLk, newbornCard, newbornGrams ?? 3000, doctorName, staff.head, rng),
    ];
  if (v.referTo) {
    tables.XML13 = [
      record('XML13', {
        MA_LK: o.maLk,
        SO_HOSO: `HS${o.maLk.slice(2)}`,
        SO_CHUYENTUYEN: `CT${o.maLk.slice(2)}`,
        GIAY_CHUYEN_TUYEN: v.letter ?? `GCT${o.maLk.slice(2)}`,
        MA_CSKCB: v.facility.code,
        MA_NOI_DEN: v.referTo.code,
        ...common,
        MA_QUOCTICH: xml1.MA_QUOCTICH,
        MA_DANTOC: xml1.MA_DANTOC,
        MA_NGHE_NGHIEP: xml1.MA_NGHE_NGHIEP,
        DAU_HIEU_LS: v.complaint,
        QT_BENHLY: `${v.complaint}, đã xử trí ban đầu.`,
        TOMTAT_KQ: summaryOfResults(lines.xml4),
        PP_DIEUTRI: v.treatment,
        TEN_DICH_VU: lines.xml3.map((r) => r.TEN_DICH_VU || r.TEN_VAT_TU).join('; ') || 'Khám bệnh',
        TEN_THUOC: lines.xml2.map((r) => r.TEN_THUOC).join('; '),
        PP_DIEU_TRI: xml1.PP_DIEU_TRI,
        MA_LOAI_RV: v.dischargeType,
        MA_LYDO_CT: rng.chance(0.7) ? '2' : '1',
        HUONG_DIEU_TRI: 'Tiếp tục chẩn đoán và điều trị tại tuyến trên',
        PHUONGTIEN_VC: rng.chance(0.6) ? 'Xe cứu thương' : 'Tự túc',
        MA_BAC_SI: doctor,
        MA_TTDV: staff.head,
      }),
    ];
  }
  if (v.followUp !== null) {
    tables.XML14 = [
      record('XML14', {
        MA_LK: o.maLk,
        SO_GIAYHEN_KL: `HK${o.maLk.slice(2)}`,
        MA_CSKCB: v.facility.code,
        ...common,
        NGAY_HEN_KL: formatDay(v.followUp),
        MA_DOITUONG_KCB: doiTuong,
        MA_BAC_SI: doctor,
        MA_TTDV: staff.head,
        NGAY_CT: formatDay(dischargeDay),
      }),
    ];
  }
  return { tables };
}

function notes(v: Visit, maLk: string, author: string, rng: Rng): TableRecord<'XML5'>[] {
  const first = Math.floor((v.admission ?? v.arrival) / 1440);
  const last = Math.floor(v.discharge / 1440);
  const out: TableRecord<'XML5'>[] = [];
  for (let day = first; day <= last; day++) {
    const at = day === first ? (v.admission ?? v.arrival) + 15 : day * 1440 + 7 * 60 + rng.range(0, 60);
    if (at > v.discharge) break;
    const pulse = rng.range(72, 96);
    const temp = (36.6 + rng.float() * (day === first ? 1.8 : 0.8)).toFixed(1);
    const sys = rng.range(105, 140);
    out.push(
      record('XML5', {
        MA_LK: maLk,
        STT: String(out.length + 1),
        DIEN_BIEN_LS: `${day === first ? 'Vào viện' : 'Ngày ' + String(day - first + 1)}: bệnh tỉnh, tiếp xúc tốt. CSST<M${pulse}_T${temp}_HA${sys}/${sys - 40}_NT${rng.range(16, 22)}>`,
        THOI_DIEM_DBLS: formatTime(at),
        NGUOI_THUC_HIEN: author,
      }),
    );
  }
  return out;
}

function summaryOfResults(xml4: readonly TableRecord<'XML4'>[]): string {
  const parts = xml4
    .slice(0, 6)
    .map((r) => (r.KET_LUAN ? r.KET_LUAN : `${r.TEN_CHI_SO} ${r.GIA_TRI} ${r.DON_VI_DO}`.trim()));
  return parts.length ? parts.join('; ') : 'Không có kết quả cận lâm sàng';
}

/** The newborn's temporary card (TE1 + province + 10 digits), from their own card when they have one. */
function temporaryCard(child: SynthResident): string {
  if (child.bhyt?.code.startsWith('TE1')) return child.bhyt.code;
  const digits = (child.bhyt?.bhxhNumber ?? child.personalId.slice(2)).slice(-10).padStart(10, '0');
  return `TE1${child.address.provinceCode}${digits}`;
}

function birthCertificate(
  v: Visit,
  maLk: string,
  card: string,
  grams: number,
  midwife: string,
  head: string,
  rng: Rng,
): TableRecord<'XML9'> {
  const mother = v.person;
  const d = v.delivery;
  if (!d) throw new RangeError('no delivery');
  const child = d.newborn;
  const born = toEpochDay(child.birthDate);
  const issued = Math.max(
    toEpochDay(mother.birthDate) + 14 * 365 + 30,
    toEpochDay('2021-03-01') + rng.int(480),
  );
  const m = birthMinute(child);
  return record('XML9', {
    MA_LK: maLk,
    MA_BHXH_NND: mother.bhyt?.bhxhNumber ?? '',
    MA_THE_NND: mother.bhyt?.code ?? '',
    HO_TEN_NND: mother.fullName.toLocaleUpperCase('vi'),
    NGAYSINH_NND: compactDate(mother.birthDate),
    MA_DANTOC_NND: mother.ethnicCode,
    SO_CCCD_NND: mother.personalId,
    NGAYCAP_CCCD_NND: formatDay(Math.min(issued, born - 1)),
    NOICAP_CCCD_NND: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
    NOI_CU_TRU_NND: addressOf(mother),
    MA_QUOCTICH: '000',
    MATINH_CU_TRU: mother.address.provinceCode,
    MAXA_CU_TRU: mother.address.communeCode,
    HO_TEN_CHA: d.father ? d.father.fullName.toLocaleUpperCase('vi') : '',
    MA_THE_TAM: card,
    HO_TEN_CON: child.fullName.toLocaleUpperCase('vi'),
    GIOI_TINH_CON: child.sex === 'male' ? '1' : '2',
    SO_CON: '1',
    LAN_SINH: String(1 + rng.int(3)),
    SO_CON_SONG: '1',
    CAN_NANG_CON: String(grams),
    NGAY_SINH_CON: `${compactDate(child.birthDate)}${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`,
    NOI_SINH_CON: v.facility.name,
    TINH_TRANG_CON: 'Khỏe mạnh',
    SINHCON_PHAUTHUAT: d.caesarean ? '1' : '0',
    SINHCON_DUOI32TUAN: '0',
    GHI_CHU: 'Không',
    NGUOI_DO_DE: midwife,
    NGUOI_GHI_PHIEU: midwife,
    NGAY_CT: formatDay(Math.floor(v.discharge / 1440)),
    SO: `${rng.range(1, 9999)}`,
    QUYEN_SO: fromEpochDay(born).slice(0, 4),
    MA_TTDV: head,
  });
}
