/**
 * Drug (XML2), service and supply (XML3) and lab-result (XML4) lines of a synthetic episode, with
 * the money split of xml130.md §10.4 computed in whole cents, so that XML1's totals are exactly the
 * sums of the lines (§10.3).
 */
import type { TableRecord } from '../xml130/registry/index.ts';
import type { CatalogueDrug, CatalogueService, CatalogueSupply, LabIndicator } from './episodes-catalogue.ts';
import { formatTime, record } from './episodes-format.ts';
import type { Rng } from './prng.ts';

/** Money in cents → `123.45`. */
export function money(cents: number): string {
  const c = Math.round(cents);
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

const price = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));

interface Common {
  /** Minutes since the epoch. */
  readonly orderedAt: number;
  readonly doneAt: number;
  readonly dept: string;
  readonly doctor: string;
}

export interface DrugLine extends Common {
  readonly kind: 'drug';
  readonly drug: CatalogueDrug;
  readonly quantity: number;
  readonly dose: string;
}

export interface ServiceLine extends Common {
  readonly kind: 'service';
  readonly service: CatalogueService;
  readonly quantity: number;
  /** Hospital price (DON_GIA_BV); the BHYT price is the catalogue price. */
  readonly hospitalPrice: number;
  readonly performer: string;
  readonly icd: string;
  readonly resultAt?: number;
  readonly bed?: string;
  /** Condition keys that make lab results abnormal, and the imaging finding key. */
  readonly findings?: readonly string[];
  readonly imagingFinding?: string;
}

export interface SupplyLine extends Common {
  readonly kind: 'supply';
  readonly supply: CatalogueSupply;
  readonly quantity: number;
  readonly icd: string;
}

export type Line = DrugLine | ServiceLine | SupplyLine;

export interface Totals {
  thuoc: number;
  vtyt: number;
  bv: number;
  bh: number;
  bntt: number;
  bncct: number;
  bhtt: number;
  nguonKhac: number;
  bhttGdv: number;
}

interface Split {
  bv: number;
  bh: number;
  nk: number;
  bhtt: number;
  bncct: number;
  bntt: number;
}

function split(bv: number, bh: number, nk: number, mucHuong: number): Split {
  const bhtt = Math.round((bh * mucHuong) / 100);
  return { bv, bh, nk, bhtt, bncct: bh - bhtt, bntt: bv - bh - nk };
}

/** Unit cost of a line: [hospital price, BHYT price]. */
function unitPrices(line: Line): readonly [number, number] {
  switch (line.kind) {
    case 'drug':
      return [line.drug.price, line.drug.price];
    case 'service':
      return [line.hospitalPrice, line.service.price];
    case 'supply':
      return [line.supply.price, line.supply.price];
  }
}

/** BHYT-eligible amount of the lines (cents), before the benefit level is known. */
export function insuredAmount(lines: readonly Line[], insured: boolean): number {
  if (!insured) return 0;
  let sum = 0;
  for (const l of lines) {
    if (l.kind === 'drug' && l.drug.programme) continue;
    sum += Math.round(l.quantity * unitPrices(l)[1] * 100);
  }
  return sum;
}

function moneyFields(s: Split, mucHuong: number, tyle: number) {
  return {
    TYLE_TT_BH: String(tyle),
    THANH_TIEN_BV: money(s.bv),
    THANH_TIEN_BH: money(s.bh),
    T_NGUONKHAC_NSNN: money(s.nk),
    T_NGUONKHAC_VTNN: '0.00',
    T_NGUONKHAC_VTTN: '0.00',
    T_NGUONKHAC_CL: '0.00',
    T_NGUONKHAC: money(s.nk),
    MUC_HUONG: String(mucHuong),
    T_BNTT: money(s.bntt),
    T_BNCCT: money(s.bncct),
    T_BHTT: money(s.bhtt),
  };
}

export interface BuiltLines {
  readonly xml2: TableRecord<'XML2'>[];
  readonly xml3: TableRecord<'XML3'>[];
  readonly xml4: TableRecord<'XML4'>[];
  readonly totals: Totals;
}

function indicatorValue(rng: Rng, ind: LabIndicator, findings: readonly string[]): string {
  const range = findings.map((f) => ind.abnormal?.[f]).find((r) => r !== undefined) ?? ind.normal;
  const [lo, hi] = range;
  if (ind.unit === '' && lo === hi) return lo === 0 ? 'Âm tính' : 'Dương tính';
  const v = lo + rng.float() * (hi - lo);
  return v.toFixed(ind.decimals);
}

/**
 * Turns lines into XML2/XML3/XML4 records for one episode (`maLk`), given the patient's benefit
 * level `mucHuong` (0 when uninsured). Lab results and imaging reports are drawn from `rng`.
 */
export function buildLines(
  lines: readonly Line[],
  o: { maLk: string; insured: boolean; mucHuong: number; machineFacility: string },
  rng: Rng,
): BuiltLines {
  const totals: Totals = {
    thuoc: 0,
    vtyt: 0,
    bv: 0,
    bh: 0,
    bntt: 0,
    bncct: 0,
    bhtt: 0,
    nguonKhac: 0,
    bhttGdv: 0,
  };
  const xml2: TableRecord<'XML2'>[] = [];
  const xml3: TableRecord<'XML3'>[] = [];
  const xml4: TableRecord<'XML4'>[] = [];
  const add = (s: Split): void => {
    totals.bv += s.bv;
    totals.bh += s.bh;
    totals.bntt += s.bntt;
    totals.bncct += s.bncct;
    totals.bhtt += s.bhtt;
    totals.nguonKhac += s.nk;
    totals.bhttGdv += s.bhtt;
  };
  for (const line of lines) {
    const [bvUnit, bhUnit] = unitPrices(line);
    const bv = Math.round(line.quantity * bvUnit * 100);
    if (line.kind === 'drug') {
      const programme = line.drug.programme === true;
      const tyle = o.insured && !programme ? 100 : 0;
      // Drugs have one price: the BHYT amount is the whole amount when covered. Programme supplies
      // (EPI vaccines) are paid by the state budget (T_NGUONKHAC), not by BHYT or the patient.
      const s = split(bv, tyle === 100 ? bv : 0, programme ? bv : 0, o.mucHuong);
      add(s);
      totals.thuoc += bv;
      xml2.push(
        record('XML2', {
          MA_LK: o.maLk,
          STT: String(xml2.length + 1),
          MA_THUOC: line.drug.code,
          MA_NHOM: String(line.drug.group),
          TEN_THUOC: line.drug.name,
          DON_VI_TINH: line.drug.unit,
          HAM_LUONG: line.drug.strength,
          DUONG_DUNG: line.drug.route,
          DANG_BAO_CHE: line.drug.form,
          LIEU_DUNG: line.dose,
          CACH_DUNG: line.drug.instruction,
          SO_DANG_KY: line.drug.registration,
          TT_THAU: line.drug.tender,
          PHAM_VI: '1',
          SO_LUONG: line.quantity.toFixed(3),
          DON_GIA: price(line.drug.price),
          ...moneyFields(s, o.mucHuong, tyle),
          MA_KHOA: line.dept,
          MA_BAC_SI: line.doctor,
          NGAY_YL: formatTime(line.orderedAt),
          NGAY_TH_YL: formatTime(line.doneAt),
          MA_PTTT: '1',
          NGUON_CTRA: programme ? '3' : '1',
        }),
      );
      continue;
    }
    const bh = o.insured ? Math.round(line.quantity * bhUnit * 100) : 0;
    const s = split(bv, bh, 0, o.mucHuong);
    add(s);
    if (line.kind === 'supply') {
      totals.vtyt += bv;
      xml3.push(
        record('XML3', {
          MA_LK: o.maLk,
          STT: String(xml3.length + 1),
          MA_VAT_TU: line.supply.code,
          MA_NHOM: '10',
          TEN_VAT_TU: line.supply.name,
          DON_VI_TINH: line.supply.unit,
          PHAM_VI: '1',
          SO_LUONG: String(line.quantity),
          DON_GIA_BV: price(line.supply.price),
          DON_GIA_BH: price(line.supply.price),
          TT_THAU: line.supply.tender,
          TYLE_TT_DV: '100',
          ...moneyFields(s, o.mucHuong, o.insured ? 100 : 0),
          MA_KHOA: line.dept,
          MA_BAC_SI: line.doctor,
          MA_BENH: line.icd,
          NGAY_YL: formatTime(line.orderedAt),
          NGAY_TH_YL: formatTime(line.doneAt),
          MA_PTTT: '1',
          TAI_SU_DUNG: '',
        }),
      );
      continue;
    }
    const svc = line.service;
    const measured = svc.group === 1 || svc.group === 2 || svc.group === 3;
    const performed = measured || svc.group === 8 || svc.group === 18;
    xml3.push(
      record('XML3', {
        MA_LK: o.maLk,
        STT: String(xml3.length + 1),
        MA_DICH_VU: svc.code,
        MA_NHOM: String(svc.group),
        TEN_DICH_VU: svc.name,
        DON_VI_TINH: svc.unit,
        PHAM_VI: '1',
        SO_LUONG: String(line.quantity),
        DON_GIA_BV: line.hospitalPrice.toFixed(2),
        DON_GIA_BH: svc.price.toFixed(2),
        TYLE_TT_DV: '100',
        ...moneyFields(s, o.mucHuong, o.insured ? 100 : 0),
        MA_KHOA: line.dept,
        MA_GIUONG: line.bed ?? '',
        MA_BAC_SI: line.doctor,
        NGUOI_THUC_HIEN: performed ? line.performer : '',
        MA_BENH: line.icd,
        NGAY_YL: formatTime(line.orderedAt),
        NGAY_TH_YL: performed || svc.group === 15 || svc.group === 14 ? formatTime(line.doneAt) : '',
        NGAY_KQ: line.resultAt !== undefined ? formatTime(line.resultAt) : '',
        MA_PTTT: '1',
        PP_VO_CAM: svc.anaesthesia !== undefined ? String(svc.anaesthesia) : '',
        MA_MAY: measured && svc.machine ? `${svc.machine}.1.${o.machineFacility}.1` : '',
      }),
    );
    const resultAt = line.resultAt ?? line.doneAt;
    for (const ind of svc.indicators ?? []) {
      xml4.push(
        record('XML4', {
          MA_LK: o.maLk,
          STT: String(xml4.length + 1),
          MA_DICH_VU: svc.code,
          MA_CHI_SO: ind.code,
          TEN_CHI_SO: ind.name,
          GIA_TRI: indicatorValue(rng, ind, line.findings ?? []),
          DON_VI_DO: ind.unit,
          NGAY_KQ: formatTime(resultAt),
          MA_BS_DOC_KQ: line.performer,
        }),
      );
    }
    if (svc.report) {
      const [description, conclusion] =
        (line.imagingFinding ? svc.report[line.imagingFinding] : undefined) ?? svc.report.normal;
      xml4.push(
        record('XML4', {
          MA_LK: o.maLk,
          STT: String(xml4.length + 1),
          MA_DICH_VU: svc.code,
          TEN_CHI_SO: svc.name,
          MO_TA: description,
          KET_LUAN: conclusion,
          NGAY_KQ: formatTime(resultAt),
          MA_BS_DOC_KQ: line.performer,
        }),
      );
    }
  }
  return { xml2, xml3, xml4, totals };
}
