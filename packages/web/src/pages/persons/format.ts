import { normalizeText } from '@suckhoe/domain/text';
import type { Identifier, Person } from '../../api/types.ts';
import type { Messages } from '../../i18n/vi.ts';

export type IdentifierSystemKey = keyof Messages['identifierSystem'];

/** The platform's identifier `system` names (and common aliases) → label key. */
const SYSTEM_ALIASES: Record<string, IdentifierSystemKey> = {
  personalid: 'personalId',
  personal_id: 'personalId',
  cccd: 'personalId',
  cmnd: 'cmnd',
  bhyt: 'bhyt',
  bhxh: 'bhxh',
  passport: 'passport',
  cancelledpersonalid: 'cancelledPersonalId',
  bhyttemp: 'bhytTemp',
  vneid: 'vneid',
};

export function identifierSystemKey(system: string): IdentifierSystemKey | null {
  return SYSTEM_ALIASES[system.toLowerCase()] ?? null;
}

/** "2024-03-05" → "05/03/2024"; "1985" stays "1985"; anything else is shown as it came. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''}`;
  return value;
}

function isValidDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A birth date typed at the desk → the API's form. Accepts dd/mm/yyyy (also with - or . and without
 * leading zeros), ddmmyyyy, yyyy-mm-dd, or a year alone. Returns `undefined` for an empty field and
 * `null` for something that is not a plausible date of birth.
 */
export function parseBirthDateInput(input: string, today = new Date()): string | undefined | null {
  const text = input.trim();
  if (!text) return undefined;
  let year: number;
  let month: number;
  let day: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{2})(\d{2})(\d{4})$/.exec(text))) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if (/^\d{4}$/.test(text)) {
    const y = Number(text);
    return y >= 1880 && y <= today.getFullYear() ? text : null;
  } else {
    return null;
  }
  if (year < 1880 || !isValidDay(year, month, day)) return null;
  const iso = `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const todayIso = today.toISOString().slice(0, 10);
  return iso > todayIso ? null : iso;
}

export type QueryKind = 'personalId' | 'cmnd' | 'bhyt' | 'bhxh' | 'passport' | 'identifier' | 'name';

export interface ClassifiedQuery {
  /** What is sent as `q`. */
  q: string;
  kind: QueryKind;
  /** True when the text was a scanned card QR (fields separated by `|`) and `q` its first field. */
  fromQr: boolean;
}

function identifierKind(compact: string): QueryKind | null {
  if (/^\d{12}$/.test(compact)) return 'personalId';
  if (/^\d{9}$/.test(compact)) return 'cmnd';
  if (/^\d{10}$/.test(compact)) return 'bhxh';
  if (/^[A-Z]{2}\d[0-9A-Z]{12}$/.test(compact)) return 'bhyt';
  if (/^[A-Z]\d{7,8}$/.test(compact)) return 'passport';
  if (/\d/.test(compact) && /^[0-9A-Z-]+$/.test(compact)) return 'identifier';
  return null;
}

/**
 * What the desk typed or scanned. A hand-held scanner types the card's QR text: chip ID card
 * `<12-digit ID>|<old CMND>|<name>|…` or BHYT card `<15-char code>|<hex name>|…`; the first field is
 * the identifier. Spaces inside numbers ("0920 8500 1234") are dropped.
 */
export function classifyQuery(input: string): ClassifiedQuery | null {
  const text = input.trim();
  if (!text) return null;
  if (text.includes('|')) {
    const first = (text.split('|')[0] ?? '').replace(/\s+/g, '').toUpperCase();
    const kind = identifierKind(first);
    if (kind) return { q: first, kind, fromQr: true };
  }
  const compact = text.replace(/[\s.]+/g, '').toUpperCase();
  const kind = identifierKind(compact);
  if (kind) return { q: compact, kind, fromQr: false };
  if (normalizeText(text).replace(/\s/g, '').length < 2) return null;
  return { q: text.replace(/\s+/g, ' '), kind: 'name', fromQr: false };
}

function isCurrent(identifier: Identifier, todayIso: string): boolean {
  if (identifier.status && identifier.status !== 'active') return false;
  return !identifier.validTo || identifier.validTo >= todayIso;
}

/** The person's identifier of a system that is valid today (else the most recent one). */
export function currentIdentifier(
  person: Person,
  key: IdentifierSystemKey,
  today = new Date(),
): Identifier | null {
  const todayIso = today.toISOString().slice(0, 10);
  const matching = person.identifiers.filter((id) => identifierSystemKey(id.system) === key);
  const byStart = [...matching].sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''));
  return byStart.find((id) => isCurrent(id, todayIso)) ?? byStart[0] ?? null;
}

export function isIdentifierActive(identifier: Identifier, today = new Date()): boolean {
  return isCurrent(identifier, today.toISOString().slice(0, 10));
}
