/**
 * The canonical episode (domain `Episode`) as rows of the episode tables. Each table is a column list
 * and a row builder, so adding a column is one line in each (and one in the migration).
 */
import type { Episode, Finding, TableId, TableRecord, UnknownElement } from '@suckhoe/domain/xml130/index';
import { date, dateOrDateTime, dateTime } from '@suckhoe/domain/xml130/episode/convert';
import type { Column } from './bulk.ts';

/** An accepted episode ready to be written (see `render.ts` for the form the ingest ships). */
export interface EpisodeWrite extends EpisodeHead {
  readonly episode: Episode;
  readonly hosoIndex: number;
  readonly unknownElements: readonly UnknownElement[];
}

/**
 * A record as JSON without its empty fields (stored compactly; reading fills them back from the
 * registry). Built directly as text: this runs for every line of every episode.
 */
export function compactRecord(r: Readonly<Record<string, string | undefined>>): string {
  let out = '';
  for (const k in r) {
    const v = r[k];
    if (v === undefined || v === '') continue;
    out += `${out === '' ? '{' : ','}"${k}":${jsonString(v)}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

const col = (name: string, type: Column['type']): Column => ({ name, type });
const n = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export class MappingError extends Error {}

/** Episode columns the ingest thread fills: who, which row, which envelope, which send. */
export const EPISODE_HEAD_COLUMNS: readonly Column[] = [
  col('person_id', 'uuid'),
  col('id', 'uuid'),
  col('envelope_sha256', 'text'),
  col('signed', 'boolean'),
  col('signature_verified', 'boolean'),
  col('warning_count', 'integer'),
  col('source', 'text'),
  col('version', 'integer'),
  col('received_at', 'timestamptz'),
];

/** Episode columns that depend on the episode alone (rendered where it is parsed). */
export const EPISODE_BODY_COLUMNS: readonly Column[] = [
  col('facility_code', 'text'),
  col('ma_lk', 'text'),
  col('hoso_index', 'integer'),
  col('ma_bn', 'text'),
  col('ma_hsba', 'text'),
  col('encounter_type', 'text'),
  col('patient_category', 'text'),
  col('admitted_at', 'timestamptz'),
  col('inpatient_admitted_at', 'timestamptz'),
  col('discharged_at', 'timestamptz'),
  col('treatment_days', 'integer'),
  col('outcome', 'text'),
  col('discharge_type', 'text'),
  col('main_icd', 'text'),
  col('secondary_icd', 'text[]'),
  col('traditional_codes', 'text[]'),
  col('procedure_codes', 'text[]'),
  col('departments', 'text[]'),
  col('referred_from', 'text'),
  col('referred_to', 'text'),
  col('insurance_card', 'text'),
  col('total_drugs', 'numeric'),
  col('total_supplies', 'numeric'),
  col('total_cost', 'numeric'),
  col('total_insured', 'numeric'),
  col('patient_paid', 'numeric'),
  col('copayment', 'numeric'),
  col('insurance_paid', 'numeric'),
  col('other_sources', 'numeric'),
  col('insurance_paid_ffs', 'numeric'),
  col('settlement_year', 'integer'),
  col('settlement_month', 'integer'),
  col('paid_at', 'timestamptz'),
  col('follow_up_dates', 'date[]'),
  col('drug_count', 'integer'),
  col('service_count', 'integer'),
  col('lab_count', 'integer'),
  col('tables', 'text[]'),
  col('patient', 'jsonb'),
  col('xml1', 'jsonb'),
  col('unknown_elements', 'jsonb'),
];

export const EPISODE_COLUMNS: readonly Column[] = [...EPISODE_HEAD_COLUMNS, ...EPISODE_BODY_COLUMNS];

const int = (v: number | undefined): number | null => (v === undefined || !Number.isInteger(v) ? null : v);

/** What the ingest thread knows about a row of `episode`. */
export interface EpisodeHead {
  readonly id: string;
  readonly personId: string;
  readonly warnings: readonly Finding[];
  readonly signed: boolean;
  readonly signatureVerified: boolean;
  readonly source: 'api' | 'import';
}

/** The head cells. `version` and `receivedAt` come from a previous send of the same episode. */
export function episodeHead(
  w: EpisodeHead,
  envelopeSha256: string,
  previous: { version: number; receivedAt: string } | undefined,
): unknown[] {
  return [
    w.personId,
    w.id,
    envelopeSha256,
    w.signed,
    w.signatureVerified,
    w.warnings.length,
    w.source,
    (previous?.version ?? 0) + 1,
    previous?.receivedAt ?? new Date().toISOString(),
  ];
}

/** The body cells (throws MappingError when the episode cannot be stored). */
export function episodeBody(
  e: Episode,
  hosoIndex: number,
  unknownElements: readonly UnknownElement[],
): unknown[] {
  const x = e.tables.XML1?.[0];
  if (x === undefined) throw new MappingError('thiếu XML1');
  const admitted = e.encounter.admittedAt;
  const discharged = e.encounter.dischargedAt;
  if (admitted === undefined) throw new MappingError('NGAY_VAO không đọc được');
  if (discharged === undefined) throw new MappingError('NGAY_RA không đọc được');
  const present = (Object.keys(e.tables) as TableId[]).filter((t) => (e.tables[t]?.length ?? 0) > 0);
  return [
    e.facilityCode,
    e.maLk,
    hosoIndex,
    e.patient.maBn,
    n(e.encounter.maHsba),
    e.encounter.maLoaiKcb,
    n(e.encounter.maDoiTuongKcb),
    admitted,
    n(e.encounter.inpatientAdmittedAt),
    discharged,
    int(e.encounter.soNgayDtri),
    n(e.encounter.ketQuaDtri),
    n(e.encounter.maLoaiRv),
    n(e.diagnoses.main),
    e.diagnoses.secondary,
    e.diagnoses.traditional,
    e.diagnoses.procedures,
    e.encounter.maKhoa,
    n(e.encounter.maNoiDi),
    n(e.encounter.maNoiDen),
    n(e.patient.maTheBhyt),
    n(e.totals.thuoc),
    n(e.totals.vtyt),
    n(e.totals.tongChiBv),
    n(e.totals.tongChiBh),
    n(e.totals.bntt),
    n(e.totals.bncct),
    n(e.totals.bhtt),
    n(e.totals.nguonKhac),
    n(e.totals.bhttGdv),
    int(e.encounter.settlementYear),
    int(e.encounter.settlementMonth),
    n(e.encounter.paidAt),
    e.encounter.followUpDates,
    e.drugs.length,
    e.services.length,
    e.labs.length,
    present,
    JSON.stringify(e.patient),
    compactRecord(x),
    unknownElements.length === 0 ? null : JSON.stringify(unknownElements),
  ];
}

/** The key columns every child row starts with (filled by the ingest thread). */
export const CHILD_KEY_COLUMNS: readonly Column[] = [col('person_id', 'uuid'), col('episode_id', 'uuid')];
const LINE_KEY = [col('line_no', 'integer')];

export const DRUG_COLUMNS: readonly Column[] = [
  ...LINE_KEY,
  col('drug_code', 'text'),
  col('name', 'text'),
  col('group_code', 'text'),
  col('unit', 'text'),
  col('strength', 'text'),
  col('route', 'text'),
  col('dosage', 'text'),
  col('quantity', 'numeric'),
  col('unit_price', 'numeric'),
  col('amount', 'numeric'),
  col('insured_amount', 'numeric'),
  col('insurance_paid', 'numeric'),
  col('copayment', 'numeric'),
  col('patient_paid', 'numeric'),
  col('department', 'text'),
  col('ordered_at', 'timestamptz'),
  col('performed_at', 'timestamptz'),
  col('record', 'json'),
];

export function drugRows(e: Episode): unknown[][] {
  return e.drugs.map((d, i) => [
    i,
    d.maThuoc,
    d.tenThuoc,
    n(d.maNhom),
    n(d.donViTinh),
    n(d.hamLuong),
    n(d.duongDung),
    n(d.lieuDung),
    n(d.soLuong),
    n(d.donGia),
    n(d.thanhTienBv),
    n(d.thanhTienBh),
    n(d.tBhtt),
    n(d.tBncct),
    n(d.tBntt),
    n(d.maKhoa),
    n(d.orderedAt),
    n(d.performedAt),
    d.record,
  ]);
}

export const SERVICE_COLUMNS: readonly Column[] = [
  ...LINE_KEY,
  col('kind', 'text'),
  col('service_code', 'text'),
  col('service_name', 'text'),
  col('supply_code', 'text'),
  col('supply_name', 'text'),
  col('group_code', 'text'),
  col('unit', 'text'),
  col('quantity', 'numeric'),
  col('unit_price', 'numeric'),
  col('insured_price', 'numeric'),
  col('amount', 'numeric'),
  col('insured_amount', 'numeric'),
  col('insurance_paid', 'numeric'),
  col('copayment', 'numeric'),
  col('patient_paid', 'numeric'),
  col('department', 'text'),
  col('ordered_at', 'timestamptz'),
  col('performed_at', 'timestamptz'),
  col('result_at', 'timestamptz'),
  col('record', 'json'),
];

export function serviceRows(e: Episode): unknown[][] {
  return e.services.map((s, i) => [
    i,
    s.kind,
    n(s.maDichVu),
    n(s.tenDichVu),
    n(s.maVatTu),
    n(s.tenVatTu),
    n(s.maNhom),
    n(s.donViTinh),
    n(s.soLuong),
    n(s.donGiaBv),
    n(s.donGiaBh),
    n(s.thanhTienBv),
    n(s.thanhTienBh),
    n(s.tBhtt),
    n(s.tBncct),
    n(s.tBntt),
    n(s.maKhoa),
    n(s.orderedAt),
    n(s.performedAt),
    n(s.resultAt),
    s.record,
  ]);
}

export const LAB_COLUMNS: readonly Column[] = [
  ...LINE_KEY,
  col('service_code', 'text'),
  col('indicator_code', 'text'),
  col('indicator_name', 'text'),
  col('value_text', 'text'),
  col('value_num', 'numeric'),
  col('unit', 'text'),
  col('description', 'text'),
  col('conclusion', 'text'),
  col('result_at', 'timestamptz'),
  col('record', 'json'),
];

export function labRows(e: Episode): unknown[][] {
  return e.labs.map((l, i) => [
    i,
    n(l.maDichVu),
    n(l.maChiSo),
    n(l.tenChiSo),
    n(l.giaTri),
    n(l.value),
    n(l.donViDo),
    n(l.moTa),
    n(l.ketLuan),
    n(l.resultAt),
    l.record,
  ]);
}

export const NOTE_COLUMNS: readonly Column[] = [
  ...LINE_KEY,
  col('at', 'timestamptz'),
  col('note', 'text'),
  col('stage', 'text'),
  col('consultation', 'text'),
  col('surgery', 'text'),
  col('vital_signs', 'json'),
  col('record', 'json'),
];

export function noteRows(e: Episode): unknown[][] {
  return e.clinicalNotes.map((c, i) => [
    i,
    n(c.at),
    n(c.dienBienLs),
    n(c.giaiDoanBenh),
    n(c.hoiChan),
    n(c.phauThuat),
    c.vitalSigns === undefined ? null : JSON.stringify(c.vitalSigns),
    c.record,
  ]);
}

export const DOCUMENT_COLUMNS: readonly Column[] = [
  col('table_id', 'text'),
  col('line_no', 'integer'),
  col('kind', 'text'),
  col('facility_code', 'text'),
  col('document_no', 'text'),
  col('document_date', 'date'),
  col('at', 'timestamptz'),
  col('from_facility', 'text'),
  col('to_facility', 'text'),
  col('record', 'json'),
];

type DocTable = 'XML6' | 'XML7' | 'XML8' | 'XML9' | 'XML10' | 'XML11' | 'XML13' | 'XML14' | 'XML15';

interface DocFields {
  kind: string;
  no?: string | undefined;
  date?: string | undefined;
  at?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const blank = (v: string | undefined): string | undefined =>
  v === undefined || v.trim() === '' ? undefined : v.trim();
/** A date (`yyyy-MM-dd`) as the start of that day in Vietnam, for a timestamptz column. */
const dayStart = (d: string | undefined): string | undefined =>
  d === undefined ? undefined : `${d}T00:00:00+07:00`;
const when = (v: string | undefined): string | undefined => {
  const t = dateOrDateTime(v);
  return t !== undefined && t.length === 10 ? dayStart(t) : t;
};

/** Which typed columns each document table fills (the rest of the record is in `record`). */
export const DOCUMENTS: { readonly [T in DocTable]: (r: TableRecord<T>) => DocFields } = {
  XML6: (r) => ({ kind: 'hiv', date: date(r.NGAYKD_HIV), at: dayStart(date(r.NGAY_BAT_DAU_XU_TRI)) }),
  XML7: (r) => ({
    kind: 'discharge',
    no: blank(r.SO_LUU_TRU),
    date: date(r.NGAY_CT),
    at: dateTime(r.NGAY_RA),
  }),
  XML8: (r) => ({ kind: 'summary', date: date(r.NGAY_CT), at: dateTime(r.NGAY_RA) }),
  XML9: (r) => ({ kind: 'birth', no: blank(r.SO), date: date(r.NGAY_CT), at: dateTime(r.NGAY_SINH_CON) }),
  XML10: (r) => ({
    kind: 'pregnancy_leave',
    no: blank(r.SO_CT),
    date: date(r.NGAY_CT),
    at: dayStart(date(r.TU_NGAY)),
  }),
  XML11: (r) => ({
    kind: 'sick_leave',
    no: blank(r.SO_CT),
    date: date(r.NGAY_CT),
    at: dayStart(date(r.TU_NGAY)),
  }),
  XML13: (r) => ({
    kind: 'referral',
    no: blank(r.SO_CHUYENTUYEN),
    at: dateTime(r.NGAY_RA),
    from: blank(r.MA_NOI_DI),
    to: blank(r.MA_NOI_DEN),
  }),
  XML14: (r) => ({
    kind: 'appointment',
    no: blank(r.SO_GIAYHEN_KL),
    date: date(r.NGAY_CT),
    at: when(r.NGAY_HEN_KL),
  }),
  XML15: (r) => ({
    kind: 'tuberculosis',
    date: date(r.NGAYBD_DTRI_LAO),
    at: dayStart(date(r.NGAYBD_DTRI_LAO)),
  }),
};

export const DOCUMENT_TABLES = Object.keys(DOCUMENTS) as DocTable[];

export function documentRows(e: Episode): unknown[][] {
  const rows: unknown[][] = [];
  for (const table of DOCUMENT_TABLES) {
    const records = (e.tables[table] ?? []) as readonly TableRecord<typeof table>[];
    const fields = DOCUMENTS[table] as (r: TableRecord<typeof table>) => DocFields;
    records.forEach((r, i) => {
      const d = fields(r);
      rows.push([table, i, d.kind, e.facilityCode, n(d.no), n(d.date), n(d.at), n(d.from), n(d.to), r]);
    });
  }
  return rows;
}

export const FINDING_COLUMNS: readonly Column[] = [
  col('seq', 'integer'),
  col('table_id', 'text'),
  col('field', 'text'),
  col('rule', 'text'),
  col('code', 'text'),
  col('severity', 'text'),
  col('message', 'text'),
  col('record_index', 'integer'),
];

export function findingRows(warnings: readonly Finding[]): unknown[][] {
  return warnings.map((f, i) => [i, f.table, n(f.field), f.rule, f.code, f.severity, f.message, n(f.record)]);
}

/**
 * Record fields that a typed column of the same row holds verbatim (`column ← FIELD`). The stored
 * `record` leaves such a field out when the column gives it back exactly (`leanRecord`), and reading
 * puts it back (`read.ts`): a datum is stored once. `MA_LK` of every line is the episode's.
 */
const DRUG_FIELDS = {
  drug_code: 'MA_THUOC',
  name: 'TEN_THUOC',
  group_code: 'MA_NHOM',
  unit: 'DON_VI_TINH',
  strength: 'HAM_LUONG',
  route: 'DUONG_DUNG',
  dosage: 'LIEU_DUNG',
  quantity: 'SO_LUONG',
  unit_price: 'DON_GIA',
  amount: 'THANH_TIEN_BV',
  insured_amount: 'THANH_TIEN_BH',
  insurance_paid: 'T_BHTT',
  copayment: 'T_BNCCT',
  patient_paid: 'T_BNTT',
  department: 'MA_KHOA',
} as const;
const SERVICE_FIELDS = {
  service_code: 'MA_DICH_VU',
  service_name: 'TEN_DICH_VU',
  supply_code: 'MA_VAT_TU',
  supply_name: 'TEN_VAT_TU',
  group_code: 'MA_NHOM',
  unit: 'DON_VI_TINH',
  quantity: 'SO_LUONG',
  unit_price: 'DON_GIA_BV',
  insured_price: 'DON_GIA_BH',
  amount: 'THANH_TIEN_BV',
  insured_amount: 'THANH_TIEN_BH',
  insurance_paid: 'T_BHTT',
  copayment: 'T_BNCCT',
  patient_paid: 'T_BNTT',
  department: 'MA_KHOA',
} as const;
const LAB_FIELDS = {
  service_code: 'MA_DICH_VU',
  indicator_code: 'MA_CHI_SO',
  indicator_name: 'TEN_CHI_SO',
  value_text: 'GIA_TRI',
  unit: 'DON_VI_DO',
  description: 'MO_TA',
  conclusion: 'KET_LUAN',
} as const;
const NOTE_FIELDS = {
  note: 'DIEN_BIEN_LS',
  stage: 'GIAI_DOAN_BENH',
  consultation: 'HOI_CHAN',
  surgery: 'PHAU_THUAT',
} as const;

/** A record field held by a typed column: its name, the column, the column's index in the row. */
export interface HeldField {
  readonly field: string;
  readonly column: string;
  readonly cell: number;
}

function held(
  columns: readonly Column[],
  fields: Readonly<Record<string, string>>,
): ReadonlyMap<string, HeldField> {
  const out = new Map<string, HeldField>();
  for (const [column, field] of Object.entries(fields)) {
    const cell = columns.findIndex((c) => c.name === column);
    const type = columns[cell]?.type;
    if (type !== 'text' && type !== 'numeric') throw new Error(`${column}: not a text or numeric column`);
    out.set(field, { field, column, cell });
  }
  return out;
}

/** A plain decimal: what String(number) gives back and PostgreSQL's numeric prints unchanged. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** The text a typed cell reads back as ('' for NULL), or undefined when it may not be verbatim. */
function readBack(cell: unknown): string | undefined {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') {
    const s = String(cell);
    return PLAIN_DECIMAL.test(s) ? s : undefined;
  }
  return undefined;
}

/**
 * The stored form of a line's record (JSON text): its non-empty fields, except those its typed
 * cells give back exactly and `MA_LK` when it is the episode's. A field left out for any other reason
 * (empty) that reading would fill from a column is written out, even empty, so reading is exact.
 */
export function leanRecord(
  r: Readonly<Record<string, string | undefined>>,
  row: readonly unknown[],
  fields: ReadonlyMap<string, HeldField>,
  maLk: string,
): string {
  let out = '';
  for (const k in r) {
    const v = r[k] ?? '';
    let keep: boolean;
    if (k === 'MA_LK') keep = v !== maLk;
    else {
      const h = fields.size === 0 ? undefined : fields.get(k);
      keep = h === undefined ? v !== '' : readBack(row[h.cell]) !== v;
    }
    if (keep) out += `${out === '' ? '{' : ','}"${k}":${jsonString(v)}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

/** Characters JSON.stringify would escape (lone surrogates included). */
// eslint-disable-next-line no-control-regex
const JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON (the common case, nothing to escape, without JSON.stringify's overhead). */
function jsonString(v: string): string {
  return JSON_ESCAPE.test(v) ? JSON.stringify(v) : `"${v}"`;
}

/**
 * Line and document tables: rows from the episode alone (rendered where it is parsed), in write
 * order. The last cell of each row is the record (see `leanRecord`); `columns` exclude the key.
 */
export const LINE_TABLES = [
  {
    table: 'episode_drug',
    xml: 'XML2',
    columns: DRUG_COLUMNS,
    rows: drugRows,
    held: held(DRUG_COLUMNS, DRUG_FIELDS),
  },
  {
    table: 'episode_service',
    xml: 'XML3',
    columns: SERVICE_COLUMNS,
    rows: serviceRows,
    held: held(SERVICE_COLUMNS, SERVICE_FIELDS),
  },
  {
    table: 'episode_lab',
    xml: 'XML4',
    columns: LAB_COLUMNS,
    rows: labRows,
    held: held(LAB_COLUMNS, LAB_FIELDS),
  },
  {
    table: 'episode_note',
    xml: 'XML5',
    columns: NOTE_COLUMNS,
    rows: noteRows,
    held: held(NOTE_COLUMNS, NOTE_FIELDS),
  },
  {
    table: 'episode_document',
    xml: undefined,
    columns: DOCUMENT_COLUMNS,
    rows: documentRows,
    held: new Map<string, HeldField>(),
  },
] as const;

/** Every child table of `episode` (all keyed by person_id, episode_id), in the order they are written and deleted. */
export const CHILD_TABLES: readonly string[] = [...LINE_TABLES.map((t) => t.table), 'episode_finding'];
