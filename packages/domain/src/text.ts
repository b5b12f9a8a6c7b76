/**
 * Vietnamese text normalisation for matching: strip diacritics (including đ/Đ), lower-case,
 * collapse white space. `nameKey` additionally sorts the words so that word order does not matter
 * ("Nguyễn Văn An" and "An Nguyen Van" share a key).
 */
export function unaccent(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

export function normalizeText(text: string): string {
  return unaccent(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

export function nameKey(fullName: string): string {
  return normalizeText(fullName).split(' ').filter(Boolean).sort().join(' ');
}

/** Title-case a name typed in capitals ("NGUYỄN THỊ ÁNH" → "Nguyễn Thị Ánh"), keeping diacritics. */
export function titleCaseName(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('vi')
    .replace(/(^|\s)(\p{L})/gu, (_m, sp: string, ch: string) => sp + ch.toLocaleUpperCase('vi'));
}
