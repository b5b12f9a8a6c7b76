/** Value-level helpers: calendar checks for the compact date formats and exact money arithmetic. */

function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;
}

const D8 = /^\d{8}$/;
const D12 = /^\d{12}$/;

function validYmd(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function validHm(s: string): boolean {
  return Number(s.slice(0, 2)) <= 23 && Number(s.slice(2, 4)) <= 59;
}

/** `yyyyMMdd`, a real calendar date. */
export function isDate(s: string): boolean {
  return D8.test(s) && validYmd(s);
}

/** `yyyyMMddHHmm`, a real calendar time. */
export function isDateTime(s: string): boolean {
  return D12.test(s) && validYmd(s) && validHm(s.slice(8));
}

/** NGAY_SINH: `yyyyMMddHHmm` where `MMdd` = `0000` (unknown day and month) is allowed; `0000` time is a valid time. */
export function isBirth(s: string): boolean {
  if (!D12.test(s) || !validHm(s.slice(8))) return false;
  if (s.slice(4, 8) === '0000') return Number(s.slice(0, 4)) >= 1;
  return validYmd(s);
}

export const INTEGER = /^-?\d+$/;
export const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Number of decimals of a decimal string. */
export function decimals(s: string): number {
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}

/**
 * Decimal string → integer thousandths (exact for ≤ 3 decimals and |value| < 9·10¹²).
 * Returns undefined for non-numbers. Empty counts as 0.
 */
export function toMilli(s: string): number | undefined {
  const v = s.trim();
  if (v === '') return 0;
  if (!DECIMAL.test(v)) return undefined;
  const negative = v.startsWith('-');
  const body = negative ? v.slice(1) : v;
  const dot = body.indexOf('.');
  const int = dot === -1 ? body : body.slice(0, dot);
  const frac = dot === -1 ? '' : body.slice(dot + 1);
  let milli = Number(int) * 1000 + Number((frac + '000').slice(0, 3));
  if (frac.length > 3 && Number(frac.charAt(3)) >= 5) milli += 1;
  return negative ? -milli : milli;
}

/** Integer thousandths → shortest decimal string ("1234.5"). */
export function fromMilli(milli: number): string {
  const negative = milli < 0;
  const abs = Math.abs(Math.round(milli));
  const int = Math.floor(abs / 1000);
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`;
}

/** Splits a `;` list into trimmed, non-empty items. */
export function items(value: string): string[] {
  if (!value.includes(';')) return value.trim() === '' ? [] : [value.trim()];
  return value
    .split(';')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** Compares two compact times on their common precision (date vs date-time compares the date). */
export function compareTimes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Days between two `yyyyMMdd…` values (b − a), by calendar date. */
export function daysBetween(a: string, b: string): number {
  const day = (s: string) =>
    Date.UTC(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8)));
  return Math.round((day(b) - day(a)) / 86_400_000);
}
