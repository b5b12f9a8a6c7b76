/**
 * Calendar-date helpers shared by the identifier parsers. Everything is a plain ISO `YYYY-MM-DD`
 * string; no `Date` arithmetic, no time zones.
 */

/** `YYYY-MM-DD` when the parts form a real calendar date (29/02 only in leap years), else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `ddMMyyyy` (CCCD QR) → `YYYY-MM-DD`, or null when malformed or not a real date. */
export function parseCompactDmy(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  return m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/** `dd/MM/yyyy` (BHYT QR; one-digit day/month tolerated) → `YYYY-MM-DD`, or null. */
export function parseSlashDmy(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/** Whether a string is a real ISO calendar date `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

/** Today in Vietnam (UTC+7) as `YYYY-MM-DD`. Parsers take `today` as an option so tests stay deterministic. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** `YYYY-MM-DD` → `ddMMyyyy` (for building CCCD QR strings). */
export function toCompactDmy(iso: string): string {
  return `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;
}

/** `YYYY-MM-DD` → `dd/MM/yyyy` (for building BHYT QR strings). */
export function toSlashDmy(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
