/**
 * Realistic synthetic XML 130 episodes for tests and the ingest benchmark. Lines (drugs, services,
 * lab results) are drawn from the real redacted samples in fixtures/, so codes, names, prices and
 * amounts are real; each episode gets its own patient (valid personal ID, BHYT card), dates, MA_LK
 * and XML1 totals recomputed from its lines. Every generated episode passes the domain validation
 * without errors (synthetic.test.ts).
 *
 * `allTables` adds every table a HOSO can carry (XML5 … XML15; XML13 makes it a referral-out).
 */
import { readFileSync } from 'node:fs';
import {
  CODE_LISTS,
  REGISTRY,
  emitEnvelope,
  parseEnvelope,
  validateTable,
  type Hoso,
  type TableId,
} from '@suckhoe/domain/xml130/index';
import type { FieldSpec } from '@suckhoe/domain/xml130/index';

type Rec = Record<string, string>;
type Tables = Partial<Record<TableId, Rec[]>>;

const FIXTURES = new URL('./fixtures/', import.meta.url);
export const FIXTURE_FILES = {
  inpatient: 'sample01_inpatient_delivery_XML1-2-3-4-5-7-8-9-14.xml',
  followUp: 'sample03_outpatient_followup_XML1-2-3-4-14.xml',
  negative: 'sample04_NEGATIVE_outpatient_missing_XML2.xml',
} as const;

export function readFixture(name: keyof typeof FIXTURE_FILES): Buffer {
  return readFileSync(new URL(FIXTURE_FILES[name], FIXTURES));
}

function tablesOf(name: keyof typeof FIXTURE_FILES): Tables {
  const r = parseEnvelope(readFixture(name));
  const h = r.value?.hoso[0];
  if (!h) throw new Error(`fixture ${name} did not parse`);
  const out: Tables = {};
  for (const [id, records] of Object.entries(h.tables) as [TableId, readonly Readonly<Rec>[]][]) {
    out[id] = records.map((x) => ({ ...x }));
  }
  return out;
}

interface Pools {
  readonly outpatient: Tables;
  readonly inpatient: Tables;
  readonly drugs: readonly Rec[];
  readonly services: readonly Rec[];
  readonly labs: readonly Rec[];
}

let pools: Pools | undefined;

/**
 * Lines of the real samples that pass the field checks on their own, with every "Y" field filled (the
 * real lines without HAM_LUONG / TEN_CHI_SO are accepted with a warning, but benchmark data has none).
 */
function clean(table: TableId, records: readonly Rec[]): Rec[] {
  return records.filter((r) => {
    const v = validateTable(table, [r]);
    return v.ok && !v.warnings.some((w) => w.rule === 'FIELD_EMPTY_TOLERATED');
  });
}

function loadPools(): Pools {
  if (pools) return pools;
  const outpatient = tablesOf('followUp');
  const inpatient = tablesOf('inpatient');
  const pick = (t: TableId): Rec[] => clean(t, [...(outpatient[t] ?? []), ...(inpatient[t] ?? [])]);
  // Bed days and supplies of an inpatient stay do not belong in an outpatient visit.
  const services = pick('XML3').filter((r) => !['14', '15', '16', '10'].includes(r.MA_NHOM ?? ''));
  pools = { outpatient, inpatient, drugs: pick('XML2'), services, labs: pick('XML4') };
  return pools;
}

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Phan',
  'Trương',
  'Bùi',
  'Đặng',
  'Đỗ',
  'Ngô',
  'Hồ',
  'Dương',
];
const MIDDLE_M = ['Văn', 'Hữu', 'Minh', 'Quốc', 'Thanh', 'Đức', 'Công'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Kim', 'Mỹ', 'Thanh', 'Bích'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hùng',
  'Khang',
  'Long',
  'Nam',
  'Phúc',
  'Tài',
  'Thắng',
  'Trí',
];
const GIVEN_F = [
  'Anh',
  'Châu',
  'Diễm',
  'Hà',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Ngân',
  'Phương',
  'Thảo',
  'Tuyết',
];
const COMMUNES = ['31117', '31120', '31123', '31150', '31153', '31157', '31186', '31210', '31213', '31228'];

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** `yyyyMMddHHmm` (or `yyyyMMdd`) shifted by `minutes`. */
function shift(value: string, minutes: number): string {
  const v = value.trim();
  if (!/^\d{8}(\d{4})?$/.test(v)) return value;
  const d = new Date(
    Date.UTC(
      Number(v.slice(0, 4)),
      Number(v.slice(4, 6)) - 1,
      Number(v.slice(6, 8)),
      Number(v.slice(8, 10) || 0),
      Number(v.slice(10, 12) || 0),
    ),
  );
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  const day = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`;
  return v.length === 8 ? day : `${day}${pad(d.getUTCHours(), 2)}${pad(d.getUTCMinutes(), 2)}`;
}

function minutesBetween(a: string, b: string): number {
  const t = (v: string): number =>
    Date.UTC(
      Number(v.slice(0, 4)),
      Number(v.slice(4, 6)) - 1,
      Number(v.slice(6, 8)),
      Number(v.slice(8, 10) || 0),
      Number(v.slice(10, 12) || 0),
    );
  return Math.round((t(b) - t(a)) / 60000);
}

const NOT_SHIFTED = new Set([
  'GT_THE_TU',
  'GT_THE_DEN',
  'NGAY_MIEN_CCT',
  'NAM_NAM_LIEN_TUC',
  'NGAYCAP_CCCD_NND',
  'NGAYSINH_NND',
]);

/** Shifts every date of a record (not birth dates or card validity) by `minutes`. */
function shiftRecord(table: TableId, r: Rec, minutes: number): void {
  for (const f of REGISTRY.tables[table].fields) {
    if (!['date', 'datetime', 'dateOrDatetime'].includes(f.type) || NOT_SHIFTED.has(f.name)) continue;
    const v = r[f.name];
    if (v)
      r[f.name] = v
        .split(';')
        .map((x) => shift(x, minutes))
        .join(';');
  }
}

/** Money in thousandths, exact. */
const milli = (v: string | undefined): number => {
  const t = (v ?? '').trim();
  if (t === '') return 0;
  const [i = '0', f = ''] = t.split('.');
  const sign = i.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(i)) * 1000 + Number((f + '000').slice(0, 3)));
};
const money = (m: number): string => (m / 1000).toFixed(2);

function recomputeTotals(t: Tables): void {
  const x = t.XML1![0]!;
  const lines = [...(t.XML2 ?? []), ...(t.XML3 ?? [])];
  const sum = (rows: readonly Rec[], f: string, where?: (r: Rec) => boolean): number =>
    rows.filter((r) => where === undefined || where(r)).reduce((a, r) => a + milli(r[f]), 0);
  x.T_THUOC = money(sum(t.XML2 ?? [], 'THANH_TIEN_BV'));
  x.T_VTYT = money(sum(t.XML3 ?? [], 'THANH_TIEN_BV', (r) => r.MA_NHOM === '10'));
  x.T_TONGCHI_BV = money(sum(lines, 'THANH_TIEN_BV'));
  const bh = sum(lines, 'THANH_TIEN_BH');
  const cct = sum(lines, 'T_BNCCT');
  x.T_TONGCHI_BH = money(bh);
  x.T_BNTT = money(sum(lines, 'T_BNTT'));
  x.T_BNCCT = money(cct);
  x.T_BHTT = money(bh - cct);
  x.T_NGUONKHAC = money(sum(lines, 'T_NGUONKHAC'));
  x.T_BHTT_GDV = money(sum(lines, 'T_BHTT', (r) => r.MA_PTTT === '1'));
}

export interface SyntheticOptions {
  /** MA_CSKCB of every episode. */
  readonly facility: string;
  readonly seed?: number;
  /** Lines per episode (defaults 8 / 8 / 4). */
  readonly drugs?: number;
  readonly services?: number;
  readonly labs?: number;
  /** Inpatient referral-out episode with every table XML1 … XML15 (except XML12). */
  readonly allTables?: boolean;
  /** Distinct patients the episodes are spread over (default: one per episode). */
  readonly patients?: number;
  /** Prefix of MA_LK (default `SYN`). */
  readonly prefix?: string;
}

interface Patient {
  readonly maBn: string;
  readonly name: string;
  readonly cccd: string;
  readonly birth: string;
  readonly sex: '1' | '2';
  readonly card: string;
  readonly commune: string;
  readonly phone: string;
}

function patient(index: number, seed: number): Patient {
  const r = prng(seed * 7919 + index);
  const female = r() < 0.52;
  const year = 1940 + Math.floor(r() * 80);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const pickFrom = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const name = `${pickFrom(FAMILY)} ${pickFrom(female ? MIDDLE_F : MIDDLE_M)} ${pickFrom(female ? GIVEN_F : GIVEN_M)}`;
  const centurySex = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const serial = pad((index * 7 + seed * 131) % 1_000_000, 6);
  const cccd = `092${centurySex}${pad(year % 100, 2)}${serial}`;
  const bhxh = `92${pad((index * 97 + seed) % 100_000_000, 8)}`;
  return {
    maBn: `BN${pad(index, 8)}`,
    name,
    cccd,
    birth: `${year}${pad(month, 2)}${pad(day, 2)}0000`,
    sex: female ? '2' : '1',
    card: `${pickFrom(['GD', 'HT', 'DN', 'HS', 'CN'])}492${bhxh}`,
    commune: pickFrom(COMMUNES),
    phone: `09${pad(Math.floor(r() * 1e8), 8)}`,
  };
}

/** A value that satisfies a field's declared format (for minimal records of the tables no sample has). */
function minimalValue(f: FieldSpec, at: string): string {
  if (f.codes !== undefined) return CODE_LISTS[f.codes].codes[0].code;
  switch (f.pattern) {
    case 'CSKCB':
      return '92001';
    case 'MA_BHXH':
      return '9200000001';
    case 'ICD10':
      return 'A15.0';
    case 'MA_TINH':
      return '92';
    case 'MA_XA':
      return '31117';
    case 'MA_QUOCTICH':
      return '000';
    case 'MA_DANTOC':
      return '01';
    case 'NAM':
      return at.slice(0, 4);
    case 'THANG':
      return at.slice(4, 6);
    default:
      break;
  }
  switch (f.type) {
    case 'date':
      return at.slice(0, 8);
    case 'datetime':
    case 'dateOrDatetime':
      return at;
    case 'birth':
      return '199001010000';
    case 'int':
      return '1';
    case 'decimal':
      return '0';
    case 'text':
      return 'Nội dung tổng hợp';
    case 'code':
      return 'X01';
  }
}

/** Required ("Y"), including the fields whose emptiness is only tolerated with a warning. */
function expected(f: FieldSpec): boolean {
  return f.required === true || (typeof f.required === 'object' && f.required.when === undefined);
}

function minimalRecord(table: TableId, at: string, overrides: Rec): Rec {
  const r: Rec = {};
  for (const f of REGISTRY.tables[table].fields) r[f.name] = expected(f) ? minimalValue(f, at) : '';
  return Object.assign(r, overrides);
}

/** Copies XML1 values into the fields declared "same as XML1" (patient, card, dates, facility). */
function alignWithXml1(t: Tables): void {
  const x = t.XML1![0]!;
  for (const [id, records] of Object.entries(t) as [TableId, Rec[]][]) {
    if (id === 'XML1') continue;
    for (const f of REGISTRY.tables[id].fields) {
      if (f.sameAsXml1 === undefined) continue;
      for (const r of records) if ((r[f.name] ?? '') !== '') r[f.name] = x[f.sameAsXml1] ?? '';
    }
  }
}

function setPatient(t: Tables, p: Patient, facility: string, maLk: string): void {
  const x = t.XML1![0]!;
  const year = x.NGAY_VAO!.slice(0, 4);
  Object.assign(x, {
    MA_BN: p.maBn,
    HO_TEN: p.name.toUpperCase(),
    SO_CCCD: p.cccd,
    NGAY_SINH: p.birth,
    GIOI_TINH: p.sex,
    DIA_CHI: `Số ${Number(p.maBn.slice(2)) % 300}, đường 30/4, Cần Thơ`,
    MATINH_CU_TRU: '92',
    MAXA_CU_TRU: p.commune,
    DIEN_THOAI: p.phone,
    MA_THE_BHYT: p.card,
    MA_DKBD: facility,
    GT_THE_TU: `${year}0101`,
    GT_THE_DEN: `${year}1231`,
    MA_CSKCB: facility,
  });
  for (const records of Object.values(t)) for (const r of records) if ('MA_LK' in r) r.MA_LK = maLk;
  for (const r of t.XML9 ?? []) {
    Object.assign(r, {
      MA_BHXH_NND: p.card.slice(5),
      HO_TEN_NND: x.HO_TEN,
      NGAYSINH_NND: p.birth.slice(0, 8),
      SO_CCCD_NND: p.cccd,
      MAXA_CU_TRU: p.commune,
      MA_THE_TAM: `TE192${p.card.slice(7)}00`.slice(0, 15),
    });
  }
}

/** Lines drawn from the pool, renumbered and dated inside the episode. */
function lines(
  pool: readonly Rec[],
  count: number,
  r: () => number,
  start: string,
  end: string,
  dates: readonly string[],
): Rec[] {
  const span = Math.max(1, minutesBetween(start, end) - 2);
  return Array.from({ length: count }, (_, i) => {
    const line = { ...pool[Math.floor(r() * pool.length)]! };
    line.STT = String(i + 1);
    const at = shift(start, 1 + Math.floor((span * i) / Math.max(count, 1) / 2));
    for (const d of dates) if (d in line) line[d] = d === 'NGAY_YL' ? at : shift(at, 1 + (i % 5));
    return line;
  });
}

function cloneTables(t: Tables): Tables {
  const out: Tables = {};
  for (const [id, records] of Object.entries(t) as [TableId, Rec[]][])
    out[id] = records.map((x) => ({ ...x }));
  return out;
}

/** Adds the tables no real sample carries (HIV care, pregnancy rest, sick leave, referral, TB). */
function addMissingTables(t: Tables, facility: string): void {
  const x = t.XML1![0]!;
  const vao = x.NGAY_VAO!;
  const ra = x.NGAY_RA!;
  t.XML4 = clean('XML4', t.XML4 ?? []);
  for (const r of t.XML9 ?? []) if (!r.GHI_CHU) r.GHI_CHU = 'Không';
  x.MA_LOAI_RV = '2';
  x.MA_NOI_DEN = '92001';
  x.MA_LOAI_KCB = '03';
  t.XML6 = [
    minimalRecord('XML6', vao, {
      MA_LK: x.MA_LK!,
      MA_CSKCB: facility,
      NGAYKD_HIV: vao.slice(0, 8),
      BDDT_ARV: vao.slice(0, 8),
      LOAI_DTRI_LAO: '0',
      MA_TINH_TRANG_DK: '9',
      MA_XU_TRI: '8',
    }),
  ];
  t.XML10 = [
    minimalRecord('XML10', vao, {
      MA_LK: x.MA_LK!,
      SO_NGAY: '10',
      TU_NGAY: ra.slice(0, 8),
      DEN_NGAY: shift(ra.slice(0, 8), 10 * 1440),
    }),
  ];
  t.XML11 = [
    minimalRecord('XML11', vao, {
      MA_LK: x.MA_LK!,
      MA_BHXH: x.MA_THE_BHYT!.slice(5),
      MA_THE_BHYT: x.MA_THE_BHYT!,
      SO_NGAY_NGHI: '5',
      TU_NGAY: ra.slice(0, 8),
      DEN_NGAY: shift(ra.slice(0, 8), 4 * 1440),
      MAU_SO: 'CT07',
      NGAY_CT: ra.slice(0, 8),
    }),
  ];
  t.XML13 = [
    minimalRecord('XML13', vao, {
      MA_LK: x.MA_LK!,
      MA_CSKCB: facility,
      MA_NOI_DI: facility,
      MA_NOI_DEN: '92001',
      HO_TEN: x.HO_TEN!,
      NGAY_VAO: vao,
      NGAY_RA: ra,
      MA_LOAI_RV: '2',
      MA_BENH_CHINH: x.MA_BENH_CHINH!,
    }),
  ];
  t.XML15 = [
    minimalRecord('XML15', vao, {
      MA_LK: x.MA_LK!,
      STT: '1',
      MA_BN: x.MA_BN!,
      HO_TEN: x.HO_TEN!,
      SO_CCCD: x.SO_CCCD!,
      MA_CSKCB: facility,
      NGAYBD_DTRI_LAO: vao.slice(0, 8),
      NGAYKT_DTRI_LAO: shift(vao.slice(0, 8), 180 * 1440),
    }),
  ];
}

/** The `index`-th synthetic episode (deterministic for a seed). */
export function syntheticHoso(index: number, o: SyntheticOptions): Hoso {
  const p = loadPools();
  const seed = o.seed ?? 1;
  const r = prng(seed * 104729 + index);
  const template = o.allTables ? p.inpatient : p.outpatient;
  const t = cloneTables(template);
  const x = t.XML1![0]!;
  // A visit on one of the last ~300 days before the template's date, in opening hours.
  const offsetDays = Math.floor(r() * 300);
  const offsetMinutes = -offsetDays * 1440 + Math.floor(r() * 120) - 60;
  for (const [id, records] of Object.entries(t) as [TableId, Rec[]][])
    for (const rec of records) shiftRecord(id, rec, offsetMinutes);
  const maLk = `${o.prefix ?? 'SYN'}${seed}-${pad(index, 8)}`;
  const who = patient(o.patients === undefined ? index : index % o.patients, seed);
  setPatient(t, who, o.facility, maLk);
  if (!o.allTables) {
    const vao = x.NGAY_VAO!;
    const ra = x.NGAY_RA!;
    t.XML2 = lines(p.drugs, o.drugs ?? 8, r, vao, ra, ['NGAY_YL', 'NGAY_TH_YL']);
    t.XML3 = lines(p.services, o.services ?? 8, r, vao, ra, ['NGAY_YL', 'NGAY_TH_YL', 'NGAY_KQ']);
    t.XML4 = lines(p.labs, o.labs ?? 4, r, vao, ra, ['NGAY_KQ']);
    for (const rec of [...t.XML2, ...t.XML3, ...t.XML4]) rec.MA_LK = maLk;
    for (const rec of t.XML3)
      if (['1', '2', '3'].includes(rec.MA_NHOM ?? '') && !rec.MA_MAY) rec.MA_MAY = 'XN.1.00001';
    if (t.XML2.length === 0) delete t.XML2;
    if (t.XML3.length === 0) delete t.XML3;
    if (t.XML4.length === 0) delete t.XML4;
  } else {
    addMissingTables(t, o.facility);
  }
  recomputeTotals(t);
  const ngayTtoan = x.NGAY_TTOAN || x.NGAY_RA!;
  x.NAM_QT = ngayTtoan.slice(0, 4);
  x.THANG_QT = ngayTtoan.slice(4, 6);
  alignWithXml1(t);
  return { tables: t as unknown as Hoso['tables'] };
}

/** An envelope (unsigned: `<CHUKYDONVI/>`) of episodes `from` … `from + count - 1`. */
export function syntheticEnvelope(
  from: number,
  count: number,
  o: SyntheticOptions,
  ngayLap = '20260320',
): string {
  const hoso = Array.from({ length: count }, (_, i) => syntheticHoso(from + i, o));
  return emitEnvelope({ macskcb: o.facility, ngayLap, hoso });
}
