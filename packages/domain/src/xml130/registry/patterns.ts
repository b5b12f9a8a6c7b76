/**
 * Format patterns for identifier fields (xml130.md §7, §10.1). Each pattern is also a rule
 * (`PATTERN_<id>`) with its own severity: most are warnings because the sources are portal sheets or
 * implementations, not the legal text, or because the format is unconfirmed.
 */
import type { SourceId } from './sources.ts';

export interface PatternSpec {
  /** Regular expression source, matched against the whole value (each item of a `;` list). */
  readonly regex: string;
  readonly severity: 'error' | 'warning';
  readonly sources: readonly SourceId[];
  readonly description: string;
  /** Vietnamese name of the expected format, used in messages. */
  readonly expected: string;
}

export const PATTERNS = {
  CSKCB: {
    regex: '^\\d{5}$',
    severity: 'warning',
    sources: ['S1', 'S6'],
    description: 'Facility code: 5 digits (letters unconfirmed), §7.2',
    expected: '5 chữ số',
  },
  CCCD: {
    regex: '^(\\d{9}|\\d{12}|[A-Z]\\d{7})$',
    severity: 'warning',
    sources: ['S4'],
    description: 'Identity number: 9 or 12 digits, or one capital letter + 7 digits (passport), §7.4',
    expected: '9 hoặc 12 chữ số, hoặc 1 chữ in hoa + 7 chữ số',
  },
  ICD10: {
    regex: '^[A-Z]\\d{2}(\\.\\d{1,2})?[A-Z0-9]?$',
    severity: 'warning',
    sources: ['S1'],
    description: 'ICD-10 code (letter, two digits, optional . and 1–2 digits), §7.5',
    expected: 'mã ICD-10 (vd. J18.9)',
  },
  THE_BHYT: {
    regex: '^([A-Z]{2}[1-5]\\d{12}|\\d{10})$',
    severity: 'warning',
    sources: ['S6', 'U1'],
    description:
      'Health-insurance card: 15 characters (2 letters, benefit digit, province, 10-digit BHXH no.) or 10 digits, §7.3',
    expected: '15 ký tự (2 chữ + 1 số quyền lợi + 12 số) hoặc 10 chữ số',
  },
  MA_BHXH: {
    regex: '^(?!0{10}$)\\d{10}$',
    severity: 'warning',
    sources: ['S4', 'S6'],
    description: 'Social-insurance number: 10 digits, not all zeros, §7.6',
    expected: '10 chữ số, không phải toàn số 0',
  },
  MA_GIUONG: {
    regex: '^[HTCK]\\d{3}$',
    severity: 'warning',
    sources: ['S1', 'S6'],
    description: 'Bed code: H/T/C/K + 3 digits, §10.1 #13',
    expected: 'H, T, C hoặc K + 3 chữ số',
  },
  GOI_VTYT: {
    regex: '^G([1-9]\\d{0,2})$',
    severity: 'warning',
    sources: ['S4'],
    description: 'Supply package: G + 1–999, §10.1 #13',
    expected: 'G + số từ 1 đến 999',
  },
  MA_TINH: {
    regex: '^\\d{2}$',
    severity: 'warning',
    sources: ['S6'],
    description: 'Province code: 2 digits, §10.1 #14',
    expected: '2 chữ số',
  },
  MA_XA: {
    regex: '^\\d{5}$',
    severity: 'warning',
    sources: ['S6'],
    description: 'Commune code: 5 digits, §10.1 #14',
    expected: '5 chữ số',
  },
  MA_QUOCTICH: {
    regex: '^\\d{3}$',
    severity: 'warning',
    sources: ['S6'],
    description: 'Nationality code: 3 digits, §10.1 #14',
    expected: '3 chữ số',
  },
  MA_DANTOC: {
    regex: '^\\d{2}$',
    severity: 'warning',
    sources: ['S6'],
    description: 'Ethnicity code: 2 digits, §10.1 #14',
    expected: '2 chữ số',
  },
  MA_LOAI_KCB: {
    regex: '^\\d{2}$',
    severity: 'error',
    sources: ['S1', 'U2'],
    description: 'Encounter type: two-digit string (4750 changed it from number to string), §10.1 #8',
    expected: '2 chữ số (vd. 01)',
  },
  NAM: {
    regex: '^\\d{4}$',
    severity: 'error',
    sources: ['S1'],
    description: 'Settlement year yyyy',
    expected: 'năm 4 chữ số',
  },
  THANG: {
    regex: '^(0[1-9]|1[0-2])$',
    severity: 'error',
    sources: ['S1'],
    description: 'Settlement month 01–12',
    expected: 'tháng 01–12',
  },
} as const satisfies Record<string, PatternSpec>;

export type PatternId = keyof typeof PATTERNS;
