/**
 * Input clean-up shared by the identifier parsers: NFKC folds full-width digits and letters typed on
 * some keyboards or emitted by some scanners; BOM and zero-width characters are dropped.
 */
export function cleanInput(text: string): string {
  return text.normalize('NFKC').replace(/[\uFEFF\u200B-\u200D\u2060]/g, '');
}

/** Clean and remove spaces, dots and dashes between digit/character groups ("092 095.001-234"). */
export function compactCode(text: string): string {
  return cleanInput(text).replace(/[\s.\-_]/g, '');
}
