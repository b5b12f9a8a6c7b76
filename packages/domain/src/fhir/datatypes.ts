/** FHIR data types built from canonical values (pure). Times are shown in Vietnam time (+07:00, no DST). */
import type { CodeableConcept, Coding, HumanName, Identifier, Reference, Resource } from '@medplum/fhirtypes';
import type { Concept } from '../healthbook/record.ts';

const VN_OFFSET_MS = 7 * 3600_000;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** An instant (`2026-02-12T07:04:00+07:00`) from any ISO timestamp; undefined when unreadable. */
export function instant(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  // A record repeats the same few timestamps on hundreds of resources (meta.lastUpdated): remembered.
  const known = instants.get(iso);
  if (known !== undefined) return known ?? undefined;
  const t = Date.parse(iso);
  let out: string | null = null;
  if (!Number.isNaN(t)) {
    const d = new Date(t + VN_OFFSET_MS);
    out =
      `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
      `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+07:00`;
  }
  if (instants.size >= INSTANTS_MAX) instants.clear();
  instants.set(iso, out);
  return out ?? undefined;
}

const instants = new Map<string, string | null>();
const INSTANTS_MAX = 20_000;

/** A FHIR date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) from a date or a timestamp (Vietnam calendar day). */
export function fhirDate(v: string | null | undefined): string | undefined {
  if (!v) return undefined;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return v;
  return instant(v)?.slice(0, 10);
}

/** A FHIR dateTime kept as received when it already is one (`2021`, `2021-01-29`, full), else an instant. */
export function fhirDateTime(v: string | null | undefined): string | undefined {
  if (!v) return undefined;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(v)) return v;
  return instant(v);
}

/** `[start, end)` in epoch ms of a FHIR date/dateTime, by its precision (search `date=` matching). */
export function dateRange(v: string | null | undefined): readonly [number, number] | null {
  if (!v) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    if (m[3] !== undefined) {
      const s = Date.UTC(y, Number(m[2]) - 1, Number(m[3])) - VN_OFFSET_MS;
      return [s, s + 86_400_000];
    }
    if (m[2] !== undefined) {
      const s = Date.UTC(y, Number(m[2]) - 1, 1) - VN_OFFSET_MS;
      return [s, Date.UTC(y, Number(m[2]), 1) - VN_OFFSET_MS];
    }
    return [Date.UTC(y, 0, 1) - VN_OFFSET_MS, Date.UTC(y + 1, 0, 1) - VN_OFFSET_MS];
  }
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  const secondsPrecision = /T\d{2}:\d{2}:\d{2}/.test(v) ? 1000 : 60_000;
  return [t, t + secondsPrecision];
}

export function coding(
  system: string | undefined,
  code: string | null | undefined,
  display?: string | null,
): Coding | undefined {
  if (code === null || code === undefined || code === '') return undefined;
  return { ...(system ? { system } : {}), code, ...(display ? { display } : {}) };
}

/** A CodeableConcept with one coding (and text), or undefined when there is no code and no text. */
export function concept(
  system: string,
  code: string | null | undefined,
  display?: string | null,
  text?: string | null,
): CodeableConcept | undefined {
  const c = coding(system, code, display);
  const t = text ?? display ?? undefined;
  if (!c && !t) return undefined;
  return { ...(c ? { coding: [c] } : {}), ...(t ? { text: t } : {}) };
}

/** A stored concept as FHIR (codings without empty fields). */
export function fromConcept(c: Concept | null | undefined): CodeableConcept | undefined {
  if (!c) return undefined;
  const codings = c.coding
    .map((x) => ({
      ...(x.system ? { system: x.system } : {}),
      ...(x.code ? { code: x.code } : {}),
      ...(x.display ? { display: x.display } : {}),
    }))
    .filter((x) => Object.keys(x).length > 0);
  if (codings.length === 0 && !c.text) return undefined;
  return { ...(codings.length ? { coding: codings } : {}), ...(c.text ? { text: c.text } : {}) };
}

export const ref = <T extends Resource = Resource>(
  type: T['resourceType'],
  id: string,
  display?: string | null,
): Reference<T> => ({
  reference: `${type}/${id}`,
  ...(display ? { display } : {}),
});

export function identifier(
  system: string,
  value: string | null | undefined,
  extra: Partial<Identifier> = {},
): Identifier | undefined {
  if (!value) return undefined;
  return { system, value, ...extra };
}

/**
 * A Vietnamese full name as a HumanName: `text` is the name as written; the family name is the
 * first word and the given names the rest (Họ — tên đệm — tên), which is how Vietnamese names are
 * ordered. A one-word name is given only.
 */
export function vietnameseName(fullName: string): HumanName {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1)
    return { use: 'official', text: fullName.trim(), ...(words[0] ? { given: [words[0]] } : {}) };
  return { use: 'official', text: fullName.trim(), family: words[0], given: words.slice(1) };
}

/** Drop keys whose value is undefined, null, '' or an empty array (FHIR forbids empty elements). */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  // for…in over the object literals of the mappers (no [key, value] pair per field: this runs for
  // every element of every resource).
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
    const v = (o as Record<string, unknown>)[k];
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

/** UTF-8 text as base64 (FHIR Attachment.data), without Node's Buffer. */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
