/** Display formats of the health book (Vietnam time, dd/mm/yyyy). */
const VN = 7 * 3600_000;

const pad = (n: number) => String(n).padStart(2, '0');

function vnParts(iso: string): Date | null {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + VN);
}

/** `2026-02-12T00:04:00Z` → `12/02/2026`; a date (`2026-02-12`, `2026-02`, `2026`) as written. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '';
  const d = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (d) return [d[3], d[2], d[1]].filter(Boolean).join('/');
  const v = vnParts(value);
  return v ? `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}` : value;
}

/** `12/02/2026 07:04` (no time when it is midnight). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return formatDay(value);
  const v = vnParts(value);
  if (!v) return value;
  const time =
    v.getUTCHours() === 0 && v.getUTCMinutes() === 0
      ? ''
      : ` ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
  return `${formatDay(value)}${time}`;
}

/** A period, collapsing the end when it is the same day. */
export function formatPeriod(start: string | null, end: string | null): string {
  const s = formatDateTime(start);
  if (!end) return s;
  const sameDay = formatDay(start) === formatDay(end);
  const e = sameDay ? formatDateTime(end).slice(11) || '' : formatDateTime(end);
  return e ? `${s} – ${e}` : s;
}

/** `I10 · Bệnh lý tăng huyết áp`, or the code alone. */
export function codeName(x: { code: string; name: string | null } | null | undefined): string {
  if (!x) return '';
  return x.name ? `${x.code} · ${x.name}` : x.code;
}

export const isFuture = (value: string | null | undefined): boolean =>
  Boolean(value && Date.parse(value) > Date.now());
