/**
 * Vietnamese labels the health book shows next to codes. XML 130 codes take their label from the
 * code lists of the XML 130 registry (CODE_LISTS, with their legal sources); the rest is data here.
 */
import { CODE_LISTS, type CodeListId } from '../xml130/index.ts';
import type { DocumentKind } from './record.ts';
import { icd10Name } from './icd10-vi.ts';

export interface CodeLabel {
  readonly code: string;
  readonly name: string | null;
}

const INDEX = new Map<string, Map<string, string>>();

/** The label of `code` in an XML 130 code list, or null. */
export function codeLabel(list: CodeListId, code: string | null | undefined): CodeLabel | null {
  if (code === null || code === undefined || code === '') return null;
  let m = INDEX.get(list);
  if (!m) {
    m = new Map(CODE_LISTS[list].codes.map((c) => [c.code, c.label]));
    INDEX.set(list, m);
  }
  return { code, name: m.get(code) ?? null };
}

export const icd = (code: string): CodeLabel => ({ code, name: icd10Name(code) });

/** Vietnamese titles of the documents an episode can carry (XML 130 tables). */
export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  hiv: 'Hồ sơ điều trị HIV/AIDS',
  discharge: 'Giấy ra viện',
  summary: 'Tóm tắt hồ sơ bệnh án',
  birth: 'Giấy chứng sinh',
  pregnancy_leave: 'Giấy nghỉ dưỡng thai',
  sick_leave: 'Giấy chứng nhận nghỉ việc hưởng BHXH',
  referral: 'Giấy chuyển tuyến (phiếu chuyển cơ sở KCB)',
  appointment: 'Giấy hẹn khám lại',
  tuberculosis: 'Hồ sơ điều trị lao',
};

/** Blood group as XML1.NHOM_MAU sends it (QĐ 3176: "A+", "O-", "AB", …) → a display label. */
export function bloodGroupLabel(raw: string): string {
  const v = raw.trim().toUpperCase().replace(/\s+/g, '');
  const m = /^(AB|A|B|O)(RH)?([+-])?$/.exec(v);
  if (!m) return raw.trim();
  const sign = m[3] === '+' ? ' Rh+' : m[3] === '-' ? ' Rh−' : '';
  return `${m[1] ?? ''}${sign}`;
}
