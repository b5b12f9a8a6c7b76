/** Rules across the tables of one HOSO (xml130.md §10.1 #3, §10.4, §10.5). */
import type { HosoTables } from '../parse/model.ts';
import { REGISTRY, type Registry } from '../registry/index.ts';
import { TABLE_IDS, type TableId } from '../registry/types.ts';
import type { CheckContext } from './fields.ts';
import { compareTimes, daysBetween, fromMilli, isBirth, isDateTime, toMilli } from './values.ts';

type Rec = Readonly<Record<string, string | undefined>>;

const v = (rec: Rec, field: string): string => (rec[field] ?? '').trim();

function where(ctx: CheckContext, table: TableId, field?: string, record?: number) {
  return {
    table,
    ...(field === undefined ? {} : { field }),
    ...(record === undefined ? {} : { record }),
    ...(ctx.hoso === undefined ? {} : { hoso: ctx.hoso }),
  };
}

function rows(tables: HosoTables, id: TableId): readonly Rec[] {
  return tables[id] ?? [];
}

/** Every row of every table carries the MA_LK of XML1. */
export function checkMaLk(
  xml1: Rec,
  tables: HosoTables,
  ctx: CheckContext,
  registry: Registry = REGISTRY,
): void {
  const maLk = v(xml1, 'MA_LK');
  if (maLk === '') return;
  for (const id of TABLE_IDS) {
    if (id === 'XML1' || !registry.tables[id].fields.some((f) => f.name === 'MA_LK')) continue;
    rows(tables, id).forEach((row, i) => {
      const value = v(row, 'MA_LK');
      if (value !== '' && value !== maLk)
        ctx.findings.add('MA_LK_MISMATCH', where(ctx, id, 'MA_LK', i), { value, other: maLk });
    });
  }
}

/** SO_NGAY_DTRI per MA_LOAI_KCB (§10.5 #52). */
export function checkTreatmentDays(xml1: Rec, ctx: CheckContext): void {
  const kind = v(xml1, 'MA_LOAI_KCB');
  const days = v(xml1, 'SO_NGAY_DTRI');
  const vao = v(xml1, 'NGAY_VAO');
  const ra = v(xml1, 'NGAY_RA');
  if (!/^\d+$/.test(days)) return;
  let computed: number | undefined;
  if (['01', '07', '09'].includes(kind)) computed = 0;
  else if (
    ['02', '03', '04', '06'].includes(kind) &&
    isDateTime(vao) &&
    isDateTime(ra) &&
    compareTimes(ra, vao) >= 0
  ) {
    computed = daysBetween(vao, ra) + 1;
  }
  if (computed !== undefined && Number(days) !== computed) {
    ctx.findings.add('SO_NGAY_DTRI_MISMATCH', where(ctx, 'XML1', 'SO_NGAY_DTRI', 0), {
      value: days,
      kind,
      computed,
    });
  }
}

/** Birth not after admission; order and note times inside the episode. */
export function checkEpisodeTimes(xml1: Rec, tables: HosoTables, ctx: CheckContext): void {
  const vao = v(xml1, 'NGAY_VAO');
  const ra = v(xml1, 'NGAY_RA');
  const sinh = v(xml1, 'NGAY_SINH');
  if (isBirth(sinh) && isDateTime(vao) && sinh.slice(4, 8) !== '0000' && compareTimes(sinh, vao) > 0) {
    ctx.findings.add('BIRTH_AFTER_ADMISSION', where(ctx, 'XML1', 'NGAY_SINH', 0), {
      value: sinh,
      other: vao,
    });
  }
  if (!isDateTime(vao) || !isDateTime(ra)) return;
  const window = `[${vao}, ${ra}]`;
  const inside = (table: TableId, field: string) => {
    rows(tables, table).forEach((row, i) => {
      const t = v(row, field);
      if (isDateTime(t) && (compareTimes(t, vao) < 0 || compareTimes(t, ra) > 0)) {
        ctx.findings.add('OUTSIDE_EPISODE', where(ctx, table, field, i), { value: t, other: window });
      }
    });
  };
  inside('XML2', 'NGAY_YL');
  inside('XML3', 'NGAY_YL');
  inside('XML5', 'THOI_DIEM_DBLS');
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** Fields that must repeat XML1 when filled ("Nếu có dữ liệu thì phải giống thông tin này ở bảng 1"). */
export function checkSameAsXml1(
  xml1: Rec,
  tables: HosoTables,
  ctx: CheckContext,
  registry: Registry = REGISTRY,
): void {
  for (const id of TABLE_IDS) {
    if (id === 'XML1') continue;
    const fields = registry.tables[id].fields.filter((f) => f.sameAsXml1 !== undefined);
    if (fields.length === 0) continue;
    rows(tables, id).forEach((row, i) => {
      for (const field of fields) {
        const value = row[field.name] ?? '';
        const other = xml1[field.sameAsXml1 ?? field.name] ?? '';
        if (value.trim() !== '' && !sameText(value, other)) {
          ctx.findings.add('DIFFERS_FROM_XML1', where(ctx, id, field.name, i), {
            value: value.trim(),
            other: other.trim(),
          });
        }
      }
    });
  }
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Row arithmetic of XML2/XML3 (§10.4 #37–39), as warnings. */
export function checkRowArithmetic(tables: HosoTables, ctx: CheckContext): void {
  const amount = (table: 'XML2' | 'XML3', price: string) => {
    rows(tables, table).forEach((row, i) => {
      const qty = toMilli(v(row, 'SO_LUONG'));
      const unit = toMilli(v(row, price));
      const total = toMilli(v(row, 'THANH_TIEN_BV'));
      if (qty === undefined || unit === undefined || total === undefined || v(row, 'THANH_TIEN_BV') === '')
        return;
      const plain = round2((qty / 1000) * (unit / 1000));
      const rate = table === 'XML3' ? Number(v(row, 'TYLE_TT_DV') || '100') : 100;
      const withRate = round2((plain * rate) / 100);
      const actual = total / 1000;
      if (Math.abs(actual - plain) > 0.011 && Math.abs(actual - withRate) > 0.011) {
        ctx.findings.add('ROW_AMOUNT_MISMATCH', where(ctx, table, 'THANH_TIEN_BV', i), {
          value: v(row, 'THANH_TIEN_BV'),
          computed: String(plain),
        });
      }
    });
  };
  amount('XML2', 'DON_GIA');
  amount('XML3', 'DON_GIA_BV');
  for (const table of ['XML2', 'XML3'] as const) {
    rows(tables, table).forEach((row, i) => {
      const parts = ['T_NGUONKHAC_NSNN', 'T_NGUONKHAC_VTNN', 'T_NGUONKHAC_VTTN', 'T_NGUONKHAC_CL'].map((f) =>
        toMilli(v(row, f)),
      );
      const total = toMilli(v(row, 'T_NGUONKHAC'));
      if (total === undefined || parts.some((p) => p === undefined)) return;
      const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
      if (Math.abs(sum - total) > 10) {
        ctx.findings.add('NGUONKHAC_SUM_MISMATCH', where(ctx, table, 'T_NGUONKHAC', i), {
          value: v(row, 'T_NGUONKHAC'),
          computed: fromMilli(sum),
        });
      }
    });
  }
}
