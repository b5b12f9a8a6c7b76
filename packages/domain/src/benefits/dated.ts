import { isValidOn } from '../codes/validity.ts';
import type { DatedRow, LegalSource } from './types.ts';

/** The rows of a dated table valid on a day (`YYYY-MM-DD`), in table order. */
export function rowsValidOn<T extends DatedRow>(rows: readonly T[], onDate: string): T[] {
  return rows.filter((r) => isValidOn(r, onDate));
}

/** The first row of a dated table valid on a day, or undefined. */
export function firstRowValidOn<T extends DatedRow>(rows: readonly T[], onDate: string): T | undefined {
  return rows.find((r) => isValidOn(r, onDate));
}

/** "Luật BHYT … Đ22 k3 c" — a source as one line for the desk screen and reports. */
export function formatSource(source: LegalSource): string {
  return source.article === null ? source.document : `${source.document}, ${source.article}`;
}
