/**
 * Queue-ticket helpers for the registration desk and kiosk. Pure: the caller supplies the counts
 * (tickets served in the last hour, position in line).
 */

/** Bounds of the wait estimate (minutes). */
export const QUEUE_ESTIMATE_LIMITS = {
  /** Below this many patients served in the last hour, the clinic's default pace is used. */
  minSampleSize: 3,
  minMinutesPerPatient: 1,
  maxMinutesPerPatient: 60,
  /** Used when `defaultMinutesPerPatient` is not a positive number. */
  fallbackMinutesPerPatient: 5,
  /** No estimate beyond a working day. */
  maxWaitMinutes: 480,
} as const;

export interface WaitEstimateInput {
  /** 1-based place in line: 1 = next to be called (no wait). */
  readonly position: number;
  /** Patients this clinic finished in the last 60 minutes. */
  readonly servedLastHour: number;
  /** The clinic's usual minutes per patient, used until enough patients were served. */
  readonly defaultMinutesPerPatient: number;
}

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** Estimated minutes until this ticket is called: people ahead × observed (or default) pace, bounded. */
export function estimateWaitMinutes({
  position,
  servedLastHour,
  defaultMinutesPerPatient,
}: WaitEstimateInput): number {
  const L = QUEUE_ESTIMATE_LIMITS;
  const ahead = Number.isFinite(position) ? Math.max(0, Math.floor(position) - 1) : 0;
  const fallback =
    Number.isFinite(defaultMinutesPerPatient) && defaultMinutesPerPatient > 0
      ? defaultMinutesPerPatient
      : L.fallbackMinutesPerPatient;
  const observed =
    Number.isFinite(servedLastHour) && servedLastHour >= L.minSampleSize ? 60 / servedLastHour : fallback;
  const perPatient = clamp(observed, L.minMinutesPerPatient, L.maxMinutesPerPatient);
  return clamp(Math.round(ahead * perPatient), 0, L.maxWaitMinutes);
}

/**
 * "K01-007": clinic code (trimmed, upper case) + ticket number padded to 3 digits (more digits kept).
 * Throws RangeError for an empty clinic code or a number that is not a positive integer.
 */
export function formatTicketNumber(clinicCode: string, n: number): string {
  const code = clinicCode.trim().toUpperCase();
  if (code === '') throw new RangeError('clinicCode must not be empty');
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`ticket number must be a positive integer, got ${n}`);
  return `${code}-${String(n).padStart(3, '0')}`;
}
