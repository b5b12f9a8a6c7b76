/**
 * Valid-time of a code-list entry. Dates are ISO `YYYY-MM-DD`, both ends inclusive; `null` = open
 * (unknown start, or still valid).
 */
export interface Validity {
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

/** Whether an entry is valid on a day (`YYYY-MM-DD`). ISO dates compare correctly as strings. */
export function isValidOn(entry: Validity, onDate: string): boolean {
  return (
    (entry.validFrom === null || entry.validFrom <= onDate) &&
    (entry.validTo === null || onDate <= entry.validTo)
  );
}

/**
 * Normalise a numeric code to `width` digits: trims, accepts shorter values ("1" → "01") and one extra
 * leading zero ("092" → "92", as in the 3-character MATINH_CU_TRU of QĐ 1551). Anything else → null.
 */
export function normaliseNumericCode(code: string, width: number): string | null {
  const t = code.trim();
  if (!/^\d+$/.test(t) || t.length > width + 1) return null;
  if (t.length === width + 1) return t.startsWith('0') ? t.slice(1) : null;
  return t.padStart(width, '0');
}
