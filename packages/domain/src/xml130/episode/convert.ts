/** Conversions from the compact XML 130 value formats to typed values (Vietnam time, UTC+7). */
import { isDate } from '../validate/values.ts';

/** Empty → undefined, otherwise the trimmed value. */
export function opt(value: string | undefined): string | undefined {
  const v = (value ?? '').trim();
  return v === '' ? undefined : v;
}

/** `;` list → trimmed, non-empty items. */
export function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** Decimal string → number (undefined when empty or not a number). */
export function num(value: string | undefined): number | undefined {
  const v = (value ?? '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(v)) return undefined;
  return Number(v);
}

/** `yyyyMMddHHmm` → `yyyy-MM-ddTHH:mm:00+07:00` (undefined unless a valid 12-digit value). */
export function dateTime(value: string | undefined): string | undefined {
  const v = (value ?? '').trim();
  if (!/^\d{12}$/.test(v) || Number(v.slice(8, 10)) > 23 || Number(v.slice(10, 12)) > 59) return undefined;
  const d = date(v.slice(0, 8));
  return d === undefined ? undefined : `${d}T${v.slice(8, 10)}:${v.slice(10, 12)}:00+07:00`;
}

/** `yyyyMMdd` (or the date part of `yyyyMMddHHmm`) → `yyyy-MM-dd`. */
export function date(value: string | undefined): string | undefined {
  const v = (value ?? '').trim();
  if (!/^\d{8}(\d{4})?$/.test(v) || !isDate(v.slice(0, 8))) return undefined;
  return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
}

/** Date-time when the value has a time, otherwise the date. */
export function dateOrDateTime(value: string | undefined): string | undefined {
  const v = (value ?? '').trim();
  return v.length === 12 ? dateTime(v) : date(v);
}

export interface EpisodeBirthDate {
  readonly raw: string;
  readonly year: number;
  /** `yyyy-MM-dd` when day and month are known. */
  readonly date?: string;
  /** Full time when it was recorded (not `0000`, e.g. newborns). */
  readonly dateTime?: string;
}

/** NGAY_SINH (`yyyyMMddHHmm`, `0000` for unknown day+month or time). */
export function birthDate(value: string | undefined): EpisodeBirthDate | undefined {
  const v = (value ?? '').trim();
  if (!/^\d{8}(\d{4})?$/.test(v)) return undefined;
  const year = Number(v.slice(0, 4));
  if (year < 1) return undefined;
  const d = v.slice(4, 8) === '0000' ? undefined : date(v.slice(0, 8));
  const t = d !== undefined && v.length === 12 && v.slice(8) !== '0000' ? dateTime(v) : undefined;
  return {
    raw: v,
    year,
    ...(d === undefined ? {} : { date: d }),
    ...(t === undefined ? {} : { dateTime: t }),
  };
}

/** "CSST<M75_T37_HA120/70_NT18>" inside a progress note → { M: '75', T: '37', HA: '120/70', NT: '18' } (QĐ 4750). */
export function vitalSigns(note: string | undefined): Readonly<Record<string, string>> | undefined {
  const m = /CSST<([^>]*)>/.exec(note ?? '');
  if (m === null) return undefined;
  const out: Record<string, string> = {};
  for (const part of (m[1] ?? '').split('_')) {
    const kv = /^([A-Za-z]+)(.*)$/.exec(part.trim());
    if (kv !== null && kv[1] !== undefined && kv[2] !== undefined && kv[2] !== '')
      out[kv[1].toUpperCase()] = kv[2].trim();
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
