import { isIsoDate } from '../identifiers/dates.ts';

/**
 * Days since 0000-03-01 of a real ISO date `YYYY-MM-DD` (proleptic Gregorian), or null. Pure integer
 * arithmetic: no `Date`, no time zone.
 */
export function dayNumber(iso: string): number | null {
  if (!isIsoDate(iso)) return null;
  const y0 = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); null when either is not a real date. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}
