/**
 * Lenient reading of one field value, as documented in xml130.md §4 and §12. The same function is used
 * by the emitter, so that emitted values are always in canonical form. Every change is reported.
 */
import type { FieldSpec } from '../registry/types.ts';

export type Leniency = 'WHITESPACE_TRIMMED' | 'DECIMAL_COMMA' | 'VALUE_PADDED';

const COMMA_DECIMAL = /^-?\d+,\d+$/;
const DIGITS = /^\d+$/;

export function normalizeValue(
  field: FieldSpec,
  raw: string,
  report?: (what: Leniency, original: string) => void,
): string {
  if (field.type === 'text' || raw === '') return raw;
  let value = raw;
  const first = value.charCodeAt(0);
  const lastCode = value.charCodeAt(value.length - 1);
  if (first <= 32 || lastCode <= 32 || first === 0xa0 || lastCode === 0xa0) {
    const trimmed = value.trim();
    if (trimmed !== value) {
      report?.('WHITESPACE_TRIMMED', raw);
      value = trimmed;
    }
  }
  if (
    (field.type === 'decimal' || field.type === 'int') &&
    value.includes(',') &&
    COMMA_DECIMAL.test(value)
  ) {
    report?.('DECIMAL_COMMA', raw);
    value = value.replace(',', '.');
  }
  if (field.padTo !== undefined && value.length < field.padTo && value.length > 0 && DIGITS.test(value)) {
    report?.('VALUE_PADDED', raw);
    value = value.padStart(field.padTo, '0');
  }
  return value;
}

/** Cheap pre-check: false when `normalizeValue` would return `raw` unchanged. */
export function needsNormalization(field: FieldSpec, raw: string): boolean {
  if (field.type === 'text') return false;
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (first <= 32 || last <= 32 || first === 0xa0 || last === 0xa0) return true;
  if ((field.type === 'decimal' || field.type === 'int') && raw.includes(',')) return true;
  return field.padTo !== undefined && raw.length < field.padTo;
}
