/** Vietnam has one time zone, UTC+7, without daylight saving time. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** `YYYY-MM-DD` of the Vietnam calendar day of an instant. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** `yyyyMMddHHmm` in Vietnam time (XML 130 date-time fields). */
export function vnCompactDateTime(at: Date): string {
  const s = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return s.slice(0, 16).replace(/[-T:]/g, '');
}

/** `HH:mm` and `dd/MM/yyyy` in Vietnam time, for the printed ticket. */
export function vnClock(at: Date): { time: string; date: string } {
  const s = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return { time: s.slice(11, 16), date: `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}` };
}
